#include "labelcheck/scan/session.hpp"

#include "labelcheck/image/opencv.hpp"
#include "labelcheck/scan/capture.hpp"
#include "labelcheck/scan/overlay.hpp"

#include <opencv2/highgui.hpp>
#include <opencv2/imgcodecs.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <mutex>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace labelcheck::scan {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

bool timedOut(const SessionOptions& o, Clock::time_point t0)
{
    return o.timeoutSec && secondsSince(t0) >= *o.timeoutSec;
}

void record(SessionSummary& s, Clock::time_point t0, const ScanEvent& e)
{
    s.eventSeconds.push_back(secondsSince(t0));
    s.eventFrames.push_back(e.frame);
}

// Headless over a recording: every (Nth) frame in order, OCR inline: the output depends only on the frames.
SessionSummary runRecording(VideoSource& source, Analyzer& analyzer, const SessionOptions& o, const ResultSink& sink)
{
    ScannerOptions so = o.scanner;
    so.synchronousOcr = true;
    Scanner scanner(analyzer, so);
    SessionSummary s;
    const auto t0 = Clock::now();
    bool done = false;
    while (!done) {
        if (timedOut(o, t0)) {
            s.timedOut = true;
            break;
        }
        auto frame = source.read();
        if (!frame)
            break;
        ++s.framesCaptured;
        if (frame->index % std::max(1, o.every) != 0)
            continue;
        ++s.framesProcessed;
        for (const auto& e : scanner.process(*frame)) {
            record(s, t0, e);
            sink(e);
            if (o.once) {
                done = true;
                break;
            }
        }
    }
    if (!done)
        for (const auto& e : scanner.finish()) {
            record(s, t0, e);
            sink(e);
            if (o.once)
                break;
        }
    s.seconds = secondsSince(t0);
    s.scanner = scanner.stats();
    return s;
}

