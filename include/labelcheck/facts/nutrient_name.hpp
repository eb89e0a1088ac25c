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

// The mineral a single word names (fuzzy, English or Spanish), or nullopt. A compound's name ("Dipotassium") names
// none.
std::optional<Mineral> matchMineralWord(std::string_view word);

// The length of the compound prefix (mono-, di-, tri-, tetra-) that `letters` (a normalised word: lower-case
// letters) starts with and has at least five letters after ("dipotassium": 2), or 0.
std::size_t compoundPrefixSize(std::string_view letters);

// Whether `word` reads as the end of a nutrient name whose first two letters or more were cut off ("ynesium",
// "assium", "bohydrate"): the word, less at most one leading letter (the remnant of a cut glyph), is three letters
// or more and ends a name of the vocabulary that is at least two letters longer. What a panel outlined short of
// its left edge reads at the start of its rows. The words of other names never are ("vitamin" is not the end of
// "thiamin"); a word that names a nutrient itself is not asked about.
bool isCutNutrientWord(std::string_view word);

// How many of `lines` (a panel read's lines) start with a word cut that way that names no nutrient as read
// ("isium (as", "lassium", "ynesium 380mg 90%"): the rows of a panel read short of its left edge.
int cutNameLines(const std::vector<std::string>& lines);

} // namespace labelcheck::facts
