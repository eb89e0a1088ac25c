#pragma once
// Bridge between image::Image and cv::Mat for the modules that already use OpenCV inside
// (image, barcode, panel, ocr preprocessing, scan). Never include this from a public API of another module.

#include "labelcheck/image/image.hpp"

#include <opencv2/core.hpp>

namespace labelcheck::image {

// A cv::Mat header over the Image's pixels: no copy; valid while `img` lives and is not resized.
inline cv::Mat asMat(const Image& img)
{
    return cv::Mat(img.height, img.width, CV_8UC(img.channels), const_cast<std::uint8_t*>(img.pixels.data()));
}

// Copies an 8-bit 1- or 3-channel Mat into an Image.
inline Image fromMat(const cv::Mat& m)
{
    CV_Assert(m.depth() == CV_8U && (m.channels() == 1 || m.channels() == 3));
    cv::Mat c = m.isContinuous() ? m : m.clone();
    Image img;
    img.width = c.cols;
    img.height = c.rows;
    img.channels = c.channels();
    img.pixels.assign(c.datastart, c.dataend);
    return img;
}

} // namespace labelcheck::image
