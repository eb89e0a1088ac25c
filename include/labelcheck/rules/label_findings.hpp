#pragma once
// What the rules need from the photo: the facts parser's minerals and flags plus the electrolyte claim
// found in all of the photo's text. A plain copy of the relevant `facts::Facts` fields, so that `rules`
// depends on `core` only. From a parsed panel `f` and all text lines of the photo:
//   LabelFindings l;
//   l.panelRead = facts::panelReadable(f);
//   l.minerals = f.minerals;  l.unreadable = f.unreadable;  l.mentioned = f.mentioned;
//   l.electrolyteClaim = f.electrolyteClaim || facts::claimsElectrolytes(allLines);
// (tests/unit/rules/label_to_verdict_test.cpp does exactly this.)

#include "labelcheck/core/check_result.hpp"

#include <array>
#include <optional>

namespace labelcheck::rules {

struct LabelFindings {
    bool panelRead = false; // a facts panel was found and parsed (facts::Facts::panel has a value)
    std::array<std::optional<MineralAmount>, 4> minerals; // indexed by index(Mineral), as parsed
    std::array<bool, 4> unreadable{}; // a row for the mineral is present but its values could not be read
    std::array<bool, 4> mentioned{};  // the label names a compound of the mineral (blend, ingredients)
    bool electrolyteClaim = false;    // any text on the photo claims electrolytes
};

} // namespace labelcheck::rules
