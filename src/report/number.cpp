#include "labelcheck/report/number.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>

namespace labelcheck::report {

double roundForOutput(double value)
{
    if (!std::isfinite(value))
        return value;
    double r = std::round(value * 1e4) / 1e4;
    return r == 0 ? 0.0 : r; // no "-0"
}

std::string formatNumber(double value)
{
    if (!std::isfinite(value))
        return "null";
    double r = roundForOutput(value);
    if (r == std::trunc(r) && std::fabs(r) < 1e15)
        return fmt::format("{}", static_cast<std::int64_t>(r));
    return fmt::format("{}", r); // shortest round-trip form
}

} // namespace labelcheck::report
