// The only main(): parses the command line, runs the chosen subcommand and maps every error to an exit code.

#include "check_options.hpp"
#include "commands.hpp"
#include "version_info.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

// Each photo allocates and frees buffers of tens of megabytes (a 12 MP photo decoded is 36 MB). glibc serves those
// with mmap and unmaps them on free, so the kernel page-faults and zeroes every photo's buffers afresh. Kept in the
// heap and reused instead: on the 43 generated photos of >= 11 MP (`--jobs 1`, one core, paired runs) system time
// 4.4 -> 1.4 s, user time unchanged (70.4 s), the batch's CPU -4 %; page faults on 4 photos 407,000 -> 115,000; peak
// memory on those 4, 427 -> 467 MB with one job, 488 -> 604 MB with two; outputs identical.
void keepLargeBuffers()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    // The worker threads allocate from glibc's per-thread arenas, whose heaps are mapped 64 MB at a time; a heap left
    // empty when a photo's buffers are freed is unmapped whatever the trim threshold, and the next photo faults it in
    // again (how often depends on which buffers a change happens to free: one that freed fewer large ones left heaps
    // empty and cost 6 %). Freed space of this size is kept at each heap's top instead, so heaps stay mapped: page
    // faults on 12 of the 43 photos 125,000 -> 104,000, CPU -2 % (`--jobs 1`); with `--jobs 2` the same wall time.
    mallopt(M_TOP_PAD, 64 << 20);
#endif
}

constexpr const char* kFooter = R"(Examples:
  labelcheck check samples/                       check every photo under samples/ (table)
  labelcheck check --format jsonl photo.jpg       one JSON object per photo
  labelcheck check --format html -o report.html photos/
  labelcheck COMMAND --help                       options of a command

Run 'labelcheck check --help' for the output formats and exit codes.)";

} // namespace

int main(int argc, char** argv)
{
    using namespace labelcheck::cli;
    keepLargeBuffers();
    CLI::App app{"labelcheck: reads supplement and drink-mix label photos (barcode, Supplement/Nutrition Facts)\n"
                 "and flags electrolyte products that lack sodium, potassium, calcium or magnesium.",
                 "labelcheck"};
    app.footer(kFooter);
    app.set_version_flag("-V,--version", std::function<std::string()>(versionText),
                         "Print the version of labelcheck and of the libraries it uses");
    app.require_subcommand(1);

    int exitCode = kExitOk;
    registerCheck(app, exitCode);
#ifdef LABELCHECK_HAVE_DB_COMMAND
    registerDb(app, exitCode);
#endif
#ifdef LABELCHECK_HAVE_SCAN_COMMAND
    registerScan(app, exitCode);
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version are "errors" with exit code 0; everything else is a usage error.
        return app.exit(e) == 0 ? kExitOk : kExitUsage;
    } catch (const std::exception& e) {
        fmt::print(stderr, "labelcheck: internal error: {}\n", e.what());
        return kExitUnprocessed;
    }
    return exitCode;
}
