#pragma once
// The cv::Mat form of binarize.hpp for modules that already work on Mats inside (image, panel, ocr).
// Never include from another module's public header.

#include "labelcheck/image/binarize.hpp"

#include <opencv2/core.hpp>

namespace labelcheck::image {

// As binarizeSauvola, on an 8-bit 1-channel Mat; returns a new 8-bit Mat (ink 0, ground 255).
cv::Mat sauvolaMat(const cv::Mat& grey, const SauvolaOptions& options = {});

// Type of any colour as dark on white: each pixel's contrast with its local background, in whichever colour
// channel differs most, stretched to 0..255 and inverted (ink dark, ground 255). Luminance loses coloured type
// (green on pink has almost none); a channel difference keeps it. `image`: 8-bit, 1 or 3 channels.
// `backgroundPx`: the background's scale, above the widest stroke to keep. `lightOnDark`: the type is lighter
// than its ground (a dark label): the contrast is how much lighter a pixel is, else how much darker.
cv::Mat inkContrastMat(const cv::Mat& image, int backgroundPx, bool lightOnDark = false);

} // namespace labelcheck::image
