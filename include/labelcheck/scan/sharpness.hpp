#pragma once
// Focus measure used to pick the frames worth the expensive OCR.

#include "labelcheck/image/image.hpp"

namespace labelcheck::scan {

// Variance of the Laplacian of the grey image, computed after scaling to `workWidth` pixels wide (never up)
// so that scores of frames from the same stream are comparable and cheap (~1 ms at 640 px).
// Higher is sharper; 0 for an empty or uniform image. Thread-safe.
double sharpness(const image::Image& img, int workWidth = 640);

} // namespace labelcheck::scan
