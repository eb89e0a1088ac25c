#pragma once
// Label versus database: each mineral whose label value and record value disagree beyond the tolerance
// of tolerance.hpp. Declared-zero and absent agree with each other (both mean "none"). A mineral whose
// label row is present but unreadable is not compared (nothing was read to disagree with).

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/rules/label_findings.hpp"
#include "labelcheck/rules/reference.hpp"

#include <vector>

namespace labelcheck::rules {

// In contract order. Mismatch::labelMg / databaseMg are null when that side has no value.
std::vector<Mismatch> findMismatches(const LabelFindings& label, const ReferenceMinerals& reference);

} // namespace labelcheck::rules
