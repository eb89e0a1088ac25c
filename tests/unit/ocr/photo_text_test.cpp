// Claims on the package face around the panel: the type styles that luminance alone loses.
#include "../panel/render_panel.hpp"
#include "labelcheck/image/opencv.hpp"
#include "labelcheck/image/rectify.hpp"
#include "labelcheck/ocr/engine.hpp"
#include "labelcheck/ocr/panel_read.hpp"
#include "labelcheck/ocr/photo_text.hpp"
#include "labelcheck/panel/finder.hpp"
#include "test_engine.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

using labelcheck::image::fromMat;
namespace lt = labelcheck::testing;

namespace {

labelcheck::ocr::Engine& engine()
{
    return labelcheck::testing::testEngine();
}

enum class ClaimStyle { Coloured, Band, DarkLabel };

// How facePhoto places its face (1300 x 1500) on the photo (3000 x 2400): turned 6 degrees, scaled 1.1,
// centred.
cv::Mat faceToPhoto()
{
    cv::Mat A = cv::getRotationMatrix2D(cv::Point2f(650, 750), 6, 1.1);
    A.at<double>(0, 2) += 1500 - 650;
    A.at<double>(1, 2) += 1200 - 750;
    return A;
}

// `face` (1300 x 1500) photographed at a slight angle (faceToPhoto) in a plain scene, blurred and noisy.
cv::Mat onPhoto(const cv::Mat& face);

// A package face photographed at a slight angle: label ground, a product name, the claim in `style`, and a
// facts panel below; the rest of the photo is a plain scene. The only "electrolyte" on it is the claim.
cv::Mat facePhoto(ClaimStyle style, const std::string& claim)
{
    static lt::Fonts fonts;
    const bool dark = style == ClaimStyle::DarkLabel;
    const cv::Scalar ground = dark ? cv::Scalar(70, 30, 20) : cv::Scalar(190, 140, 235); // navy / pink (BGR)
    const cv::Scalar ink = dark ? cv::Scalar(240, 240, 240) : cv::Scalar(30, 30, 30);
    cv::Mat face(1500, 1300, CV_8UC3, ground);
    fonts.text(face, "Peak Form", cv::Point(420, 170), 110, true, ink);
    if (style == ClaimStyle::Coloured) {
        // Green on pink: a luminance difference of a few grey levels.
        fonts.text(face, claim, cv::Point(330, 300), 60, true, cv::Scalar(100, 150, 90));
    } else if (style == ClaimStyle::Band) {
        const int w = fonts.width(claim, 60, true);
        cv::rectangle(face, cv::Rect(300, 245, w + 40, 70), cv::Scalar(120, 60, 20), cv::FILLED);
        fonts.text(face, claim, cv::Point(320, 300), 60, true, ground);
    } else {
        fonts.text(face, claim, cv::Point(330, 300), 60, true, cv::Scalar(120, 230, 250));
    }
    cv::Mat panel = lt::renderPanel(900, lt::defaultRows(), dark);
    panel.copyTo(face(cv::Rect(200, 420, panel.cols, panel.rows)));
    return onPhoto(face);
}

// A face whose type above the panel (product name, claim) runs `slope` degrees steeper than the panel's rows, as on
// a pack seen from one side.
cv::Mat slopedFacePhoto(const std::string& claim, double slope)
{
    static lt::Fonts fonts;
    const cv::Scalar ground(235, 235, 235), ink(30, 30, 30);
    cv::Mat head(400, 1300, CV_8UC3, ground);
    fonts.text(head, "Peak Form", cv::Point(420, 170), 110, true, ink);
    fonts.text(head, claim, cv::Point(330, 300), 60, true, ink);
    cv::Mat turned;
    cv::warpAffine(head, turned, cv::getRotationMatrix2D(cv::Point2f(650, 200), slope, 1.0), head.size(),
                   cv::INTER_LINEAR, cv::BORDER_CONSTANT, ground);
    cv::Mat face(1500, 1300, CV_8UC3, ground);
    turned.copyTo(face(cv::Rect(0, 0, head.cols, head.rows)));
    cv::Mat panel = lt::renderPanel(900, lt::defaultRows(), false);
    panel.copyTo(face(cv::Rect(200, 420, panel.cols, panel.rows)));
    return onPhoto(face);
}

cv::Mat onPhoto(const cv::Mat& face)
{
    cv::Mat photo(2400, 3000, CV_8UC3, cv::Scalar(120, 160, 140));
    const cv::Mat A = faceToPhoto();
    cv::Mat mask(face.size(), CV_8U, cv::Scalar(255)), warped, warpedMask;
    cv::warpAffine(face, warped, A, photo.size(), cv::INTER_AREA);
    cv::warpAffine(mask, warpedMask, A, photo.size(), cv::INTER_LINEAR);
    warped.copyTo(photo, warpedMask > 128);
    cv::GaussianBlur(photo, photo, cv::Size(0, 0), 1.2);
    cv::Mat noise(photo.size(), CV_16SC3);
    cv::RNG rng(20261126); // not the global generator: other tests must not change this photo
    rng.fill(noise, cv::RNG::NORMAL, 0, 4);
    cv::Mat noisy;
    photo.convertTo(noisy, CV_16SC3);
    noisy += noise;
    noisy.convertTo(photo, CV_8UC3);
    return photo;
}

// How photoText reads the face besides check's defaults.
struct FaceRead {
    int faintInk = 0;                                 // check's second look for a claim drops ink fainter than this
    std::vector<labelcheck::image::Quad> readRegions; // painted out
    float outlineFrom = 0;                            // the outline starts this share of the panel's height down
    float minPanelGlyphs = labelcheck::ocr::PhotoTextOptions{}.minPanelGlyphs;
    bool levelByText = false;
};

// The photo's text as check reads it around the panel.
std::string photoText(const cv::Mat& photo, const FaceRead& how = {})
{
    auto img = fromMat(photo);
    auto found = labelcheck::panel::findPanel(img);
    REQUIRE(found);
    auto rect = labelcheck::image::rectifyPanel(img, found->corners);
    REQUIRE(rect.ok());
    // As check does: the panel read says which way is up when the finder's corner order is wrong.
    auto panelText = labelcheck::ocr::readPanel(engine(), rect->image);
    REQUIRE(panelText.ok());
    const auto& c = found->corners;
    const labelcheck::image::Quad q = panelText->upsideDown ? labelcheck::image::Quad{c[2], c[3], c[0], c[1]} : c;
    const auto lerp = [](labelcheck::image::PointF a, labelcheck::image::PointF b, float t) {
        return labelcheck::image::PointF{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
    };
    labelcheck::ocr::PhotoTextOptions po;
    po.panel =
        labelcheck::image::Quad{lerp(q[0], q[3], how.outlineFrom), lerp(q[1], q[2], how.outlineFrom), q[2], q[3]};
    po.panelGlyphPx = float(rect->glyphHeightPx / rect->scale);
    po.minPanelGlyphs = how.minPanelGlyphs;
    po.deadlineMs = 0;
    po.faintInk = how.faintInk;
    po.readRegions = how.readRegions;
    po.levelByText = how.levelByText;
    auto lines = labelcheck::ocr::readPhotoText(engine(), img, po);
    REQUIRE(lines.ok());
    std::string all;
    for (const auto& l : *lines)
        all += l.text() + "\n";
    std::transform(all.begin(), all.end(), all.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return all;
}

} // namespace

TEST_SUITE("ocr")
{
    TEST_CASE("a claim in a colour close to the label's tone is read")
    {
        const std::string text = photoText(facePhoto(ClaimStyle::Coloured, "Electrolyte Powder"));
        INFO("photo text: " << text);
        CHECK(text.find("electrolyte powder") != std::string::npos);
        CHECK(text.find("peak form") != std::string::npos);
    }

    TEST_CASE("a claim reversed out of a colour band, descenders and all, is read")
    {
        const std::string text = photoText(facePhoto(ClaimStyle::Band, "Electrolyte Replacement"));
        INFO("photo text: " << text);
        CHECK(text.find("electrolyte replacement") != std::string::npos);
    }

    TEST_CASE("light type on a dark label is read")
    {
        const std::string text = photoText(facePhoto(ClaimStyle::DarkLabel, "Hydration + Electrolytes"));
        INFO("photo text: " << text);
        CHECK(text.find("electrolytes") != std::string::npos);
        CHECK(text.find("peak form") != std::string::npos);
    }

    TEST_CASE("with faint ink dropped, a claim in a colour band and the product name are still read")
    {
        for (auto style : {ClaimStyle::Band, ClaimStyle::Coloured, ClaimStyle::DarkLabel}) {
            const std::string text = photoText(facePhoto(style, "Electrolyte Replacement"), {.faintInk = 64});
            INFO("style " << int(style) << ", photo text: " << text);
            CHECK(text.find("electrolyte replacement") != std::string::npos);
        }
        const std::string text = photoText(facePhoto(ClaimStyle::Band, "Electrolyte Replacement"), {.faintInk = 64});
        CHECK(text.find("peak form") != std::string::npos);
    }

    TEST_CASE("a region read already is painted out; the text round it is still read")
    {
        const cv::Mat photo = facePhoto(ClaimStyle::Coloured, "Electrolyte Powder");
        // The product name's box on the face (drawn at 420,170, 110 px high), taken onto the photo.
        const cv::Matx23d A = faceToPhoto();
        const auto corner = [&](float x, float y) {
            return labelcheck::image::PointF{float(A(0, 0) * x + A(0, 1) * y + A(0, 2)),
                                             float(A(1, 0) * x + A(1, 1) * y + A(1, 2))};
        };
        const labelcheck::image::Quad name{corner(400, 40), corner(1000, 40), corner(1000, 200), corner(400, 200)};
        const std::string before = photoText(photo);
        REQUIRE(before.find("peak form") != std::string::npos);
        const std::string text = photoText(photo, {.readRegions = {name}});
        INFO("photo text: " << text);
        CHECK(text.find("peak") == std::string::npos);
        CHECK(text.find("form") == std::string::npos);
        CHECK(text.find("electrolyte powder") != std::string::npos);
    }

    TEST_CASE("the face round a part of the panel is taken round a panel's height: the claim above it is read")
    {
        const cv::Mat photo = facePhoto(ClaimStyle::Coloured, "Electrolyte Powder");
        // The lowest fifth of the panel's outline: grown from it alone, the face stops short of the claim printed
        // above the panel.
        const std::string part = photoText(photo, {.outlineFrom = 0.8f, .minPanelGlyphs = 0});
        INFO("round the part: " << part);
        CHECK(part.find("electrolyte") == std::string::npos);
        const std::string text = photoText(photo, {.outlineFrom = 0.8f});
        INFO("round a panel's height: " << text);
        CHECK(text.find("electrolyte powder") != std::string::npos);
    }

    TEST_CASE("type above the panel that slopes otherwise than its rows is read when levelled by its own slope")
    {
        // Seed 777's 192: "Electrolyte Hydration Formula" above the panel of a strip seen from one side runs ~10
        // degrees steeper than the panel's rows, by which the face is levelled.
        const cv::Mat photo = slopedFacePhoto("Electrolyte Powder", 12);
        const std::string byPanel = photoText(photo);
        INFO("levelled by the panel: " << byPanel);
        CHECK(byPanel.find("electrolyte powder") == std::string::npos);
        const std::string byText = photoText(photo, {.levelByText = true});
        INFO("levelled by the text: " << byText);
        CHECK(byText.find("electrolyte powder") != std::string::npos);

        // Type that runs as the panel's rows is left as it is.
        const std::string level = photoText(slopedFacePhoto("Electrolyte Powder", 0), {.levelByText = true});
        INFO("level: " << level);
        CHECK(level.find("electrolyte powder") != std::string::npos);
    }
}
