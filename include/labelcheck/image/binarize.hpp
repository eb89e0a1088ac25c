#pragma once
// Binarisation for text under uneven light and glare.

#include "labelcheck/image/image.hpp"

namespace labelcheck::image {

struct SauvolaOptions {
    int window = 51;      // odd side of the local window in pixels; ~2-3 text-line heights
    float k = 0.25f;      // sensitivity: higher keeps less ink
    float range = 128.0f; // dynamic range of the standard deviation (R)
};

// Sauvola's local threshold: ink (pixels darker than mean * (1 + k * (std / R - 1))) becomes 0, the rest
// 255. Expects dark text on a light ground. Input 1- or 3-channel; output 1-channel of the same size;
// an empty input gives an empty output. Thread-safe.
Image binarizeSauvola(const Image& img, const SauvolaOptions& options = {});

} // namespace labelcheck::image
