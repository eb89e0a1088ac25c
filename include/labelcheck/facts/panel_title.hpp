#pragma once
// The title of a facts panel: "Supplement Facts", "Nutrition Facts" (also "Nutrition Facts/Datos de
// Nutrición", "Datos de Nutrición", "Nutrition Information"), OCR-tolerant ("Supp1ement Facts",
// "NutritionFacts", "Nutritlon Facts").

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

} // namespace labelcheck::facts
