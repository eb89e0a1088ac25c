#pragma once
// The outline of a label or a pack's face: the bright, sharp-edged quadrilateral a panel is printed on. A narrow
// label seen steeply from one side fans its panel's rows 25-30 degrees away from its sides, past what the panel
// finder levels by turning or shearing the photo; the label's own four corners undo that perspective exactly.

#include "labelcheck/image/image.hpp"
#include "labelcheck/image/quad.hpp"
#include "labelcheck/panel/finder.hpp"

#include <vector>

namespace labelcheck::panel {

struct OutlineOptions {
    int workingLongSide = 800; // the photo is searched at this size (long side, pixels)
    float minArea = 0.02f;     // the smallest outline kept, a share of the photo's area
    float maxArea = 0.9f;      // the largest: past it the outline is the photo's frame (edges everywhere, noise)
    int maxOutlines = 2;
};

// The quadrilaterals in `photo` (1- or 3-channel) whose edges are sharp and closed on all four sides, largest
// first: a label against a background out of focus, a box's face. Corners go round clockwise from the one nearest
// the photo's top-left (TL, TR, BR, BL of the outline as the photo shows it, not of its text). Never throws.
// Thread-safe.
std::vector<image::Quad> findLabelOutlines(const image::Image& photo, const OutlineOptions& options = {});

// The panels findPanels finds on `outline` of `photo` made rectangular (its perspective undone), their corners
// mapped back into `photo`'s pixels. Empty when the outline is degenerate. Never throws. Thread-safe.
std::vector<Panel> findPanelsWithin(const image::Image& photo, const image::Quad& outline,
                                    const FindOptions& options = {});

} // namespace labelcheck::panel
