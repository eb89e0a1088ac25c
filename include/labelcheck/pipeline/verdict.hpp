#pragma once
// From what was read on a photo (and the product's database record) to the contract's fields: minerals,
// missing, mentioned_not_declared, electrolyte_claim, product, database and the verdict, exactly as
// ../shared/contract/check-output.md defines them.

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/db/product.hpp"
#include "labelcheck/facts/facts.hpp"
#include "labelcheck/facts/mentions.hpp"

#include <optional>

namespace labelcheck::pipeline {

struct LabelReading {
    std::optional<facts::Facts> facts;    // the facts panel as parsed; nullopt when none was read
    bool photoClaimsElectrolytes = false; // text outside the panel claims electrolytes
    facts::MineralFlags photoMentions{};  // compounds named outside the panel (ingredient list)
};

// A label value and a database value of the same mineral differ when one is declared and the other not,
// or when they differ by more than this fraction of the larger (and by more than kMismatchMinMg).
inline constexpr double kMismatchRelative = 0.10;
inline constexpr double kMismatchMinMg = 2.0;

// Fills `result`'s contract fields from `label` and the database record `product` (null when not found or
// not looked up; `databaseConsulted` says whether a database was asked, which decides between
// `database: {found: false}` and `database: null`). When no panel was read, the minerals are the
// database's. Leaves file/ok/error/barcode alone.
void applyVerdict(CheckResult& result, const LabelReading& label, bool databaseConsulted, const db::Product* product);

} // namespace labelcheck::pipeline
