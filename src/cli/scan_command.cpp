// `labelcheck scan`: the live scanner (camera, video file, image sequence or stream) over the check pipeline.

#include "commands.hpp"
#include "database_choice.hpp"
#include "models_warning.hpp"

#include "labelcheck/scan/session.hpp"
#include "labelcheck/scan/source.hpp"
#ifdef LABELCHECK_SCAN_HAVE_PIPELINE
#include "labelcheck/report/json_lines.hpp"
#include "labelcheck/scan/pipeline_analyzer.hpp"
#endif

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace labelcheck::cli {

namespace {

constexpr int kExitUsage = 2, kExitSetup = 3;
#ifdef LABELCHECK_SCAN_HAVE_PIPELINE
constexpr int kExitOk = 0, kExitNoVerdict = 1;
#endif

constexpr const char* kScanFooter = R"(Sources: camera 0 by default; --camera N for /dev/videoN; --source a video file, an image
sequence pattern (frames/%04d.jpg) or a stream URL (rtsp://, http://).
Window keys: q or Esc quit, space freeze, s save the frame, its annotated copy and the result JSON.
Without a display (or with --headless) one JSON Line per confirmed product goes to standard output, in the
format of `check --format jsonl` with "file" set to the source and a "frame" number.
Exit status: 0 done, 1 --once or --timeout ended without a verdict, 2 usage error, 3 the source or the
pipeline could not be set up.)";

struct ScanOptions {
    int camera = 0;
    std::string source;
    bool headless = false;
    bool once = false;
    double timeout = 0;
    std::string saveDir = "scans";
    std::string database;
    bool noDatabase = false;
    int every = 1;
    int barcodeBudgetMs = 40;
};

#ifdef LABELCHECK_SCAN_HAVE_PIPELINE
// `line` is one JSON object from report::toJsonLine, which starts with the "file" member; adds "frame" after it.
std::string withFrame(const std::string& line, std::int64_t frame)
{
    const std::string key = "\"file\":";
    std::size_t i = line.find(key);
    if (i == std::string::npos)
        return line;
    i += key.size();
    if (i < line.size() && line[i] == '"') {
        for (++i; i < line.size() && line[i] != '"'; ++i)
            if (line[i] == '\\')
                ++i;
        ++i; // past the closing quote
    } else {
        i = line.find(',', i); // null
    }
    if (i == std::string::npos || i > line.size())
        return line;
    return line.substr(0, i) + ",\"frame\":" + std::to_string(frame) + line.substr(i);
}

#endif

int runScan(const ScanOptions& o, bool cameraGiven)
{
    if (cameraGiven && !o.source.empty()) {
        std::fprintf(stderr, "labelcheck scan: give --camera or --source, not both\n");
        return kExitUsage;
    }
    scan::SourceSpec spec;
    spec.camera = o.camera;
    spec.source = o.source;
    auto source = scan::VideoSource::open(spec);
    if (!source) {
        std::fprintf(stderr, "labelcheck scan: %s\n", source.error().message.c_str());
        return kExitSetup;
    }
#ifdef LABELCHECK_SCAN_HAVE_PIPELINE
    auto database = chooseDatabase(o.noDatabase, o.database, "labelcheck scan");
    if (!database) {
        std::fprintf(stderr, "labelcheck scan: %s\n", database.error().message.c_str());
        return kExitSetup;
    }
    const bool windowed = !o.headless && scan::displayAvailable();
    scan::PipelineAnalyzerOptions ao;
    ao.databasePath = *database;
    ao.deterministic = !windowed && !(*source)->isLive(); // a recording scanned headless: reproducible
    warnWithoutModels("labelcheck scan");
    auto analyzer = scan::PipelineAnalyzer::create(ao);
    if (!analyzer) {
        std::fprintf(stderr, "labelcheck scan: %s\n", analyzer.error().message.c_str());
        return kExitSetup;
    }
    scan::SessionOptions so;
    if (!o.headless && !windowed)
        std::fprintf(stderr, "labelcheck scan: no display; running headless\n");
    so.display = windowed ? scan::Display::Window : scan::Display::None;
    so.once = o.once;
    if (o.timeout > 0)
        so.timeoutSec = o.timeout;
    so.every = o.every;
    so.saveDir = o.saveDir;
    so.scanner.barcodeBudgetMs = o.barcodeBudgetMs;
    const std::string name = (*source)->name();
    auto format = [&](const scan::ScanEvent& e) {
        CheckResult r = e.result;
        r.file = name;
        return withFrame(report::toJsonLine(r), e.frame);
    };
    auto sink = [&](const scan::ScanEvent& e) {
        const std::string line = format(e);
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
    };
    auto summary = scan::runSession(std::move(*source), **analyzer, so, sink, format);
    if (!summary) {
        std::fprintf(stderr, "labelcheck scan: %s\n", summary.error().message.c_str());
        return kExitSetup;
    }
    if (summary->timedOut)
        std::fprintf(stderr, "labelcheck scan: stopped after --timeout %g s\n", o.timeout);
    if ((o.once || summary->timedOut) && summary->eventFrames.empty())
        return kExitNoVerdict;
    return kExitOk;
#else
    std::fprintf(stderr, "labelcheck scan: this build lacks the panel/OCR/facts/db modules the scanner needs\n");
    return kExitSetup;
#endif
}

} // namespace

void registerScan(CLI::App& app, int& exitCode)
{
    auto opts = std::make_shared<ScanOptions>();
    CLI::App* cmd = app.add_subcommand("scan", "Scan labels live from a camera, a video or a stream");
    cmd->footer(kScanFooter);
    CLI::Option* cameraOpt =
        cmd->add_option("--camera", opts->camera, "Camera index (N of /dev/videoN)")->check(CLI::NonNegativeNumber)->capture_default_str();
    cmd->add_option("--source", opts->source, "Video file, image-sequence pattern (frames/%04d.jpg) or stream URL")
        ->type_name("FILE|PATTERN|URL");
    cmd->add_flag("--headless", opts->headless, "No window: print one JSON Line per confirmed product (automatic without a display)");
    cmd->add_flag("--once", opts->once, "Exit after the first verdict");
    cmd->add_option("--timeout", opts->timeout, "Stop after SECONDS")->type_name("SECONDS")->check(CLI::PositiveNumber);
    cmd->add_option("--save-dir", opts->saveDir, "Folder for frames saved with the s key")->capture_default_str();
    CLI::Option* dbOpt = cmd->add_option("--db", opts->database,
                                         "Product database (default: $LABELCHECK_DB, else ~/.local/share/labelcheck/labelcheck.db)");
    cmd->add_flag("--no-db", opts->noDatabase, "Do not consult the product database")->excludes(dbOpt);
    cmd->add_option("--every", opts->every, "Headless over a recording: process every Nth frame")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--barcode-budget-ms", opts->barcodeBudgetMs, "Time budget of the barcode search per frame")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    cmd->callback([opts, cameraOpt, &exitCode] { exitCode = runScan(*opts, cameraOpt->count() > 0); });
}

} // namespace labelcheck::cli
