#pragma once
// The pipeline's hand-over to the rules: what was read on a photo (and the product's database record) to
// the contract's fields: minerals, missing, mentioned_not_declared, electrolyte_claim, panel, product,
// database and the verdict (../shared/contract/check-output.md), decided by rules::evaluate.

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

// Fills `result`'s contract fields from `label` and the database record `product` (null when not found or
// not looked up; `databaseConsulted` says whether a database was asked, which decides between
// `database: {found: false}` and `database: null`). Leaves file, ok, error and barcode alone.
// Returns the rules' confidence in the verdict (0..1).
double applyVerdict(CheckResult& result, const LabelReading& label, bool databaseConsulted, const db::Product* product);

} // namespace labelcheck::pipeline
