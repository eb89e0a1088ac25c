#pragma once
// Nutrient names as they start a facts-panel row ("Sodium", "Total Fat", "Potasio", "Magneslum"), matched
// with OCR-tolerant fuzzy comparison. The four electrolyte minerals are only matched when the word is
// strictly closer to them than to any other nutrient name, so "Manganese", "Molybdenum", "Chloride" and
// "Selenium" never become magnesium, sodium or calcium.

#include "labelcheck/core/mineral.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::facts {

struct NameMatch {
    std::string canonical;          // "sodium", "total fat", "vitamin", "chloride", ...
    std::optional<Mineral> mineral; // set for the four electrolyte minerals (English or Spanish name)
    std::size_t words = 0;          // words of the input consumed
    std::size_t distance = 0;       // summed edit distance after OCR folding (0 = exact)
};

// Matches a nutrient name at words[start...]. Words may carry punctuation ("Sodium,", "(as") and
// bilingual slashes ("Sodium/Sodio" matches sodium on its first half). Returns the longest match.
std::optional<NameMatch> matchNutrientName(const std::vector<std::string>& words, std::size_t start = 0);

// Convenience: splits `text` on spaces and matches at its start ("Sodium (as sodium citrate)").
std::optional<NameMatch> matchNutrientName(std::string_view text);

// The mineral a single word names (fuzzy, English or Spanish), or nullopt.
std::optional<Mineral> matchMineralWord(std::string_view word);

} // namespace labelcheck::facts
