#include "labelcheck/scan/scanner.hpp"

#include "labelcheck/scan/sharpness.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace labelcheck::scan {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::string formatAmount(const MineralAmount& a)
{
    char buf[48];
    if (a.amount && a.unit)
        std::snprintf(buf, sizeof buf, "%g %s", *a.amount, std::string(unitName(*a.unit)).c_str());
    else if (a.dailyValuePct)
        std::snprintf(buf, sizeof buf, "%g%% DV (~%g mg)", *a.dailyValuePct, a.mg);
    else
        std::snprintf(buf, sizeof buf, "%g mg", a.mg);
    return buf;
}

void runningMean(double& mean, std::int64_t n, double x) { mean += (x - mean) / static_cast<double>(n); }

// Linux nice values are per thread (and inherited by threads it starts, such as Tesseract's OpenMP pool).
void lowerThisThreadPriority(int nice)
{
#ifdef __linux__
    setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), nice);
#else
    (void)nice;
#endif
}

} // namespace

struct Scanner::Impl {
    Analyzer& analyzer;
    ScannerOptions opt;
    BarcodeConsensus consensus;

    struct Reading {
        std::int64_t frame;
        PanelReading panel;
    };
    std::deque<Reading> readings; // panel frames, oldest first
    static constexpr std::size_t kMaxReadings = 64;

    struct Product {
        barcode::Barcode barcode;
        std::int64_t boundary = -1; // readings of frames after this one belong to the product
        bool reported = false;
        std::optional<CheckResult> latest;
    };
    std::optional<Product> product;
    std::optional<std::int64_t> lastPanelFrame;
    std::optional<Quad> lastPanelOutline;
    std::int64_t lastFrame = -1;
    std::int64_t processed = 0;

    // OCR candidate: the sharpest frame since the last OCR job.
    std::optional<Frame> candidate;
    double candidateScore = -1;
    int sinceSubmit = 0;

    // OCR worker.
    struct Done {
        std::int64_t frame;
        std::optional<PanelReading> reading;
        double ms;
    };
    std::mutex workMutex;
    std::condition_variable workCv;
    std::optional<Frame> job;
    bool busy = false;
    bool stopWorker = false;
    std::vector<Done> done;
    std::thread worker;

    // Snapshots for other threads.
    mutable std::mutex stateMutex;
    OverlayState overlay;
    std::optional<ScanEvent> current;
    ScannerStats stats;

    Impl(Analyzer& a, ScannerOptions o) : analyzer(a), opt(o), consensus(o.consensus)
    {
        if (!opt.synchronousOcr)
            worker = std::thread([this] { workLoop(); });
    }

    ~Impl()
    {
        {
            std::lock_guard lock(workMutex);
            stopWorker = true;
        }
        workCv.notify_all();
        if (worker.joinable())
            worker.join();
    }

    std::optional<PanelReading> readPanelSafely(const image::Image& img)
    {
        try {
            return analyzer.readPanel(img);
        } catch (...) {
            return std::nullopt; // an analyzer bug must not take the camera loop down
        }
    }

    void workLoop()
    {
        lowerThisThreadPriority(5); // OCR yields to the display and the barcode
        std::unique_lock lock(workMutex);
        for (;;) {
            workCv.wait(lock, [&] { return job.has_value() || stopWorker; });
            if (!job)
                return;
            Frame f = std::move(*job);
            job.reset();
            lock.unlock();
            const auto t0 = Clock::now();
            auto reading = readPanelSafely(f.image);
            const double ms = msSince(t0);
            lock.lock();
            done.push_back({f.index, std::move(reading), ms});
            busy = false;
            workCv.notify_all();
        }
    }

    std::vector<Done> takeDone()
    {
        std::lock_guard lock(workMutex);
        return std::exchange(done, {});
    }

    std::int64_t boundary() const { return product ? product->boundary : -1; }

    MineralVote voteSince(std::int64_t after) const
    {
        MineralVote vote(opt.vote);
        for (const auto& r : readings)
            if (r.frame > after)
                vote.add(r.panel.minerals);
        return vote;
    }

