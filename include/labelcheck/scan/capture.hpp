#pragma once
// Capture on its own thread with a one-frame mailbox: readers always get the newest frame and older ones are
// dropped, so processing slower than the camera never builds up lag.

#include "labelcheck/scan/source.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace labelcheck::scan {

class CaptureThread {
public:
    // Starts reading `source` at once. A file source is paced to its frame rate (or 30 fps when it reports
    // none) when `paceToFps`, so a recording behaves like a camera; a live source is read as it delivers.
    CaptureThread(std::unique_ptr<VideoSource> source, bool paceToFps);
    // Stops the thread and joins it.
    ~CaptureThread();
    CaptureThread(const CaptureThread&) = delete;
    CaptureThread& operator=(const CaptureThread&) = delete;

    // Waits up to `timeout` for a frame with index > `after` and returns the newest one; nullopt on timeout
    // or when the stream has ended and no newer frame is left. Thread-safe.
    std::optional<Frame> waitNewer(std::int64_t after, std::chrono::milliseconds timeout);

    // True once the source has delivered its last frame. Thread-safe.
    bool ended() const { return ended_.load(); }
    // Frames read from the source / replaced in the mailbox before anyone took them. Thread-safe.
    std::int64_t captured() const { return captured_.load(); }
    std::int64_t dropped() const { return dropped_.load(); }

private:
    void run(bool pace);

    std::unique_ptr<VideoSource> source_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::optional<Frame> newest_;
    bool taken_ = true;
    std::atomic<bool> stop_{false}, ended_{false};
    std::atomic<std::int64_t> captured_{0}, dropped_{0};
    std::thread thread_;
};

} // namespace labelcheck::scan
