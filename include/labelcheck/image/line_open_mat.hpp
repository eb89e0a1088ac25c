#pragma once
// Opening a binary mask with a straight line: what keeps a panel's rules and drops its type. For the modules that
// work on Mats inside (image, panel); never include from another module's public header.

#include <opencv2/core.hpp>

namespace labelcheck::image {

// cv::morphologyEx(mask, out, cv::MORPH_OPEN, a 1-pixel-thick rectangle `length` long, horizontal or vertical,
// anchored at its centre), pixel for pixel, edges included (OpenCV's erosion takes the outside for set, its
// dilation for clear), in time that does not grow with `length`: each run of set pixels along the line is kept
// or dropped whole. `mask`: 8-bit, 1 channel, 0 or 255. `length` >= 1.
cv::Mat openWithLine(const cv::Mat& mask, int length, bool horizontal);

} // namespace labelcheck::image
