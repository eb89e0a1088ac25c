#pragma once
// The four electrolyte minerals labelcheck checks, in contract order.

#include <array>
#include <optional>
#include <string_view>

namespace labelcheck {

enum class Mineral { Sodium, Potassium, Calcium, Magnesium };

inline constexpr std::array<Mineral, 4> kMinerals = {Mineral::Sodium, Mineral::Potassium, Mineral::Calcium,
                                                     Mineral::Magnesium};

// "sodium", "potassium", "calcium", "magnesium" (the contract's keys).
constexpr std::string_view mineralName(Mineral m)
{
    switch (m) {
    case Mineral::Sodium: return "sodium";
    case Mineral::Potassium: return "potassium";
    case Mineral::Calcium: return "calcium";
    case Mineral::Magnesium: return "magnesium";
    }
    return "";
}

// Case-sensitive inverse of mineralName.
constexpr std::optional<Mineral> mineralFromName(std::string_view name)
{
    for (Mineral m : kMinerals)
        if (mineralName(m) == name)
            return m;
    return std::nullopt;
}

constexpr std::size_t index(Mineral m) { return static_cast<std::size_t>(m); }

// Daily Values in mg. Current (FDA 2016 rule) and the pre-2016 reference values.
struct DailyValues {
    double sodium, potassium, calcium, magnesium;
    constexpr double of(Mineral m) const
    {
        switch (m) {
        case Mineral::Sodium: return sodium;
        case Mineral::Potassium: return potassium;
        case Mineral::Calcium: return calcium;
        case Mineral::Magnesium: return magnesium;
        }
        return 0;
    }
};
inline constexpr DailyValues kDailyValues2016 = {2300, 4700, 1300, 420};
inline constexpr DailyValues kDailyValuesPre2016 = {2400, 3500, 1000, 400};

} // namespace labelcheck
