#include "labelcheck/scan/source.hpp"

#include "labelcheck/image/opencv.hpp"

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace labelcheck::scan {

struct VideoSource::Impl {
    cv::VideoCapture capture;
    std::optional<cv::Mat> first; // decoded by open() to prove the source works
    std::int64_t next = 0;
};

std::vector<std::string> listVideoDevices()
{
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("video", 0) == 0)
            out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool isStreamUrl(const std::string& source) { return source.find("://") != std::string::npos; }

namespace {

std::string joined(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + x;
    return s;
}

Error noCamera(int index)
{
    const auto devices = listVideoDevices();
    if (devices.empty())
        return makeError(ErrorCode::NotFound,
                         "no camera at index " + std::to_string(index) +
                             ": no /dev/video* device found; connect a camera or scan a recording with --source FILE");
    return makeError(ErrorCode::NotFound, "no camera at index " + std::to_string(index) + " (found " +
                                              joined(devices) + "; choose one with --camera N, N from /dev/videoN)");
}

} // namespace

VideoSource::VideoSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VideoSource::~VideoSource() = default;

Expected<std::unique_ptr<VideoSource>> VideoSource::open(const SourceSpec& spec)
{
    // Probing backends logs warnings for every one that declines; the one-line error below says it better.
    struct QuietOpenCv {
        cv::utils::logging::LogLevel saved = cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
        ~QuietOpenCv() { cv::utils::logging::setLogLevel(saved); }
    } quiet;
    auto impl = std::make_unique<Impl>();
    std::string name;
    bool live = false;
    try {
        if (spec.source.empty()) {
            name = "camera " + std::to_string(spec.camera);
            live = true;
            if (spec.camera < 0)
                return makeError(ErrorCode::InvalidArgument, "camera index must be 0 or more");
            if (!impl->capture.open(spec.camera, cv::CAP_ANY) || !impl->capture.isOpened())
                return noCamera(spec.camera);
            // Ask for HD; cameras that cannot do it keep their own size.
            impl->capture.set(cv::CAP_PROP_FRAME_WIDTH, 1280);
            impl->capture.set(cv::CAP_PROP_FRAME_HEIGHT, 720);
        } else {
            name = spec.source;
            live = isStreamUrl(spec.source);
            const bool pattern = spec.source.find('%') != std::string::npos;
            if (!live && !pattern && !std::filesystem::exists(spec.source))
                return makeError(ErrorCode::NotFound, "cannot open source '" + spec.source + "': no such file");
            if (!impl->capture.open(spec.source, cv::CAP_ANY) || !impl->capture.isOpened())
                return makeError(ErrorCode::Unsupported,
                                 "cannot open source '" + spec.source + "': " +
                                     (pattern ? "no image matches the pattern (e.g. frames/%04d.jpg for frames/0000.jpg)"
                                              : "OpenCV's FFmpeg/GStreamer backends cannot read it"));
        }
        cv::Mat first;
        if (!impl->capture.read(first) || first.empty()) {
            if (spec.source.empty())
                return noCamera(spec.camera);
            return makeError(ErrorCode::Unsupported, "cannot open source '" + spec.source + "': no frame could be decoded");
        }
        impl->first = first;
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Unsupported, "cannot open source '" + (name.empty() ? spec.source : name) +
                                                     "': " + e.err);
    }
    std::unique_ptr<VideoSource> src(new VideoSource(std::move(impl)));
    src->live_ = live;
    src->name_ = name;
    const double fps = src->impl_->capture.get(cv::CAP_PROP_FPS);
    src->fps_ = (fps > 0 && fps < 1000) ? fps : 0;
    return src;
}

std::optional<Frame> VideoSource::read()
{
    cv::Mat m;
    try {
        if (impl_->first) {
            m = *impl_->first;
            impl_->first.reset();
        } else if (!impl_->capture.read(m) || m.empty()) {
            return std::nullopt;
        }
        if (m.depth() != CV_8U)
            return std::nullopt;
        if (m.channels() == 4)
            cv::cvtColor(m, m, cv::COLOR_BGRA2BGR);
        else if (m.channels() == 1)
            cv::cvtColor(m, m, cv::COLOR_GRAY2BGR);
    } catch (const cv::Exception&) {
        return std::nullopt;
    }
    return Frame{impl_->next++, image::fromMat(m)};
}

} // namespace labelcheck::scan
