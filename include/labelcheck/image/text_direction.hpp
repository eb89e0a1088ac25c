#pragma once
// Which way the type in an image runs: across it, or up and down it (a panel outlined sideways).

#include "labelcheck/image/image.hpp"

namespace labelcheck::image {

struct TextDirection {
    int marks = 0;              // glyph-sized marks measured (0: too few to tell)
    double rowsOverColumns = 0; // how much more the marks' centres line up in rows than in columns
};

// Measures `img` (1 or 3 channels, dark type on light): the centres of its glyph-sized marks, binned at a third of
// their median size along each axis; the sum of the squared bin counts along y over the same along x. Type set in
// rows gives several times more along y (6-7 on a panel's head, 1.1 on a package face with type both ways); a panel
// outlined sideways gives under 0.5. Tall narrow panels of short left-aligned rows can give ~0.4-0.5 upright too:
// the measure says something only where a read found nothing.
TextDirection measureTextDirection(const Image& img);

} // namespace labelcheck::image
