#pragma once
// Where scan frames come from: a camera, a video file, an image-sequence pattern or a stream URL.
// OpenCV's VideoCapture stays inside this module.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/image/image.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace labelcheck::scan {

struct SourceSpec {
    int camera = 0;     // device index, used when `source` is empty
    std::string source; // a video file, a pattern such as frames/%04d.jpg, or a URL (rtsp://, http://, ...)
};

struct Frame {
    std::int64_t index = 0; // 0-based position in the stream (frames dropped by the capture thread count too)
    image::Image image;     // 3-channel BGR
};

// The /dev/video* devices present, sorted (empty where there are none). For error messages.
std::vector<std::string> listVideoDevices();

// True when `source` names a network stream rather than a file or pattern.
bool isStreamUrl(const std::string& source);

// One open capture. Not thread-safe: one reader at a time (CaptureThread owns it in live mode).
class VideoSource {
public:
    // Opens the camera or source and decodes its first frame.
    // Errors (one line each): NotFound when there is no camera at that index (naming the devices present and
    // --camera/--source) or the file does not exist; Unsupported when OpenCV's backends cannot open or decode
    // the source.
    static Expected<std::unique_ptr<VideoSource>> open(const SourceSpec& spec);
    ~VideoSource();
    VideoSource(const VideoSource&) = delete;
    VideoSource& operator=(const VideoSource&) = delete;

    // The next frame; nullopt at the end of the stream or when the device stops delivering.
    std::optional<Frame> read();

    // Camera or network stream: frames arrive in real time and old ones may be dropped.
    bool isLive() const { return live_; }
    // Frames per second the source reports; 0 when it does not say.
    double fps() const { return fps_; }
    // The source as given ("camera 0" for a camera), for messages and the JSON "file" field.
    const std::string& name() const { return name_; }

private:
    struct Impl;
    explicit VideoSource(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    bool live_ = false;
    double fps_ = 0;
    std::string name_;
};

} // namespace labelcheck::scan
