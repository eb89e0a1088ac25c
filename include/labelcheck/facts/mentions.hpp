#pragma once
// Minerals a label names as a compound ("Sodium Citrate", "dipotassium phosphate", "Magnesium Lactate",
// "sea salt") in blends, parentheticals or ingredient lists. A mention is not a declared amount; the
// rules report mentioned minerals that are missing as `mentioned_not_declared`.
// Excipients and vitamin or trace-element carriers are not electrolyte sources and are ignored:
// magnesium stearate, calcium silicate, potassium sorbate, sodium benzoate, calcium pantothenate,
// potassium iodide, sodium selenite, sodium molybdate, ...

#include "labelcheck/core/mineral.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::facts {

using MineralFlags = std::array<bool, 4>; // indexed by index(Mineral)

// True when `word` (any case, punctuation allowed) names an electrolyte salt or carrier: citrate,
// chloride, lactate, (bis)glycinate, carbonate, bicarbonate, oxide, phosphate, gluconate, malate, ...
bool isElectrolyteCompoundWord(std::string_view word);

// True for compound words that are excipients or carriers of other nutrients (stearate, sorbate, ...).
bool isExcipientCompoundWord(std::string_view word);

// The mineral named by a prefixed compound word ("dipotassium", "trisodium", "tricalcium"), or nullopt.
std::optional<Mineral> prefixedMineralWord(std::string_view word);

// Scans text lines for mineral compounds (a mineral word followed by an electrolyte compound word, a
// prefixed mineral word followed by one, or salt: "salt", "sea salt").
MineralFlags findCompoundMentions(const std::vector<std::string>& lines);

} // namespace labelcheck::facts
