#pragma once
// The electrolyte rules end to end: label findings + optional database record -> the contract's
// minerals, missing, mentioned_not_declared, electrolyte_claim, verdict and database mismatches.
// Pure and deterministic; safe from any thread.
//
// Which minerals decide:
//  - panel read: the label's minerals. A mineral whose row is present but unreadable is resolved by the
//    record when there is one (record value > 0: present, filled from the record; record 0: missing;
//    record silent: uncertain). Uncertain minerals stay null but are NOT listed as missing, and cap the
//    evaluation's confidence at 0.5 (see `confidence`).
//  - panel not read, record found: the record's minerals (amount in mg, as the record states them).
//  - neither: verdict unreadable; minerals all null (and so all listed in `missing`, per the contract).
// The claim is the label's (all text on the photo) or the record's.

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/rules/label_findings.hpp"
#include "labelcheck/rules/reference.hpp"

#include <array>
#include <optional>
#include <vector>

namespace labelcheck::rules {

struct Evaluation {
    std::array<std::optional<MineralAmount>, 4> minerals; // what the verdict was computed from
    bool mineralsFromDatabase = false;                    // panel not read: minerals are the record's
    std::vector<Mineral> missing;                         // contract order
    std::vector<Mineral> mentionedNotDeclared;
    std::vector<Mineral> uncertain; // rows present but unreadable and not resolved by a record
    bool electrolyteClaim = false;
    Verdict verdict = Verdict::Unreadable;
    // 0..1: the lowest confidence among the label minerals that were read (1 when none carries one),
    // capped at 0.5 when a mineral is uncertain; 1 for a verdict from the record alone; 0 for unreadable.
    double confidence = 0;
    std::optional<DatabaseInfo> database; // set when a database was consulted
};

// `reference` is the product's record when one was found; `databaseConsulted` says whether a database
// was searched at all (so `database.found = false` can be reported).
Evaluation evaluate(const LabelFindings& label, const std::optional<ReferenceMinerals>& reference,
                    bool databaseConsulted);

// Copies the evaluation into the contract result: electrolyteClaim, minerals, missing,
// mentionedNotDeclared, verdict and database. Leaves file, ok, error, barcode, panel and product alone.
void applyEvaluation(const Evaluation& evaluation, CheckResult& result);

} // namespace labelcheck::rules
