#pragma once
// Counts of results by outcome, for the table's summary line, the HTML header and the exit status.

#include "labelcheck/core/check_result.hpp"

namespace labelcheck::report {

struct Tally {
    int total = 0;
    int failed = 0; // ok == false
    int complete = 0;
    int incomplete = 0;
    int notElectrolyte = 0;
    int unreadable = 0; // ok, but verdict unreadable

    void add(const CheckResult& result);
};

// "3 images: 1 complete, 1 incomplete, 0 not electrolyte, 0 unreadable, 1 failed" (no newline).
std::string summaryText(const Tally& tally);

} // namespace labelcheck::report
