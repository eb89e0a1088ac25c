#pragma once
// Which set of Daily Values a panel's %DV column uses: the current ones (FDA 2016 rule: sodium 2300 mg,
// potassium 4700 mg, calcium 1300 mg, magnesium 420 mg) or the pre-2016 ones (2400, 3500, 1000, 400 mg).
// Needed to turn a %DV-only declaration ("Calcium 2%") into milligrams.
//
// The rule (votes; the larger total wins):
//  - pre-2016, 3 votes each: the old footnote table ("Sodium Less than 2,400mg", "Potassium 3,500mg",
//    "Calories: 2,000 2,500"), "Calories from Fat", "Percent Daily Values are based on a 2,000 calorie
//    diet" (not on Supplement Facts, which keep it); 2 votes: the old mandatory "Vitamin A n%" / "Vitamin C n%"
//    %DV-only rows.
//  - current, 3 votes each: "Includes ... Added Sugars", "2,000 calories a day is used for general
//    nutrition advice"; a footnote table naming 2,300 mg sodium.
//  - 1 vote per row declaring both an amount and a %DV whose %DV fits one era's Daily Value clearly better
//    (by more than one percentage point) than the other's (sodium, potassium, calcium, magnesium, total
//    fat 78/65 g, total carbohydrate 275/300 g, dietary fiber 28/25 g).
//  - tie: pre-2016 when calcium or potassium is declared as a %DV only (the 2016 rule requires their
//    amounts), otherwise current.

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/core/mineral.hpp"

#include <optional>
#include <string>
#include <vector>

namespace labelcheck::facts {

enum class DvEra { Current, Pre2016 };

constexpr const DailyValues& dailyValues(DvEra era)
{
    return era == DvEra::Current ? kDailyValues2016 : kDailyValuesPre2016;
}

// One row with an amount and a %DV, for the consistency vote.
struct DvSample {
    std::string canonical; // nutrient name as matched ("sodium", "total fat", ...)
    double amountMg = 0;   // amount converted to mg (g nutrients too: 8 g -> 8000)
    double pct = 0;
};

struct DvEraEvidence {
    int current = 0;
    int pre2016 = 0;
};

// Votes from the panel's text lines (markers above). Supplement Facts panels keep "Percent Daily Values
// are based on a 2,000 calorie diet" under current rules, so that sentence only votes on other panels.
DvEraEvidence eraEvidenceFromText(const std::vector<std::string>& lines, bool supplementFacts = false);

// Adds the consistency votes of `samples`.
void addConsistencyVotes(DvEraEvidence& evidence, const std::vector<DvSample>& samples);

// Decides; `percentOnlyCalciumOrPotassium` breaks a tie towards pre-2016.
DvEra decideEra(const DvEraEvidence& evidence, bool percentOnlyCalciumOrPotassium);

// True when `mg` printed with `pct` %DV fits the mineral's Daily Value of either era, allowing for %DV
// rounding: |mg/DV*100 - pct| <= max(1.5, 20% of pct); a printed 0% fits below 2%; "<1%" (0.5) fits
// below 1.5%.
bool fitsDailyValue(Mineral m, double mg, double pct);

// Stricter: `mg` rounds to the printed whole `pct` (>= 1) under the Daily Value of either era, within half
// a percent. For choosing among readings of a garbled amount, where the loose fit would let several pass.
bool roundsToDailyValue(Mineral m, double mg, double pct);

// Whether a read mineral's printed amount is confirmed by the whole %DV printed beside it (roundsToDailyValue):
// its two numbers agree, which a digit lost or misread in either rarely keeps. False for estimates and for a
// %DV under 1 % or absent.
bool confirmedByDailyValue(Mineral m, const MineralAmount& a);

} // namespace labelcheck::facts
