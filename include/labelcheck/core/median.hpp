#pragma once
// The median of a set of measurements (glyph heights, rule thicknesses, word tops). Pure.

#include <vector>

namespace labelcheck {

// The middle value of `values` (the upper of the two middle ones for an even count); 0 when empty.
float medianOf(std::vector<float> values);

} // namespace labelcheck
