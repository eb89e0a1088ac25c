#pragma once
// The title of a facts panel: "Supplement Facts", "Nutrition Facts" (also "Nutrition Facts/Datos de
// Nutrición", "Datos de Nutrición", "Nutrition Information"), OCR-tolerant ("Supp1ement Facts",
// "NutritionFacts", "Nutritlon Facts"); and the lines that open and close a panel, which tell whether a read
// of it reached its top and its foot.

#include "labelcheck/core/check_result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::facts {

// The panel type a single line's title names, or nullopt.
std::optional<PanelType> panelTitleOf(std::string_view line);

// True when the line holds a panel title.
inline bool panelTitleIn(std::string_view line)
{
    return panelTitleOf(line).has_value();
}

// The first title found among the lines.
std::optional<PanelType> panelTitle(const std::vector<std::string>& lines);

// Which ends of a panel a read holds. The head: its title, "Serving Size", "Servings Per Container" or
// "Amount Per Serving". The foot: a Daily Value footnote ("Daily Value not established", "Percent Daily
// Values are based on a 2,000 calorie diet", "The % Daily Value (DV) tells you ..."), "Not a significant
// source of ...", or the ingredient list. OCR-tolerant, two or three edits per phrase.
struct PanelEnds {
    bool head = false;
    bool foot = false;
};
PanelEnds panelEnds(const std::vector<std::string>& lines);

} // namespace labelcheck::facts
