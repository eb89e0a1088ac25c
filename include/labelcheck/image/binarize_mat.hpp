#pragma once
// The cv::Mat form of binarize.hpp for modules that already work on Mats inside (image, panel, ocr).
// Never include from another module's public header.

#include "labelcheck/image/binarize.hpp"

#include <opencv2/core.hpp>

namespace labelcheck::image {

// As binarizeSauvola, on an 8-bit 1-channel Mat; returns a new 8-bit Mat (ink 0, ground 255).
cv::Mat sauvolaMat(const cv::Mat& grey, const SauvolaOptions& options = {});

} // namespace labelcheck::image
