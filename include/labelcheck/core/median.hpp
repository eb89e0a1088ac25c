#pragma once
// The median of a set of measurements (glyph heights, rule thicknesses, word tops, grey tones). Pure.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace labelcheck {

// The middle value of `values` (the upper of the two middle ones for an even count); T{} (0) when empty.
template <class T>
T medianOf(std::vector<T> values)
{
    if (values.empty())
        return T{};
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

} // namespace labelcheck
