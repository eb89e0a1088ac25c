#pragma once

#include <opencv2/core.hpp>

namespace labelcheck::panel::detail {

// `grey` (CV_8UC1) reduced by `factor` (>= 1) to (cols / factor) x (rows / factor), each pixel the darkest (`dark`)
// or the lightest pixel of the factor x factor block that starts where OpenCV's nearest-neighbour resize samples: a
// hairline one pixel wide survives whole, where averaging would fade it into the ground. Pixel for pixel what
// cv::erode (cv::dilate) by a factor x factor square anchored at its top-left corner, then cv::resize to that size
// with INTER_NEAREST, make; computed only where the resize samples (a sixteenth of the photo at factor 4). Throws
// cv::Exception, as that resize does, when the result would be empty.
cv::Mat pooled(const cv::Mat& grey, int factor, bool dark);

} // namespace labelcheck::panel::detail
