#include "check_options.hpp"

#include <algorithm>

namespace labelcheck::cli {

std::optional<OutputFormat> parseOutputFormat(std::string_view name)
{
    if (name == "table")
        return OutputFormat::Table;
    if (name == "jsonl")
        return OutputFormat::Jsonl;
    if (name == "csv")
        return OutputFormat::Csv;
    if (name == "html")
        return OutputFormat::Html;
    return std::nullopt;
}

int checkExitStatus(const report::Tally& tally, bool failOnIncomplete)
{
    if (tally.failed > 0)
        return kExitUnprocessed;
    if (failOnIncomplete && tally.incomplete > 0)
        return kExitIncomplete;
    return kExitOk;
}

int effectiveJobs(int requested, unsigned hardwareThreads)
{
    if (requested > 0)
        return requested;
    return static_cast<int>(std::max(1u, hardwareThreads));
}

} // namespace labelcheck::cli
