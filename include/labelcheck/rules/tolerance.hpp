#pragma once
// When a label value and a reference value agree. The label is rounded by its maker, so exact equality
// would call every honest label wrong.
//
// Sodium and potassium (FDA, 21 CFR 101.9(c)(4) and the 2016 rule): below 5 mg is declared 0; 5 to 140 mg
// to the nearest 5 mg; above 140 mg to the nearest 10 mg.
// Calcium and magnesium: FDA rounding for declared amounts (calcium to the nearest 10 mg, magnesium to
// the nearest 5 mg; below 1 increment may be 0), and because supplement makers and databases often keep
// unrounded or per-formulation values, anything within 10% of the larger value also agrees.
// A value estimated from a %DV carries the %DV's rounding (1 point below 10%, 2.5 points up to 50%,
// 5 points above) against the larger of the two eras' Daily Values.

#include "labelcheck/core/mineral.hpp"

#include <optional>

namespace labelcheck::rules {

// The FDA rounding increment at this magnitude, in mg.
double roundingIncrementMg(Mineral m, double mg);

// The value as FDA rounding would declare it, in mg.
double fdaRoundMg(Mineral m, double mg);

// True when a label value (mg; `labelPct` is the printed %DV when the mg was estimated from it) and a
// reference value agree under the rules above.
bool agrees(Mineral m, double labelMg, double referenceMg, bool labelEstimated = false,
            std::optional<double> labelPct = std::nullopt);

} // namespace labelcheck::rules
