#pragma once
// One ZXing call on one greyscale view. Internal to the barcode module: the only place that includes ZXing
// for reading.

#include <opencv2/core.hpp>

#include <array>
#include <optional>
#include <string>

namespace labelcheck::barcode::detail {

enum class Binarizer { LocalAverage, GlobalHistogram, FixedThreshold };

// A check-digit-valid EAN/UPC result of one call, corners in the view's pixels.
struct PassResult {
    std::string text;   // as ZXing reports it (UPC-A 12 digits, UPC-E 8)
    std::string format; // "EAN-13", "EAN-8", "UPC-A", "UPC-E"
    std::string gtin14;
    std::array<cv::Point2f, 4> corners;
};

struct PassHints {
    Binarizer binarizer = Binarizer::LocalAverage;
    bool tryHarder = true;
    bool tryRotate = true;
};

// Decodes `grey` (CV_8UC1, any size; empty or smaller than 2x2 gives nullopt). Always one symbol, ZXing's
// downscaling off. Thread-safe.
std::optional<PassResult> decodeView(const cv::Mat& grey, const PassHints& hints);

} // namespace labelcheck::barcode::detail