    MergedPanel mergeSince(std::int64_t after, const MineralVote& vote) const
    {
        MergedPanel m;
        std::map<PanelType, int> types;
        for (const auto& r : readings) {
            if (r.frame <= after)
                continue;
            ++m.frames;
            if (r.panel.type)
                ++types[*r.panel.type];
            m.electrolyteClaim = m.electrolyteClaim || r.panel.electrolyteClaim;
            for (Mineral x : r.panel.mentionedNotDeclared)
                if (std::find(m.mentionedNotDeclared.begin(), m.mentionedNotDeclared.end(), x) ==
                    m.mentionedNotDeclared.end())
                    m.mentionedNotDeclared.push_back(x);
        }
        int best = 0;
        for (const auto& [t, n] : types)
            if (n > best) {
                best = n;
                m.type = t;
            }
        m.minerals = vote.merged();
        std::sort(m.mentionedNotDeclared.begin(), m.mentionedNotDeclared.end());
        return m;
    }

    bool isSettled(const MineralVote& vote) const
    {
        if (vote.frames() >= opt.settleFrames)
            return true;
        if (vote.frames() < opt.fastSettleFrames)
            return false;
        // Fewer frames suffice when they are unanimous: every frame read the same value for each mineral, or
        // none read it (a partial view of a turning panel disagrees with a full one, so it waits).
        for (Mineral m : kMinerals)
            if (vote.readings(m) != 0 && vote.winnerVotes(m) != vote.frames())
                return false;
        return true;
    }

    // Re-judges the current product from its readings; reports it when it has just settled.
    void rejudge(std::int64_t frame, std::vector<ScanEvent>& events)
    {
        if (!product || product->reported)
            return;
        const MineralVote vote = voteSince(product->boundary);
        product->latest = analyzer.judge(product->barcode, mergeSince(product->boundary, vote));
        if (isSettled(vote)) {
            product->reported = true;
            events.push_back({frame, *product->latest});
        }
    }

    void addReading(std::int64_t readFrame, std::optional<PanelReading> reading, double ms, std::int64_t frame,
                    std::vector<ScanEvent>& events)
    {
        {
            std::lock_guard lock(stateMutex);
            ++stats.ocrRuns;
            runningMean(stats.ocrMsMean, stats.ocrRuns, ms);
            if (reading)
                ++stats.panelFrames;
        }
        if (!reading)
            return;
        lastPanelFrame = readFrame;
        lastPanelOutline = reading->outline;
        readings.push_back({readFrame, std::move(*reading)});
        while (readings.size() > kMaxReadings)
            readings.pop_front();
        rejudge(frame, events);
    }

    void collect(std::int64_t frame, std::vector<ScanEvent>& events)
    {
        for (auto& d : takeDone())
            addReading(d.frame, std::move(d.reading), d.ms, frame, events);
    }

    void reportUnsettled(std::int64_t frame, std::vector<ScanEvent>& events)
    {
        if (!product || product->reported)
            return;
        if (!product->latest)
            product->latest = analyzer.judge(product->barcode, mergeSince(product->boundary, voteSince(product->boundary)));
        product->reported = true;
        events.push_back({frame, *product->latest});
    }

    void readBarcodeOf(const Frame& frame, std::vector<ScanEvent>& events)
    {
        // 0: every frame while decoding keeps up with a 30 fps camera, every second frame when it does not.
        int every = opt.barcodeEvery;
        if (every <= 0) {
            std::lock_guard lock(stateMutex);
            every = (stats.barcodeReads >= 5 && stats.barcodeMsMean > 33.0) ? 2 : 1;
        }
        if ((processed - 1) % every != 0)
            return;
        const auto previousLastRead = consensus.lastConfirmedReadFrame();
        const auto t0 = Clock::now();
        const auto readOptions = opt.synchronousOcr
                                     ? barcode::ReadOptions().setTimeBudgetMs(0).setMaxPasses(opt.barcodeMaxPasses)
                                     : barcode::ReadOptions().setTimeBudgetMs(opt.barcodeBudgetMs);
        auto read = barcode::readBarcode(frame.image, readOptions);
        const double ms = msSince(t0);
        {
            std::lock_guard lock(stateMutex);
            ++stats.barcodeReads;
            runningMean(stats.barcodeMsMean, stats.barcodeReads, ms);
        }
        auto confirmation = consensus.add(frame.index, read);
        if (!confirmation)
            return;
        reportUnsettled(frame.index, events);
        product = Product{confirmation->barcode, previousLastRead.value_or(-1), false, std::nullopt};
        rejudge(frame.index, events);
    }

