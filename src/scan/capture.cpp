#include "labelcheck/scan/capture.hpp"

namespace labelcheck::scan {

CaptureThread::CaptureThread(std::unique_ptr<VideoSource> source, bool paceToFps) : source_(std::move(source))
{
    thread_ = std::thread([this, paceToFps] { run(paceToFps && !source_->isLive()); });
}

CaptureThread::~CaptureThread()
{
    stop_ = true;
    cv_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

void CaptureThread::run(bool pace)
{
    using Clock = std::chrono::steady_clock;
    const double fps = source_->fps() > 0 ? source_->fps() : 30.0;
    const auto period = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / fps));
    auto due = Clock::now();
    while (!stop_) {
        auto frame = source_->read();
        if (!frame)
            break;
        if (pace) {
            due += period;
            std::this_thread::sleep_until(due);
        }
        ++captured_;
        {
            std::lock_guard lock(mutex_);
            if (!taken_)
                ++dropped_;
            newest_ = std::move(frame);
            taken_ = false;
        }
        cv_.notify_all();
    }
    {
        std::lock_guard lock(mutex_);
        ended_ = true;
    }
    cv_.notify_all();
}

std::optional<Frame> CaptureThread::waitNewer(std::int64_t after, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(mutex_);
    const bool ready = cv_.wait_for(lock, timeout, [&] {
        return (newest_ && newest_->index > after) || ended_.load() || stop_.load();
    });
    if (!ready || !newest_ || newest_->index <= after)
        return std::nullopt;
    taken_ = true;
    return newest_; // a copy: other readers (display and processing) may want the same frame
}

} // namespace labelcheck::scan
