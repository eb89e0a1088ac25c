#pragma once
// Small string tools for OCR'd label text: ASCII case folding, OCR glyph folding and edit distance.
// Pure functions over UTF-8 strings; bytes >= 0x80 pass through unchanged.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::facts {

// ASCII lower case; other bytes unchanged.
std::string toLowerAscii(std::string_view s);

// Reads a word that should be letters: lower-cases it and maps the glyphs OCR confuses with letters
// (0->o, 1/|/!->l, 5->s, 3->e, 8->b) and "rn"->"m" ("Sodiurn" -> "sodium", "E1ectrolytes" -> "electrolytes").
// Only applied when the word already contains at least one letter, so "250" stays "250".
std::string foldToLetters(std::string_view word);

// Keeps only ASCII letters of an already folded word ("sodium/" -> "sodium").
std::string lettersOnly(std::string_view word);

// The words of a line, split at spaces, tabs, hyphens, slashes, commas, semicolons and parentheses
// ("Sodium/Potassium (as sodium-citrate)" -> Sodium, Potassium, as, sodium, citrate).
std::vector<std::string> splitWords(std::string_view line);

// Levenshtein distance (insert, delete, substitute each cost 1), byte-wise.
std::size_t editDistance(std::string_view a, std::string_view b);

} // namespace labelcheck::facts
