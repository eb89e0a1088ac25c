#pragma once
// A quadrilateral region of a photo, in image pixels: the shape a flat label panel takes under perspective.

#include <array>

namespace labelcheck::image {

struct PointF {
    float x = 0, y = 0;
};

// Corners in the order top-left, top-right, bottom-right, bottom-left of the region's own upright
// orientation (so "top" is the top of the text, whatever the photo's rotation).
using Quad = std::array<PointF, 4>;

} // namespace labelcheck::image
