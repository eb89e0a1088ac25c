#pragma once
// The contract's verdict, decided in this order:
//   unreadable       no facts panel was read and no database record was found;
//   not_electrolyte  neither the label text nor the record claims electrolytes;
//   complete         electrolytes are claimed and nothing is missing;
//   incomplete       electrolytes are claimed and something is missing.

#include "labelcheck/core/check_result.hpp"

namespace labelcheck::rules {

Verdict decideVerdict(bool panelRead, bool recordFound, bool electrolyteClaim, bool anyMissing);

} // namespace labelcheck::rules
