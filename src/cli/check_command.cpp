// `labelcheck check PATH...`: checks label photos and prints one result per photo, in input order.

#include "check_options.hpp"
#include "commands.hpp"
#include "database_choice.hpp"
#include "inputs.hpp"
#include "models_warning.hpp"
#include "ordered_runner.hpp"
#include "progress.hpp"

#include "labelcheck/image/threads.hpp"
#include "labelcheck/pipeline/checker.hpp"
#include "labelcheck/report/csv.hpp"
#include "labelcheck/report/html.hpp"
#include "labelcheck/report/json_lines.hpp"
#include "labelcheck/report/table.hpp"
#include "labelcheck/report/tally.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <thread>
#include <unistd.h>

namespace labelcheck::cli {

namespace {

// The barcode search's budget per photo in a batch is counted in passes, so that a photo gives the same
// answer on a slow machine as on a fast one. A CPU-time budget (700 ms) had read 204 of the 208 generated photos
// on one machine and 199 on a slower one, where five symbols were decided late (passes 59-87, 540-880 ms).
// Without any budget, every one of those reads is decided by pass 87, and a photo read nowhere ends its ladder
// after 101-122 passes. The CPU-time budget stays as a guard against pathological inputs only.
constexpr int kCheckBarcodeMaxPasses = 96;
constexpr int kCheckBarcodeBudgetMs = 3000;

constexpr const char* kCheckFooter = R"(Examples:
  labelcheck check samples/                      table of every photo under samples/
  labelcheck check --format jsonl a.jpg b.png    JSON Lines (one object per photo) on stdout
  find photos -name '*.jpg' | labelcheck check -  paths from standard input
  labelcheck check --format html -o report.html samples/
  labelcheck check --jobs 2 --fail-on-incomplete --format csv photos/ > results.csv

Exit status: 0 every file processed, 1 an incomplete label with --fail-on-incomplete,
2 usage error, 3 at least one file could not be processed.)";

int runCheck(const CheckOptions& o)
{
    const auto format = parseOutputFormat(o.format);
    if (!format) {
        fmt::print(stderr, "labelcheck check: unknown format '{}' (table, jsonl, csv, html)\n", o.format);
        return kExitUsage;
    }
    auto database = chooseDatabase(o.noDatabase, o.database, "labelcheck");
    if (!database) {
        fmt::print(stderr, "labelcheck check: {}\n", database.error().message);
        return kExitUsage;
    }

    std::ofstream file;
    if (!o.output.empty()) {
        file.open(o.output, std::ios::binary | std::ios::trunc);
        if (!file) {
            fmt::print(stderr, "labelcheck check: cannot write {}\n", o.output);
            return kExitUsage;
        }
    }
    std::ostream& out = o.output.empty() ? std::cout : file;

    const std::vector<Input> inputs = collectInputs(o.paths, std::cin);
    const int jobs = effectiveJobs(o.jobs, std::thread::hardware_concurrency());

    pipeline::CheckerOptions checkerOptions;
    checkerOptions.databasePath = *database;
    // A batch's answers must not depend on the machine, its load or --jobs: the barcode search stops after a
    // number of passes. Its guard counts each worker's CPU time, and the image library does all of a worker's
    // work on the worker's thread.
    checkerOptions.barcode.setMaxPasses(kCheckBarcodeMaxPasses);
    checkerOptions.barcode.setBudgetClock(barcode::BudgetClock::ThreadCpu);
    checkerOptions.barcode.setTimeBudgetMs(o.barcodeBudgetMs.value_or(kCheckBarcodeBudgetMs));
    image::setLibraryThreads(1);
    warnWithoutModels("labelcheck check");
    if (*format == OutputFormat::Html)
        checkerOptions.annotationMaxSide = 480;

    std::vector<std::string> names;
    names.reserve(inputs.size());
    for (const auto& in : inputs)
        names.push_back(in.file);
    report::TableWriter table(names);

    switch (*format) {
    case OutputFormat::Table:
        out << table.header();
        break;
    case OutputFormat::Csv:
        out << report::csvHeader();
        break;
    case OutputFormat::Html:
        out << report::htmlBegin("labelcheck report");
        break;
    case OutputFormat::Jsonl:
        break;
    }
    out.flush();

    report::Tally tally;
    ProgressBar progress(inputs.size(), !o.noProgress && isatty(STDERR_FILENO));
    progress.update(0);

    std::function<Expected<pipeline::Checker>()> makeWorker = [&] { return pipeline::Checker::create(checkerOptions); };
    std::function<pipeline::Inspection(pipeline::Checker&, std::size_t)> work = [&](pipeline::Checker& checker,
                                                                                    std::size_t i) {
        const Input& in = inputs[i];
        if (in.error)
            return pipeline::Inspection{pipeline::failedResult(in.file, *in.error), std::nullopt};
        return checker.check(in.path, in.file);
    };
    std::function<void(std::size_t, pipeline::Inspection &&)> emit = [&](std::size_t i, pipeline::Inspection&& insp) {
        const CheckResult& r = insp.result;
        tally.add(r);
        progress.clear();
        if (!r.ok)
            fmt::print(stderr, "labelcheck: {}: {}\n", r.file, r.error);
        switch (*format) {
        case OutputFormat::Table:
            out << table.row(r);
            break;
        case OutputFormat::Jsonl:
            out << report::toJsonLine(r) << '\n';
            break;
        case OutputFormat::Csv:
            out << report::toCsvRow(r);
            break;
        case OutputFormat::Html:
            out << report::htmlEntry(r, insp.annotation ? &*insp.annotation : nullptr);
            break;
        }
        out.flush();
        progress.update(i + 1);
    };

    Status status = runInOrder<pipeline::Checker, pipeline::Inspection>(inputs.size(), jobs, makeWorker, work, emit);
    progress.clear();

    switch (*format) {
    case OutputFormat::Table:
        if (tally.total > 1)
            out << report::summaryText(tally) << '\n';
        break;
    case OutputFormat::Html:
        out << report::htmlEnd(tally);
        break;
    case OutputFormat::Jsonl:
    case OutputFormat::Csv:
        break;
    }
    out.flush();
    if (!out) {
        fmt::print(stderr, "labelcheck check: writing the output failed\n");
        return kExitUnprocessed;
    }
    if (!status.ok()) {
        fmt::print(stderr, "labelcheck check: {}\n", status.error().message);
        return kExitUnprocessed;
    }
    return checkExitStatus(tally, o.failOnIncomplete);
}

} // namespace

