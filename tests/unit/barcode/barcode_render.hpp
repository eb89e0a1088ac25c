#pragma once
// Test helper shared by the barcode unit tests and image suites: synthetic EAN/UPC symbols made with ZXing's
// writer, drawn onto label-like canvases. Header-only; tests only (the product never writes barcodes).

#define ZX_USE_UTF8 1
#include "labelcheck/core/gtin.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <opencv2/imgproc.hpp>

#include <array>
#include <random>
#include <string>

namespace labelcheck::barcode::testing {

enum class Symbology { Ean13, Ean8, UpcA, UpcE };

inline const char* formatName(Symbology s)
{
    switch (s) {
    case Symbology::Ean13:
        return "EAN-13";
    case Symbology::Ean8:
        return "EAN-8";
    case Symbology::UpcA:
        return "UPC-A";
    case Symbology::UpcE:
        return "UPC-E";
    }
    return "?";
}

// A symbol's printed digits (with check digit) and the GTIN-14 it denotes.
struct Code {
    Symbology symbology;
    std::string text;
    std::string gtin14;
};

// Completes `payload` (digits without check digit) to a valid code of `s`.
inline Code makeCode(Symbology s, const std::string& payload)
{
    Code c{s, {}, {}};
    if (s == Symbology::UpcE) {
        // The UPC-E check digit is the one of its UPC-A expansion.
        for (char d = '0'; d <= '9'; ++d)
            if (gtin::expandUpcE(payload + d)) {
                c.text = payload + d;
                break;
            }
    } else {
        c.text = payload + static_cast<char>('0' + gtin::checkDigit(payload));
    }
    auto g = gtin::toGtin14(c.text, s == Symbology::UpcE ? std::optional(gtin::Kind::UpcE) : std::nullopt);
    c.gtin14 = g ? *g : std::string();
    return c;
}

inline Code randomCode(Symbology s, std::mt19937& rng)
{
    std::uniform_int_distribution<int> digit(0, 9);
    int n = s == Symbology::Ean13 ? 12 : s == Symbology::Ean8 ? 7 : s == Symbology::UpcA ? 11 : 6;
    std::string p = s == Symbology::UpcE ? "0" : "";
    if (s == Symbology::Ean13)
        p += static_cast<char>('1' + digit(rng) % 9), --n; // no leading 0: that would be a UPC-A
    for (int i = 0; i < n; ++i)
        p += static_cast<char>('0' + digit(rng));
    if (s == Symbology::UpcE && p[6] < '5')
        p[5] = static_cast<char>('1' + digit(rng) % 9); // keeps the UPC-E expansion rules satisfied
    return makeCode(s, p);
}

// The symbol as a white-background grey image: `modulePx` pixels per module, bars `barHeight` high,
// a 10-module quiet zone, and the digits printed underneath like on a package.
inline cv::Mat renderSymbol(const Code& c, int modulePx, int barHeight)
{
    using ZXing::BarcodeFormat;
    const BarcodeFormat f = c.symbology == Symbology::Ean13  ? BarcodeFormat::EAN13
                            : c.symbology == Symbology::Ean8 ? BarcodeFormat::EAN8
                            : c.symbology == Symbology::UpcA ? BarcodeFormat::UPCA
                                                             : BarcodeFormat::UPCE;
    ZXing::BitMatrix bits = ZXing::MultiFormatWriter(f).setMargin(0).encode(c.text, 0, 0);
    const int quiet = 10 * modulePx;
    const int textH = 11 * modulePx;
    cv::Mat out(barHeight + 2 * modulePx + textH, bits.width() * modulePx + 2 * quiet, CV_8U, cv::Scalar(255));
    for (int x = 0; x < bits.width(); ++x)
        if (bits.get(x, 0))
            out(cv::Rect(quiet + x * modulePx, modulePx, modulePx, barHeight)).setTo(0);
    const double scale = modulePx * 0.38;
    cv::putText(out, c.text, cv::Point(quiet, modulePx + barHeight + 9 * modulePx), cv::FONT_HERSHEY_SIMPLEX, scale,
                cv::Scalar(0), std::max(1, modulePx / 2));
    return out;
}

// A pale label with lines of text and a rule or two, `size` pixels, BGR.
inline cv::Mat labelCanvas(cv::Size size, std::mt19937& rng)
{
    std::uniform_int_distribution<int> tone(200, 250);
    cv::Mat canvas(size, CV_8UC3, cv::Scalar(tone(rng), tone(rng), tone(rng)));
    const int lineH = std::max(12, size.height / 30);
    const char* words[] = {"Supplement Facts",
                           "Serving Size 1 Stick (6 g)",
                           "Sodium 500 mg 22%",
                           "Potassium 200 mg 4%",
                           "Magnesium 60 mg 14%",
                           "Calcium 20 mg 2%",
                           "Other ingredients: citric acid, stevia"};
    std::uniform_int_distribution<int> pick(0, 6);
    for (int y = lineH; y < size.height; y += lineH * 3 / 2)
        cv::putText(canvas, words[pick(rng)], cv::Point(lineH / 2, y), cv::FONT_HERSHEY_SIMPLEX, lineH / 30.0,
                    cv::Scalar(30, 30, 30), std::max(1, lineH / 12));
    cv::line(canvas, cv::Point(0, size.height / 3), cv::Point(size.width, size.height / 3), cv::Scalar(20, 20, 20),
             std::max(2, lineH / 6));
    return canvas;
}

// Pastes grey `symbol` into BGR `canvas` rotated by `degrees` about its centre placed at `center`.
// Returns the symbol image's four corners (TL, TR, BR, BL of the unrotated symbol) in canvas pixels.
inline std::array<cv::Point2f, 4> paste(cv::Mat& canvas, const cv::Mat& symbol, cv::Point2f center, double degrees)
{
    const cv::Point2f sc(symbol.cols / 2.0f, symbol.rows / 2.0f);
    cv::Mat m = cv::getRotationMatrix2D(sc, degrees, 1.0);
    m.at<double>(0, 2) += center.x - sc.x;
    m.at<double>(1, 2) += center.y - sc.y;
    cv::Mat sym3, warped, mask;
    cv::cvtColor(symbol, sym3, cv::COLOR_GRAY2BGR);
    cv::warpAffine(sym3, warped, m, canvas.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    cv::warpAffine(cv::Mat(symbol.size(), CV_8U, cv::Scalar(255)), mask, m, canvas.size(), cv::INTER_NEAREST);
    warped.copyTo(canvas, mask);
    std::array<cv::Point2f, 4> corners{cv::Point2f(0, 0), cv::Point2f(static_cast<float>(symbol.cols), 0),
                                       cv::Point2f(static_cast<float>(symbol.cols), static_cast<float>(symbol.rows)),
                                       cv::Point2f(0, static_cast<float>(symbol.rows))};
    for (auto& p : corners) {
        const double x = m.at<double>(0, 0) * p.x + m.at<double>(0, 1) * p.y + m.at<double>(0, 2);
        const double y = m.at<double>(1, 0) * p.x + m.at<double>(1, 1) * p.y + m.at<double>(1, 2);
        p = cv::Point2f(static_cast<float>(x), static_cast<float>(y));
    }
    return corners;
}

} // namespace labelcheck::barcode::testing
