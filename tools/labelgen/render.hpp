#pragma once
// Renders a LabelSpec as a flat, print-quality label image: front text, the facts panel, the ingredient
// list and a real barcode (ZXing::MultiFormatWriter) with its human-readable digits.

#include "fonts.hpp"
#include "label_spec.hpp"
#include "rng.hpp"

#include <opencv2/core.hpp>

namespace labelgen {

struct RenderedLabel {
    cv::Mat image;      // BGR, 8 bit
    double xHeight = 0; // x-height of the panel's body text, px
    cv::Rect panel;     // facts panel box, image coordinates
    cv::Rect barcode;   // barcode symbol with its digits and quiet zone
    std::string layout; // "header-top", "panel-left", "stacked"
    std::string font;   // panel body font file
};

// Draws `spec`; layout, fonts, sizes and colours are drawn from `rng`.
RenderedLabel renderLabel(const LabelSpec& spec, Rng& rng, Fonts& fonts);

} // namespace labelgen
