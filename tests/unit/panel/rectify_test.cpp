// image::rectifyPanel is tested here, next to the finder whose quads it takes.
#include "labelcheck/image/rectify.hpp"

#include "labelcheck/image/opencv.hpp"
#include "render_panel.hpp"

#include <doctest/doctest.h>

using labelcheck::image::asMat;
using labelcheck::image::fromMat;
using labelcheck::image::Quad;
using labelcheck::image::rectifyPanel;
namespace lt = labelcheck::testing;

namespace {

Quad toQuad(const std::array<cv::Point2f, 4>& c)
{
    Quad q;
    for (int k = 0; k < 4; ++k)
        q[k] = {c[k].x, c[k].y};
    return q;
}

// Middle row of the thickest dark band in a vertical strip of the lower half (the bottom thick bar).
int barRow(const cv::Mat& img, double xFrac)
{
    int x0 = int(img.cols * xFrac) - 10;
    cv::Mat strip = img(cv::Rect(x0, img.rows / 2, 20, img.rows / 2));
    cv::Mat rowMean;
    cv::reduce(strip, rowMean, 1, cv::REDUCE_AVG, CV_32F);
    int bestStart = 0, bestLen = 0;
    for (int y = 0; y < rowMean.rows;) {
        int start = y;
        while (y < rowMean.rows && rowMean.at<float>(y) < 80)
            ++y;
        if (y - start > bestLen) {
            bestLen = y - start;
            bestStart = start;
        }
        ++y;
    }
    return img.rows / 2 + bestStart + bestLen / 2;
}

} // namespace

