#define ZX_USE_UTF8 1
#include "labelcheck/barcode/reader.hpp"

#include "labelcheck/core/gtin.hpp"

#include <ZXing/ReadBarcode.h>

namespace labelcheck::barcode {

namespace {

std::optional<std::string> formatName(ZXing::BarcodeFormat f)
{
    switch (f) {
    case ZXing::BarcodeFormat::EAN13: return "EAN-13";
    case ZXing::BarcodeFormat::EAN8: return "EAN-8";
    case ZXing::BarcodeFormat::UPCA: return "UPC-A";
    case ZXing::BarcodeFormat::UPCE: return "UPC-E";
    default: return std::nullopt;
    }
}

} // namespace

std::optional<Barcode> readBarcode(const image::Image& img, const ReadOptions& /*options*/)
{
    if (img.empty())
        return std::nullopt;
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::EAN13 | ZXing::BarcodeFormat::EAN8 | ZXing::BarcodeFormat::UPCA |
                     ZXing::BarcodeFormat::UPCE);
    hints.setMaxNumberOfSymbols(1); // several merged candidates trip an assert in Debian's 1.4.0 build
    hints.setTryDownscale(false);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    ZXing::ImageView view(img.pixels.data(), img.width, img.height,
                          img.channels == 1 ? ZXing::ImageFormat::Lum : ZXing::ImageFormat::BGR);
    auto result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    auto format = formatName(result.format());
    if (!format)
        return std::nullopt;
    auto g = gtin::toGtin14(result.text(), result.format() == ZXing::BarcodeFormat::UPCE
                                               ? std::optional(gtin::Kind::UpcE)
                                               : std::nullopt);
    if (!g)
        return std::nullopt;
    Barcode b;
    b.text = result.text();
    b.format = *format;
    b.gtin14 = *g;
    const auto& pos = result.position();
    for (int i = 0; i < 4; ++i)
        b.corners[static_cast<std::size_t>(i)] = {pos[i].x, pos[i].y};
    return b;
}

} // namespace labelcheck::barcode
