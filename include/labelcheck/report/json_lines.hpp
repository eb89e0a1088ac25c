#pragma once
// JSON Lines output of `labelcheck check --format jsonl`: exactly ../shared/contract/check-output.md.

#include "labelcheck/core/check_result.hpp"

#include <string>

namespace labelcheck::report {

// One result as one line of JSON, keys in the contract's order, without the trailing newline.
// Numbers go through formatNumber's rounding (integers without ".0"). A mineral's "estimated" key is
// written only when true and "confidence" only when known; "mentioned_not_declared" only when non-empty.
// Mismatches are {"mineral", "label_mg", "database_mg"}. Pure and thread-safe.
std::string toJsonLine(const CheckResult& result);

} // namespace labelcheck::report
