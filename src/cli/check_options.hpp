#pragma once
// The options of `labelcheck check` and the pure decisions made from them (formats, exit status).

#include "labelcheck/report/tally.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::cli {

enum class OutputFormat { Table, Jsonl, Csv, Html };

// "table", "jsonl", "csv", "html" (exact, lower case); nullopt otherwise.
std::optional<OutputFormat> parseOutputFormat(std::string_view name);

// Exit codes of `check` (../shared/contract/check-output.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitIncomplete = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnprocessed = 3;

// 3 when any file could not be processed; else 1 when `failOnIncomplete` and any verdict is incomplete;
// else 0. (A file that failed outweighs an incomplete label: the run did not check everything.)
int checkExitStatus(const report::Tally& tally, bool failOnIncomplete);

struct CheckOptions {
    std::vector<std::string> paths;
    std::string format = "table";
    std::string output; // empty: standard output
    int jobs = 0;       // 0: all cores
    bool failOnIncomplete = false;
    std::string database;               // --db; empty: $LABELCHECK_DB or the default path
    bool noDatabase = false;            // --no-db
    bool noProgress = false;            // --no-progress
    std::optional<int> barcodeBudgetMs; // --barcode-budget-ms; nullopt: the barcode module's default
};

// The number of worker threads for `requested` (--jobs): requested when > 0, else the number of cores
// (`hardwareThreads`, at least 1).
int effectiveJobs(int requested, unsigned hardwareThreads);

} // namespace labelcheck::cli
