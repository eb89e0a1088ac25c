#pragma once
// Results used by several report tests: the contract's example, a failed file and an empty read.

#include "labelcheck/core/check_result.hpp"

namespace labelcheck::report::testing {

inline CheckResult contractExample()
{
    CheckResult r;
    r.file = "samples/lmnt-back.jpg";
    r.ok = true;
    r.barcode = BarcodeInfo{"012345678905", "UPC-A", "00012345678905"};
    r.panel = PanelType::SupplementFacts;
    r.product = ProductInfo{"Citrus Electrolyte Drink Mix", "Example Co", "database"};
    r.electrolyteClaim = true;
    r.minerals[index(Mineral::Sodium)] = MineralAmount{200.0, AmountUnit::Mg, 200.0, 9.0, false, std::nullopt};
    r.minerals[index(Mineral::Potassium)] = MineralAmount{99.0, AmountUnit::Mg, 99.0, 2.0, false, std::nullopt};
    r.minerals[index(Mineral::Magnesium)] = MineralAmount{0.06, AmountUnit::G, 0.06 * 1000, 14.0, false, std::nullopt};
    r.missing = {Mineral::Calcium};
    r.verdict = Verdict::Incomplete;
    r.database = DatabaseInfo{true, {}};
    return r;
}

inline CheckResult failed()
{
    CheckResult r;
    r.file = "photos/empty.jpg";
    r.ok = false;
    r.error = "empty file";
    r.missing = {Mineral::Sodium, Mineral::Potassium, Mineral::Calcium, Mineral::Magnesium};
    r.verdict = Verdict::Unreadable;
    return r;
}

} // namespace labelcheck::report::testing
