#pragma once
// Running a scan: the loop that ties a source, the capture thread, the Scanner and the window together.
// Three ways to run: a highgui window; an offscreen display loop (overlays drawn, nothing shown: benchmarks);
// headless (no drawing). A recording scanned headless is processed frame by frame, deterministically.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/scan/analyzer.hpp"
#include "labelcheck/scan/scanner.hpp"
#include "labelcheck/scan/source.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace labelcheck::scan {

enum class Display {
    Window,    // OpenCV highgui window with overlays; keys q/Esc quit, space freeze, s save
    Offscreen, // the window loop with overlays drawn but not shown (benchmarks, machines without a display)
    None,      // headless
};

struct SessionOptions {
    Display display = Display::None;
    bool once = false;                       // stop after the first reported product
    std::optional<double> timeoutSec;        // stop after this long (wall clock)
    int every = 1;                           // headless recording: process every Nth frame (1: all)
    std::filesystem::path saveDir = "scans"; // where `s` saves frame, annotated frame and result JSON
    std::string windowTitle = "labelcheck scan";
    double lingerSec = 1.5; // window: keep showing the verdict this long before --once exits
    ScannerOptions scanner; // synchronousOcr is set by the session for headless recordings
};

// Called for each reported product, on the thread that runs the session.
using ResultSink = std::function<void(const ScanEvent&)>;
// Formats a result as the JSON written by the `s` key.
using ResultFormatter = std::function<std::string(const ScanEvent&)>;

struct SessionSummary {
    std::int64_t framesCaptured = 0;
    std::int64_t framesProcessed = 0;
    std::int64_t framesDisplayed = 0;
    double seconds = 0;               // wall time of the run
    double displayFps = 0;            // frames drawn per second (window/offscreen)
    std::vector<double> eventSeconds; // when each product was reported, seconds after the start
    std::vector<std::int64_t> eventFrames;
    ScannerStats scanner;
    bool timedOut = false;
    bool quit = false; // the user pressed q/Esc
};

// Runs until the source ends, the user quits, --once has its verdict or the timeout passes.
// Errors: Unsupported when a window is asked for and highgui cannot open one; Io when `s` cannot write.
Expected<SessionSummary> runSession(std::unique_ptr<VideoSource> source, Analyzer& analyzer,
                                    const SessionOptions& options, const ResultSink& onResult,
                                    const ResultFormatter& format = {});

// What the `s` key does: writes `frame` as scan-<time>-f<index>.jpg, `annotated` as ...-annotated.jpg and
// `current` formatted by `format` as ...json ("null" when there is no result yet) into `dir`, created when
// missing. Errors: Io (the folder or a file cannot be written).
Status saveSnapshot(const std::filesystem::path& dir, const Frame& frame, const image::Image& annotated,
                    const std::optional<ScanEvent>& current, const ResultFormatter& format);

// True when a window can be opened: an X11 or Wayland display is set.
bool displayAvailable();

} // namespace labelcheck::scan
