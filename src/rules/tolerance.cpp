#include "labelcheck/rules/tolerance.hpp"

#include <algorithm>
#include <cmath>

namespace labelcheck::rules {

double roundingIncrementMg(Mineral m, double mg)
{
    switch (m) {
    case Mineral::Sodium:
    case Mineral::Potassium:
        return mg <= 140 ? 5 : 10;
    case Mineral::Calcium:
        return 10;
    case Mineral::Magnesium:
        return 5;
    }
    return 5;
}

double fdaRoundMg(Mineral m, double mg)
{
    if (mg < 0)
        return 0;
    double inc = roundingIncrementMg(m, mg);
    // Below 5 mg (sodium, potassium) or below half an increment (calcium, magnesium) is declared 0.
    if ((m == Mineral::Sodium || m == Mineral::Potassium) ? mg < 5 : mg < inc / 2)
        return 0;
    return std::floor(mg / inc + 0.5) * inc;
}

bool agrees(Mineral m, double labelMg, double referenceMg, bool labelEstimated, std::optional<double> labelPct)
{
    if (fdaRoundMg(m, labelMg) == fdaRoundMg(m, referenceMg))
        return true;
    double diff = std::abs(labelMg - referenceMg);
    double allowed = std::max(roundingIncrementMg(m, labelMg), roundingIncrementMg(m, referenceMg)) / 2.0;
    if (m == Mineral::Calcium || m == Mineral::Magnesium)
        allowed = std::max(allowed, 0.10 * std::max(labelMg, referenceMg));
    if (labelEstimated) {
        double pct = labelPct.value_or(labelMg / kDailyValues2016.of(m) * 100.0);
        double halfStep = pct < 10 ? 1.0 : pct <= 50 ? 2.5 : 5.0;
        double dv = std::max(kDailyValues2016.of(m), kDailyValuesPre2016.of(m));
        // The era is a guess too: allow the gap between the two eras' readings of the same %DV.
        double eraGap = pct / 100.0 * std::abs(kDailyValues2016.of(m) - kDailyValuesPre2016.of(m));
        allowed += halfStep / 100.0 * dv + eraGap;
    }
    return diff <= allowed + 1e-9;
}

} // namespace labelcheck::rules