TEST_SUITE("panel")
{
    TEST_CASE("rectify scales small and large panels to the target glyph height")
    {
        for (int width : {400, 1600}) {
            cv::Mat panel = lt::renderPanel(width);
            float w = float(width), h = float(panel.rows);
            std::array<cv::Point2f, 4> c{cv::Point2f(100, 120), cv::Point2f(100 + w, 100),
                                         cv::Point2f(110 + w, 110 + h), cv::Point2f(90, 120 + h)};
            auto scene = lt::placePanel(panel, cv::Size(int(w) + 300, int(h) + 300), c, 11);
            for (float target : {22.0f, 30.0f})
                for (auto output :
                     {labelcheck::image::RectifiedOutput::Ink, labelcheck::image::RectifiedOutput::Binary}) {
                    labelcheck::image::RectifyOptions o;
                    o.targetGlyphHeightPx = target;
                    o.output = output;
                    auto r = rectifyPanel(fromMat(scene.photo), toQuad(c), o);
                    REQUIRE(r.ok());
                    CHECK(r->image.channels == 1);
                    CHECK(r->glyphHeightPx == doctest::Approx(target).epsilon(0.2));
                    CHECK_FALSE(r->inverted);
                    cv::Mat m = asMat(r->image);
                    if (output == labelcheck::image::RectifiedOutput::Binary)
                        CHECK(cv::countNonZero(m == 0) + cv::countNonZero(m == 255) == int(m.total()));
                    CHECK(cv::countNonZero(m > 200) > 0.7 * double(m.total()));  // light ground
                    CHECK(cv::countNonZero(m < 100) > 0.02 * double(m.total())); // dark type
                }
        }
    }

    TEST_CASE("a bottle's bend is straightened")
    {
        cv::Mat flat = lt::renderPanel(800);
        const float sag = 30; // rules bow down by 30 px at the middle, corners stay put
        cv::Mat mapX(flat.size(), CV_32F), mapY(flat.size(), CV_32F);
        for (int y = 0; y < flat.rows; ++y)
            for (int x = 0; x < flat.cols; ++x) {
                float n = (x - flat.cols / 2.0f) / (flat.cols / 2.0f);
                mapX.at<float>(y, x) = float(x);
                mapY.at<float>(y, x) = y - sag * (1 - n * n);
            }
        cv::Mat bent;
        cv::remap(flat, bent, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(250, 250, 248));
        std::array<cv::Point2f, 4> c{cv::Point2f(200, 150), cv::Point2f(1000, 150),
                                     cv::Point2f(1000, 150.f + bent.rows), cv::Point2f(200, 150.f + bent.rows)};
        auto scene = lt::placePanel(bent, cv::Size(1200, 300 + bent.rows), c, 12);
        labelcheck::image::RectifyOptions o;
        o.removeRules = false;
        o.dewarp = false;
        auto before = rectifyPanel(fromMat(scene.photo), toQuad(c), o);
        o.dewarp = true;
        auto after = rectifyPanel(fromMat(scene.photo), toQuad(c), o);
        REQUIRE(before.ok());
        REQUIRE(after.ok());
        CHECK(after->bendPx > 0);
        // The homography leaves the bend out: a point taken back to the photo can miss by that much.
        CHECK(labelcheck::image::unmappedShiftPx(*after) >= after->bendPx);
        cv::Mat b = asMat(before->image), a = asMat(after->image);
        int bowBefore = barRow(b, 0.5) - (barRow(b, 0.12) + barRow(b, 0.88)) / 2;
        int bowAfter = barRow(a, 0.5) - (barRow(a, 0.12) + barRow(a, 0.88)) / 2;
        INFO("bow before " << bowBefore << " after " << bowAfter << " bendPx " << after->bendPx << " scale "
                           << after->scale);
        CHECK(bowBefore > 10);
        CHECK(std::abs(bowAfter) <= 3);
    }

    TEST_CASE("an output pixel is taken back to the photo, padding and perspective undone")
    {
        cv::Mat panel = lt::renderPanel(700);
        std::array<cv::Point2f, 4> c{cv::Point2f(300, 200), cv::Point2f(1100, 260),
                                     cv::Point2f(1060, 260.f + panel.rows), cv::Point2f(330, 210.f + panel.rows)};
        auto scene = lt::placePanel(panel, cv::Size(1400, 400 + panel.rows), c, 13);
        labelcheck::image::RectifyOptions o;
        o.deskew = false;
        o.dewarp = false;
        o.paddingPx = 20;
        auto r = rectifyPanel(fromMat(scene.photo), toQuad(c), o);
        REQUIRE(r.ok());
        CHECK(r->paddingPx == 20);
        CHECK(labelcheck::image::unmappedShiftPx(*r) == 0);
        const float w = float(r->image.width - 40), h = float(r->image.height - 40);
        const labelcheck::image::PointF corners[4] = {{20, 20}, {20 + w, 20}, {20 + w, 20 + h}, {20, 20 + h}};
        for (int k = 0; k < 4; ++k) {
            const auto p = labelcheck::image::toPhoto(*r, corners[k]);
            INFO("corner " << k << ": " << p.x << "," << p.y);
            CHECK(std::hypot(p.x - c[k].x, p.y - c[k].y) < 2.0);
        }
    }

    TEST_CASE("light text on a dark panel comes out dark on light")
    {
        cv::Mat panel = lt::renderPanel(600, lt::defaultRows(), true);
        std::array<cv::Point2f, 4> c{cv::Point2f(50, 50), cv::Point2f(650, 50), cv::Point2f(650, 50.f + panel.rows),
                                     cv::Point2f(50, 50.f + panel.rows)};
        auto scene = lt::placePanel(panel, cv::Size(700, panel.rows + 100), c, 13);
        auto r = rectifyPanel(fromMat(scene.photo), toQuad(c));
        REQUIRE(r.ok());
        CHECK(r->inverted);
        cv::Mat m = asMat(r->image);
        CHECK(cv::countNonZero(m > 200) > 0.7 * double(m.total()));
        CHECK(cv::countNonZero(m < 100) > 0.02 * double(m.total()));
    }

    TEST_CASE("a region taken on past a light panel into a dark ground keeps the panel's scale and polarity")
    {
        cv::Mat panel = lt::renderPanel(600);
        const float h = float(panel.rows);
        std::array<cv::Point2f, 4> c{cv::Point2f(50, 50), cv::Point2f(650, 50), cv::Point2f(650, 50 + h),
                                     cv::Point2f(50, 50 + h)};
        auto scene = lt::placePanel(panel, cv::Size(700, int(3 * h) + 100), c, 17);
        scene.photo(cv::Rect(0, int(50 + h) + 4, 700, scene.photo.rows - int(50 + h) - 4))
            .setTo(cv::Scalar(40, 30, 35));
        auto first = rectifyPanel(fromMat(scene.photo), toQuad(c));
        REQUIRE(first.ok());
        REQUIRE_FALSE(first->inverted);
        // The outline taken on twice its height down: mostly the dark ground.
        const Quad taken{{{50, 50}, {650, 50}, {650, 50 + 3 * h}, {50, 50 + 3 * h}}};
        auto measured = rectifyPanel(fromMat(scene.photo), taken);
        REQUIRE(measured.ok());
        CHECK(measured->inverted); // what the ground alone says
        labelcheck::image::RectifyOptions settled;
        settled.scale = first->scale;
        settled.inverted = first->inverted;
        auto r = rectifyPanel(fromMat(scene.photo), taken, settled);
        REQUIRE(r.ok());
        CHECK_FALSE(r->inverted);
        CHECK(r->scale == doctest::Approx(first->scale));
        // The panel's part keeps dark type on a light ground.
        cv::Mat m = asMat(r->image);
        cv::Mat top = m(cv::Rect(0, 0, m.cols, m.rows / 3));
        CHECK(cv::countNonZero(top > 200) > 0.6 * double(top.total()));
        CHECK(cv::countNonZero(top < 100) > 0.02 * double(top.total()));
    }

    TEST_CASE("bad quads are refused with InvalidArgument")
    {
        cv::Mat photo(400, 400, CV_8UC3, cv::Scalar(255, 255, 255));
        auto img = fromMat(photo);
        Quad degenerate{{{10, 10}, {10, 10}, {10, 10}, {10, 10}}};
        Quad twisted{{{10, 10}, {300, 300}, {300, 10}, {10, 300}}};
        Quad outside{{{1000, 1000}, {2000, 1000}, {2000, 2000}, {1000, 2000}}};
        Quad nan{{{10, 10}, {std::nanf(""), 10}, {300, 300}, {10, 300}}};
        for (const auto& q : {degenerate, twisted, outside, nan}) {
            auto r = rectifyPanel(img, q);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == labelcheck::ErrorCode::InvalidArgument);
        }
        CHECK_FALSE(rectifyPanel(labelcheck::image::Image{}, Quad{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}).ok());
    }
}
