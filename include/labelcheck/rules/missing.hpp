#pragma once
// The contract's `missing` list: minerals that are null or declared as zero, in contract order
// (sodium, potassium, calcium, magnesium). A mineral flagged `uncertain` (its row is on the label but
// could not be read) is never listed: calling it missing would accuse the maker on the strength of an
// OCR failure.

#include "labelcheck/core/check_result.hpp"

#include <array>
#include <optional>
#include <vector>

namespace labelcheck::rules {

// True when the amount counts as not provided: null, or declared as (rounded to) zero.
bool isMissing(const std::optional<MineralAmount>& amount);

std::vector<Mineral> missingMinerals(const std::array<std::optional<MineralAmount>, 4>& minerals,
                                     const std::array<bool, 4>& uncertain = {});

// The subset of `missing` whose compounds the label names (contract order kept) without declaring an amount: a
// mineral that `minerals` holds declared as zero ("Sodium 0mg 0%" above an ingredient list naming salt) is missing,
// but declared.
std::vector<Mineral> mentionedNotDeclared(const std::vector<Mineral>& missing, const std::array<bool, 4>& mentioned,
                                          const std::array<std::optional<MineralAmount>, 4>& minerals = {});

} // namespace labelcheck::rules
