#pragma once
// Whether label text claims electrolytes: "Electrolyte Drink Mix", "ELECTROLYTES", "Hydration +
// Electrolytes", "Electrolyte Blend", "Electrolitos", "Oral Rehydration Solution". Tolerant of OCR noise
// ("E1ectrolytes", "ELECTR0LYTE", "Electro-" / "lytes" across a line break).
// Negated mentions are not claims: "non-electrolyte", "electrolyte-free", "no electrolytes",
// "without electrolytes", "0 electrolytes", "zero electrolytes". One positive mention anywhere is enough,
// as a shopper reading the front of the pack would take it.

#include "labelcheck/core/text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::facts {

bool claimsElectrolytes(std::string_view text);
bool claimsElectrolytes(const std::vector<std::string>& lines);
bool claimsElectrolytes(const std::vector<TextLine>& lines);

// Whether `lines` hold a word that reads as a piece of "electrolytes", whole or garbled ("TOlytes", "Lrolyvtes"): five
// to fourteen letters, within an edit per four letters of five letters or more of it. Not a claim (a piece may be
// "petrol"): a hint that one may be there in type that the read broke, worth reading once more.
bool hintsAtElectrolytes(const std::vector<TextLine>& lines);

} // namespace labelcheck::facts
