#pragma once
// Test helper: renders a Supplement Facts panel with real fonts and places it in a synthetic "photo"
// under a known perspective, so tests can compare found corners with the truth.

#include <opencv2/core.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <random>
#include <string>
#include <vector>

namespace labelcheck::testing {

inline const char* kFontRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline const char* kFontBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

struct Row {
    std::string name, amount, dv;
};

inline std::vector<Row> defaultRows()
{
    return {{"Calories", "10", ""},
            {"Sodium (as sodium citrate)", "250 mg", "11%"},
            {"Potassium (as potassium chloride)", "200 mg", "4%"},
            {"Magnesium (as magnesium malate)", "60 mg", "14%"},
            {"Calcium", "20 mg", "2%"}};
}

class Fonts {
public:
    Fonts()
    {
        regular_ = cv::freetype::createFreeType2();
        regular_->loadFontData(kFontRegular, 0);
        bold_ = cv::freetype::createFreeType2();
        bold_->loadFontData(kFontBold, 0);
    }
    void text(cv::Mat& img, const std::string& s, cv::Point at, int height, bool bold, cv::Scalar colour,
              bool rightAlign = false)
    {
        auto& f = bold ? bold_ : regular_;
        if (rightAlign) {
            int base = 0;
            cv::Size sz = f->getTextSize(s, height, -1, &base);
            at.x -= sz.width;
        }
        f->putText(img, s, at, height, colour, -1, cv::LINE_AA, true);
    }
    int width(const std::string& s, int height, bool bold)
    {
        int base = 0;
        return (bold ? bold_ : regular_)->getTextSize(s, height, -1, &base).width;
    }

private:
    cv::Ptr<cv::freetype::FreeType2> regular_, bold_;
};

// A flat panel `width` pixels wide: frame, title, serving size, thick bar, header, rows with hairlines,
// bottom bar, footnote. Text height scales with the width. Dark on light unless `invert`.
inline cv::Mat renderPanel(int width, const std::vector<Row>& rows = defaultRows(), bool invert = false)
{
    static Fonts fonts;
    const double u = width / 600.0; // layout unit
    const int pad = int(12 * u), text = int(20 * u), rowH = int(34 * u);
    const int height = int((130 + 40 + rows.size() * 34 + 90) * u);
    cv::Scalar ink = invert ? cv::Scalar(245, 245, 245) : cv::Scalar(20, 20, 20);
    cv::Scalar ground = invert ? cv::Scalar(40, 30, 25) : cv::Scalar(250, 250, 248);
    cv::Mat img(height, width, CV_8UC3, ground);
    const int frame = std::max(2, int(2 * u));
    cv::rectangle(img, cv::Rect(0, 0, width, height), ink, frame);
    int y = pad + int(44 * u);
    fonts.text(img, "Supplement Facts", cv::Point(pad, y), int(46 * u), true, ink);
    y += int(8 * u);
    cv::rectangle(img, cv::Rect(pad, y, width - 2 * pad, std::max(1, int(u))), ink, cv::FILLED);
    y += int(28 * u);
    fonts.text(img, "Serving Size 1 Stick (5 g)", cv::Point(pad, y), text, false, ink);
    y += int(10 * u);
    cv::rectangle(img, cv::Rect(pad, y, width - 2 * pad, int(9 * u)), ink, cv::FILLED);
    y += int(9 * u) + int(26 * u);
    fonts.text(img, "Amount Per Serving", cv::Point(pad, y), int(17 * u), true, ink);
    fonts.text(img, "% Daily Value", cv::Point(width - pad, y), int(17 * u), true, ink, true);
    y += int(8 * u);
    cv::rectangle(img, cv::Rect(pad, y, width - 2 * pad, std::max(2, int(3 * u))), ink, cv::FILLED);
    for (const auto& r : rows) {
        y += rowH - int(8 * u);
        fonts.text(img, r.name, cv::Point(pad, y), text, false, ink);
        if (!r.dv.empty())
            fonts.text(img, r.dv, cv::Point(width - pad, y), text, true, ink, true);
        fonts.text(img, r.amount, cv::Point(int(width * 0.78), y), text, false, ink, true);
        y += int(8 * u);
        cv::rectangle(img, cv::Rect(pad, y, width - 2 * pad, std::max(1, int(u))), ink, cv::FILLED);
    }
    y += int(4 * u);
    cv::rectangle(img, cv::Rect(pad, y, width - 2 * pad, int(9 * u)), ink, cv::FILLED);
    y += int(9 * u) + int(24 * u);
    fonts.text(img, "* Percent Daily Values are based on a 2,000 calorie diet.", cv::Point(pad, y), int(15 * u),
               false, ink);
    return img;
}

struct Scene {
    cv::Mat photo;                         // BGR
    std::array<cv::Point2f, 4> corners;    // panel TL TR BR BL in the photo
};

// Puts `panel` into a `size` photo so that its corners land on `corners`, over a mottled background
// with some unrelated text, uneven light and mild noise.
inline Scene placePanel(const cv::Mat& panel, cv::Size size, const std::array<cv::Point2f, 4>& corners,
                        unsigned seed = 1)
{
    static Fonts fonts;
    std::mt19937 rng(seed);
    Scene s;
    s.photo = cv::Mat(size, CV_8UC3, cv::Scalar(170, 200, 215));
    // Unrelated package text far from the panel.
    fonts.text(s.photo, "ELECTROLYTE DRINK MIX", cv::Point(size.width / 20, size.height / 12), size.height / 25,
               true, cv::Scalar(40, 60, 160));
    std::vector<cv::Point2f> src{{0, 0}, {float(panel.cols), 0}, {float(panel.cols), float(panel.rows)},
                                 {0, float(panel.rows)}};
    std::vector<cv::Point2f> dst(corners.begin(), corners.end());
    cv::Mat H = cv::getPerspectiveTransform(src, dst);
    cv::Mat mask(panel.size(), CV_8UC1, cv::Scalar(255)), warpedMask, warped;
    cv::warpPerspective(panel, warped, H, size, cv::INTER_AREA);
    cv::warpPerspective(mask, warpedMask, H, size, cv::INTER_LINEAR);
    warped.copyTo(s.photo, warpedMask > 128);
    // Uneven light: a horizontal gradient.
    cv::Mat light(size, CV_32FC3);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x) {
            float f = 0.75f + 0.25f * float(x) / size.width;
            light.at<cv::Vec3f>(y, x) = cv::Vec3f(f, f, f);
        }
    cv::Mat f;
    s.photo.convertTo(f, CV_32FC3);
    f = f.mul(light);
    cv::Mat noise(size, CV_32FC3);
    cv::randn(noise, 0, 4);
    f += noise;
    f.convertTo(s.photo, CV_8UC3);
    s.corners = corners;
    return s;
}

} // namespace labelcheck::testing
