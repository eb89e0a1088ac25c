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

// How far a quad is taken on past each of its sides: a share of its width left and right, of its height above and
// below.
struct Growth {
    float left = 0, right = 0, top = 0, bottom = 0;
};

// `q` grown by `g` along its own sides: along its top and bottom edges first (left and right growth), then along
// the sides of that (top and bottom growth). Not clamped to any image.
inline Quad grown(const Quad& q, const Growth& g)
{
    const auto lerp = [](PointF a, PointF b, float t) { return PointF{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; };
    const Quad h{lerp(q[1], q[0], 1 + g.left), lerp(q[0], q[1], 1 + g.right), lerp(q[3], q[2], 1 + g.right),
                 lerp(q[2], q[3], 1 + g.left)};
    return {lerp(h[3], h[0], 1 + g.top), lerp(h[2], h[1], 1 + g.top), lerp(h[1], h[2], 1 + g.bottom),
            lerp(h[0], h[3], 1 + g.bottom)};
}

} // namespace labelcheck::image