    void scheduleOcr(const Frame& frame, std::vector<ScanEvent>& events)
    {
        if (product && product->reported) {
            candidate.reset();
            sinceSubmit = 0;
            return;
        }
        const double score = sharpness(frame.image);
        if (!candidate || score > candidateScore) {
            candidate = frame;
            candidateScore = score;
        }
        ++sinceSubmit;
        if (opt.synchronousOcr) {
            if (sinceSubmit >= std::max(1, opt.ocrEvery))
                runCandidateInline(frame.index, events);
            return;
        }
        if (sinceSubmit < std::max(1, opt.minOcrGap))
            return;
        std::lock_guard lock(workMutex);
        if (busy)
            return;
        busy = true;
        job = std::move(candidate);
        candidate.reset();
        candidateScore = -1;
        sinceSubmit = 0;
        workCv.notify_all();
    }

    void runCandidateInline(std::int64_t frame, std::vector<ScanEvent>& events)
    {
        if (!candidate)
            return;
        Frame f = std::move(*candidate);
        candidate.reset();
        candidateScore = -1;
        sinceSubmit = 0;
        const auto t0 = Clock::now();
        auto reading = readPanelSafely(f.image);
        addReading(f.index, std::move(reading), msSince(t0), frame, events);
    }

    void publish()
    {
        OverlayState s;
        if (const auto& gtin = consensus.confirmedGtin())
            s.gtin = *gtin;
        if (consensus.lastConfirmedRead() && lastFrame - *consensus.lastConfirmedReadFrame() <= opt.outlineFrames)
            s.barcodeOutline = consensus.lastConfirmedRead()->corners;
        if (lastPanelFrame && lastFrame - *lastPanelFrame <= opt.panelOutlineFrames)
            s.panelOutline = lastPanelOutline;
        const MineralVote vote = voteSince(boundary());
        for (Mineral m : kMinerals) {
            auto& d = s.minerals[index(m)];
            d.state = vote.state(m);
            if (auto w = vote.winner(m))
                d.text = formatAmount(*w);
        }
        std::optional<ScanEvent> cur;
        if (product && product->latest) {
            if (product->latest->product)
                s.productName = product->latest->product->name;
            if (product->reported)
                s.verdict = product->latest->verdict;
            cur = ScanEvent{lastFrame, *product->latest};
        }
        std::lock_guard lock(stateMutex);
        overlay = std::move(s);
        current = std::move(cur);
        stats.framesProcessed = processed;
    }
};

Scanner::Scanner(Analyzer& analyzer, ScannerOptions options) : impl_(std::make_unique<Impl>(analyzer, options)) {}

Scanner::~Scanner() = default;

std::vector<ScanEvent> Scanner::process(const Frame& frame)
{
    auto& d = *impl_;
    std::vector<ScanEvent> events;
    d.lastFrame = frame.index;
    ++d.processed;
    d.collect(frame.index, events);
    d.readBarcodeOf(frame, events);
    d.scheduleOcr(frame, events);
    d.publish();
    return events;
}

std::vector<ScanEvent> Scanner::finish()
{
    auto& d = *impl_;
    std::vector<ScanEvent> events;
    if (d.opt.synchronousOcr) {
        if (!(d.product && d.product->reported))
            d.runCandidateInline(d.lastFrame, events);
    } else {
        std::unique_lock lock(d.workMutex);
        d.workCv.wait(lock, [&] { return !d.busy; });
    }
    d.collect(d.lastFrame, events);
    d.reportUnsettled(d.lastFrame, events);
    d.publish();
    return events;
}

OverlayState Scanner::overlay() const
{
    std::lock_guard lock(impl_->stateMutex);
    return impl_->overlay;
}

std::optional<ScanEvent> Scanner::current() const
{
    std::lock_guard lock(impl_->stateMutex);
    return impl_->current;
}

ScannerStats Scanner::stats() const
{
    std::lock_guard lock(impl_->stateMutex);
    return impl_->stats;
}

} // namespace labelcheck::scan
