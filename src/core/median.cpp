#include "labelcheck/core/median.hpp"

#include <algorithm>

namespace labelcheck {

float medianOf(std::vector<float> values)
{
    if (values.empty())
        return 0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

} // namespace labelcheck