void registerCheck(CLI::App& app, int& exitCode)
{
    auto opts = std::make_shared<CheckOptions>();
    CLI::App* cmd = app.add_subcommand("check", "Check label photos: barcode, facts panel, electrolyte minerals");
    cmd->footer(kCheckFooter);
    cmd->add_option("paths", opts->paths, "Photos or folders (searched recursively); - reads paths from stdin")
        ->required()
        ->type_name("PATH");
    cmd->add_option("-f,--format", opts->format, "Output format")
        ->check(CLI::IsMember({"table", "jsonl", "csv", "html"}))
        ->capture_default_str();
    cmd->add_option("-o,--output", opts->output, "Write the output to FILE instead of standard output")
        ->type_name("FILE");
    cmd->add_option("-j,--jobs", opts->jobs, "Worker threads (default: all cores)")
        ->check(CLI::Range(1, 1024))
        ->type_name("N");
    cmd->add_flag("--fail-on-incomplete", opts->failOnIncomplete,
                  "Exit with status 1 when any label claims electrolytes but lacks one of the four minerals");
    auto* dbOpt =
        cmd->add_option("--db", opts->database,
                        "Product database (default: $LABELCHECK_DB, else ~/.local/share/labelcheck/labelcheck.db)")
            ->type_name("PATH");
    cmd->add_flag("--no-db", opts->noDatabase, "Do not consult the product database")->excludes(dbOpt);
    cmd->add_flag("--no-progress", opts->noProgress, "Never draw the progress bar (it is drawn only on a terminal)");
    cmd->add_option("--barcode-budget-ms", opts->barcodeBudgetMs,
                    fmt::format("CPU-time cap of the barcode search per photo, 0 for none (default {}; the search also "
                                "stops after {} passes)",
                                kCheckBarcodeBudgetMs, kCheckBarcodeMaxPasses))
        ->check(CLI::Range(0, 600000))
        ->type_name("MS");
    cmd->callback([opts, &exitCode] { exitCode = runCheck(*opts); });
}

} // namespace labelcheck::cli
