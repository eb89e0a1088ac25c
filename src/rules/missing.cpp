#include "labelcheck/rules/missing.hpp"

namespace labelcheck::rules {

bool isMissing(const std::optional<MineralAmount>& amount)
{
    // The contract: null or declared as zero. A small amount is declared ("250 mcg" of magnesium is 0.25 mg).
    return !amount || (!amount->unreadable && amount->mg <= 0.0);
}

std::vector<Mineral> missingMinerals(const std::array<std::optional<MineralAmount>, 4>& minerals,
                                     const std::array<bool, 4>& uncertain)
{
    std::vector<Mineral> out;
    for (Mineral m : kMinerals)
        if (isMissing(minerals[index(m)]) && !(uncertain[index(m)] && !minerals[index(m)]))
            out.push_back(m);
    return out;
}

std::vector<Mineral> mentionedNotDeclared(const std::vector<Mineral>& missing, const std::array<bool, 4>& mentioned,
                                          const std::array<std::optional<MineralAmount>, 4>& minerals)
{
    std::vector<Mineral> out;
    for (Mineral m : missing)
        if (mentioned[index(m)] && !minerals[index(m)])
            out.push_back(m);
    return out;
}

} // namespace labelcheck::rules