// Live: capture thread -> newest frame -> processing thread (Scanner, OCR worker inside); the calling thread
// draws (and, with a window, shows) the newest frame with the latest overlay.
Expected<SessionSummary> runLive(std::unique_ptr<VideoSource> source, Analyzer& analyzer, const SessionOptions& o,
                                 const ResultSink& sink, const ResultFormatter& format)
{
    const bool window = o.display == Display::Window;
    const bool draw = o.display != Display::None;
    if (window) {
        try {
            cv::namedWindow(o.windowTitle, cv::WINDOW_AUTOSIZE | cv::WINDOW_GUI_NORMAL);
        } catch (const cv::Exception& e) {
            return makeError(ErrorCode::Unsupported, "cannot open a window: " + e.err + " (use --headless)");
        }
    }
    ScannerOptions so = o.scanner;
    so.synchronousOcr = false;
    if (so.barcodeEvery == 1)
        so.barcodeEvery = 0; // live: drop to every second frame when decoding cannot keep up
    CaptureThread capture(std::move(source), /*paceToFps=*/true);
    Scanner scanner(analyzer, so);
    SessionSummary s;
    const auto t0 = Clock::now();

    std::mutex eventsMutex;
    std::vector<ScanEvent> pending; // reported by the processing thread, delivered by this one
    std::atomic<bool> stop{false}, processingDone{false};
    std::atomic<std::int64_t> processed{0};
    std::thread processing([&] {
#ifdef __linux__
        setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 2); // the display thread comes first
#endif
        std::int64_t last = -1;
        while (!stop) {
            auto frame = capture.waitNewer(last, std::chrono::milliseconds(50));
            if (!frame) {
                if (capture.ended())
                    break;
                continue;
            }
            last = frame->index;
            ++processed;
            auto events = scanner.process(*frame);
            if (!events.empty()) {
                std::lock_guard lock(eventsMutex);
                pending.insert(pending.end(), events.begin(), events.end());
            }
        }
        if (!stop) {
            auto events = scanner.finish();
            std::lock_guard lock(eventsMutex);
            pending.insert(pending.end(), events.begin(), events.end());
        }
        processingDone = true;
    });

    std::optional<Frame> shown;
    bool frozen = false;
    std::optional<Clock::time_point> lingerUntil;
    Status saveError;
    double fps = 0;
    auto fpsT0 = Clock::now();
    int fpsFrames = 0;
    std::int64_t lastIndex = -1;
    for (;;) {
        {
            std::vector<ScanEvent> events;
            {
                std::lock_guard lock(eventsMutex);
                events.swap(pending);
            }
            for (const auto& e : events) {
                if (lingerUntil)
                    break; // --once: only the first product
                record(s, t0, e);
                sink(e);
                if (o.once)
                    lingerUntil = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                     std::chrono::duration<double>(window ? o.lingerSec : 0));
            }
        }
        if (lingerUntil && Clock::now() >= *lingerUntil)
            break;
        if (timedOut(o, t0)) {
            s.timedOut = true;
            break;
        }
        if (processingDone) {
            std::lock_guard lock(eventsMutex);
            if (pending.empty())
                break;
            continue;
        }
        if (!draw) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        bool fresh = false;
        if (!frozen) {
            if (auto f = capture.waitNewer(lastIndex, std::chrono::milliseconds(window ? 5 : 40))) {
                lastIndex = f->index;
                shown = std::move(f);
                fresh = true;
            }
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(window ? 20 : 40));
        }
        if (!shown || (!fresh && !frozen)) {
            if (window)
                cv::waitKey(1); // keep the window responsive between frames
            continue;
        }
        OverlayState state = scanner.overlay();
        state.fps = fps;
        state.frozen = frozen;
        const image::Image annotated = drawOverlay(shown->image, state);
        if (fresh) {
            ++s.framesDisplayed;
            ++fpsFrames;
        }
        if (const double dt = secondsSince(fpsT0); dt >= 0.5) {
            fps = fpsFrames / dt;
            fpsFrames = 0;
            fpsT0 = Clock::now();
        }
        if (!window)
            continue;
        int key = -1;
        try {
            cv::imshow(o.windowTitle, image::asMat(annotated));
            key = cv::waitKey(1);
        } catch (const cv::Exception& e) {
            stop = true;
            processing.join();
            return makeError(ErrorCode::Unsupported, "window failed: " + e.err);
        }
        if (key == 'q' || key == 'Q' || key == 27) {
            s.quit = true;
            break;
        }
        if (key == ' ')
            frozen = !frozen;
        if (key == 's' || key == 'S') {
            if (auto st = saveSnapshot(o.saveDir, *shown, annotated, scanner.current(), format); !st)
                saveError = st;
            else
                std::fprintf(stderr, "labelcheck scan: saved frame %lld to %s\n", static_cast<long long>(shown->index),
                             o.saveDir.string().c_str());
        }
    }
    stop = true;
    processing.join();
    if (window) {
        try {
            cv::destroyWindow(o.windowTitle);
            cv::waitKey(1);
        } catch (const cv::Exception&) {
        }
    }
    s.seconds = secondsSince(t0);
    s.framesCaptured = capture.captured();
    s.framesProcessed = processed;
    s.displayFps = s.seconds > 0 ? s.framesDisplayed / s.seconds : 0;
    s.scanner = scanner.stats();
    if (!saveError)
        return saveError.error();
    return s;
}

} // namespace

Status saveSnapshot(const std::filesystem::path& dir, const Frame& frame, const image::Image& annotated,
                    const std::optional<ScanEvent>& current, const ResultFormatter& format)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create " + dir.string() + ": " + ec.message());
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    const std::string base = (dir / ("scan-" + std::string(stamp) + "-f" + std::to_string(frame.index))).string();
    try {
        if (!cv::imwrite(base + ".jpg", image::asMat(frame.image)) ||
            !cv::imwrite(base + "-annotated.jpg", image::asMat(annotated)))
            return makeError(ErrorCode::Io, "cannot write " + base + ".jpg");
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Io, "cannot write " + base + ".jpg: " + e.err);
    }
    std::ofstream json(base + ".json");
    if (current && format)
        json << format(*current) << "\n";
    else
        json << "null\n";
    if (!json)
        return makeError(ErrorCode::Io, "cannot write " + base + ".json");
    return {};
}

bool displayAvailable()
{
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

Expected<SessionSummary> runSession(std::unique_ptr<VideoSource> source, Analyzer& analyzer,
                                    const SessionOptions& options, const ResultSink& onResult,
                                    const ResultFormatter& format)
{
    if (options.display == Display::None && !source->isLive())
        return runRecording(*source, analyzer, options, onResult);
    return runLive(std::move(source), analyzer, options, onResult, format);
}

} // namespace labelcheck::scan
