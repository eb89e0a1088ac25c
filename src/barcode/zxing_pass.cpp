#define ZX_USE_UTF8 1
#include "zxing_pass.hpp"

#include "labelcheck/core/gtin.hpp"

#include <ZXing/ReadBarcode.h>

namespace labelcheck::barcode::detail {

namespace {

std::optional<std::string> formatName(ZXing::BarcodeFormat f)
{
    switch (f) {
    case ZXing::BarcodeFormat::EAN13:
        return "EAN-13";
    case ZXing::BarcodeFormat::EAN8:
        return "EAN-8";
    case ZXing::BarcodeFormat::UPCA:
        return "UPC-A";
    case ZXing::BarcodeFormat::UPCE:
        return "UPC-E";
    default:
        return std::nullopt;
    }
}

ZXing::Binarizer toZx(Binarizer b)
{
    switch (b) {
    case Binarizer::GlobalHistogram:
        return ZXing::Binarizer::GlobalHistogram;
    case Binarizer::FixedThreshold:
        return ZXing::Binarizer::FixedThreshold;
    case Binarizer::LocalAverage:
        break;
    }
    return ZXing::Binarizer::LocalAverage;
}

bool expectedLength(ZXing::BarcodeFormat f, std::size_t n)
{
    switch (f) {
    case ZXing::BarcodeFormat::EAN13:
        return n == 13;
    case ZXing::BarcodeFormat::EAN8:
        return n == 8;
    case ZXing::BarcodeFormat::UPCA:
        return n == 12;
    case ZXing::BarcodeFormat::UPCE:
        return n == 8;
    default:
        return false;
    }
}

} // namespace

std::optional<PassResult> decodeView(const cv::Mat& grey, const PassHints& h)
{
    CV_Assert(grey.empty() || grey.type() == CV_8UC1);
    if (grey.empty() || grey.cols < 2 || grey.rows < 2)
        return std::nullopt;
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::EAN13 | ZXing::BarcodeFormat::EAN8 | ZXing::BarcodeFormat::UPCA |
                     ZXing::BarcodeFormat::UPCE);
    // Debian's 1.4.0 build aborts on an internal assert when several candidates are merged or when it
    // downscales itself: one symbol, our own scaling.
    hints.setMaxNumberOfSymbols(1);
    hints.setTryDownscale(false);
    hints.setTryHarder(h.tryHarder);
    hints.setTryRotate(h.tryRotate);
    hints.setBinarizer(toZx(h.binarizer));
    ZXing::ImageView view(grey.data, grey.cols, grey.rows, ZXing::ImageFormat::Lum, static_cast<int>(grey.step[0]));
    ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    auto format = formatName(result.format());
    std::string text = result.text();
    if (!format || !expectedLength(result.format(), text.size()))
        return std::nullopt;
    auto g = gtin::toGtin14(text, result.format() == ZXing::BarcodeFormat::UPCE ? std::optional(gtin::Kind::UpcE)
                                                                                : std::nullopt);
    if (!g)
        return std::nullopt; // toGtin14 re-checks the check digit
    PassResult r;
    r.text = std::move(text);
    r.format = *format;
    r.gtin14 = std::move(*g);
    const auto& pos = result.position();
    for (int i = 0; i < 4; ++i)
        r.corners[static_cast<std::size_t>(i)] =
            cv::Point2f(static_cast<float>(pos[i].x), static_cast<float>(pos[i].y));
    return r;
}

} // namespace labelcheck::barcode::detail
