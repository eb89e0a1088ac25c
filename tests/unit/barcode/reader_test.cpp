#include "labelcheck/barcode/reader.hpp"

#include "barcode_render.hpp"
#include "labelcheck/image/opencv.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <random>

using namespace labelcheck;
using barcode::testing::Symbology;

namespace {

image::Image greyImage(const cv::Mat& m)
{
    return image::fromMat(m);
}

// The symbol drawn on a white margin, as a 1-channel image.
image::Image plainSymbol(const barcode::testing::Code& c, int modulePx = 3)
{
    cv::Mat sym = barcode::testing::renderSymbol(c, modulePx, 60 * modulePx);
    cv::Mat out;
    cv::copyMakeBorder(sym, out, 40, 40, 40, 40, cv::BORDER_CONSTANT, cv::Scalar(255));
    return greyImage(out);
}

// True when every corner lies within `tol` pixels of the quadrilateral `q`'s bounding box.
bool cornersInside(const barcode::Barcode& b, const std::array<cv::Point2f, 4>& q, float tol)
{
    std::vector<cv::Point2f> pts(q.begin(), q.end());
    cv::Rect2f box = cv::boundingRect(pts);
    box.x -= tol, box.y -= tol, box.width += 2 * tol, box.height += 2 * tol;
    return std::all_of(b.corners.begin(), b.corners.end(), [&](const barcode::Point& p) {
        return box.contains(cv::Point2f(static_cast<float>(p.x), static_cast<float>(p.y)));
    });
}

double cornerSpan(const barcode::Barcode& b)
{
    double d = 0;
    for (const auto& p : b.corners)
        for (const auto& q : b.corners)
            d = std::max(d, std::hypot(p.x - q.x, p.y - q.y));
    return d;
}

} // namespace

TEST_SUITE("barcode")
{
    TEST_CASE("each symbology reads back with its format name, printed text and GTIN-14")
    {
        struct Case {
            Symbology s;
            std::string payload, text, format, gtin14;
        };
        const Case cases[] = {
            {Symbology::Ean13, "400638133393", "4006381333931", "EAN-13", "04006381333931"},
            {Symbology::Ean8, "9638507", "96385074", "EAN-8", "00000096385074"},
            {Symbology::UpcA, "03600029145", "036000291452", "UPC-A", "00036000291452"},
            {Symbology::UpcE, "0123456", "01234565", "UPC-E", "00012345000065"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.format);
            auto code = barcode::testing::makeCode(c.s, c.payload);
            REQUIRE(code.text == c.text);
            auto r = barcode::readBarcode(plainSymbol(code));
            REQUIRE(r.has_value());
            CHECK(r->format == c.format);
            CHECK(r->text == c.text);
            CHECK(r->gtin14 == c.gtin14);
        }
    }

    TEST_CASE("3-channel and 1-channel inputs give the same result")
    {
        auto code = barcode::testing::makeCode(Symbology::Ean13, "590123412345");
        image::Image grey = plainSymbol(code);
        cv::Mat bgr;
        cv::cvtColor(image::asMat(grey), bgr, cv::COLOR_GRAY2BGR);
        auto a = barcode::readBarcode(grey);
        auto b = barcode::readBarcode(image::fromMat(bgr));
        REQUIRE(a);
        REQUIRE(b);
        CHECK(a->gtin14 == b->gtin14);
        CHECK(a->gtin14 == "05901234123457");
    }

    TEST_CASE("corners are in input pixels on a large canvas (the search scales it down first)")
    {
        std::mt19937 rng(7);
        auto code = barcode::testing::makeCode(Symbology::Ean13, "501234567890");
        cv::Mat canvas = barcode::testing::labelCanvas(cv::Size(4000, 3000), rng);
        cv::Mat sym = barcode::testing::renderSymbol(code, 8, 400);
        auto quad = barcode::testing::paste(canvas, sym, cv::Point2f(2900, 2100), 0);
        barcode::ReadStats stats;
        auto r = barcode::readBarcode(image::fromMat(canvas), barcode::ReadOptions().setTimeBudgetMs(0), stats);
        REQUIRE(r);
        CHECK(r->gtin14 == code.gtin14);
        CHECK(cornersInside(*r, quad, 16));
        CHECK(cornerSpan(*r) > 0.6 * 95 * 8); // spans most of the 95-module symbol
    }

    TEST_CASE("corners are in input pixels for a small symbol in a large photo (read from a tile)")
    {
        std::mt19937 rng(8);
        auto code = barcode::testing::makeCode(Symbology::UpcE, "0654321");
        cv::Mat canvas = barcode::testing::labelCanvas(cv::Size(4000, 3000), rng);
        cv::Mat sym = barcode::testing::renderSymbol(code, 2, 80);
        auto quad = barcode::testing::paste(canvas, sym, cv::Point2f(3300, 2500), 0);
        barcode::ReadStats stats;
        auto r = barcode::readBarcode(image::fromMat(canvas), barcode::ReadOptions().setTimeBudgetMs(0), stats);
        REQUIRE(r);
        CHECK(r->format == "UPC-E");
        CHECK(r->gtin14 == code.gtin14);
        CHECK(stats.decidedBy.rfind("base", 0) != 0); // too small for the scaled whole-photo pass
        CHECK(cornersInside(*r, quad, 8));
        CHECK(cornerSpan(*r) > 0.6 * 51 * 2);
    }

    TEST_CASE("corners map back through rotation: a symbol turned 90 and 30 degrees")
    {
        for (double deg : {90.0, 30.0}) {
            CAPTURE(deg);
            std::mt19937 rng(11);
            auto code = barcode::testing::makeCode(Symbology::UpcA, "01234567890");
            cv::Mat canvas = barcode::testing::labelCanvas(cv::Size(1200, 1000), rng);
            cv::Mat sym = barcode::testing::renderSymbol(code, 4, 200);
            auto quad = barcode::testing::paste(canvas, sym, cv::Point2f(600, 520), deg);
            auto r = barcode::readBarcode(image::fromMat(canvas), barcode::ReadOptions().setTimeBudgetMs(0));
            REQUIRE(r);
            CHECK(r->format == "UPC-A");
            CHECK(r->text == code.text);
            CHECK(cornersInside(*r, quad, 12));
            CHECK(cornerSpan(*r) > 0.6 * 95 * 4);
        }
    }

    TEST_CASE("a label without a barcode gives nullopt")
    {
        std::mt19937 rng(3);
        cv::Mat canvas = barcode::testing::labelCanvas(cv::Size(1600, 1200), rng);
        cv::Mat noise(canvas.size(), CV_8UC3);
        cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(10));
        cv::add(canvas, noise, canvas);
        barcode::ReadStats stats;
        auto r = barcode::readBarcode(image::fromMat(canvas), barcode::ReadOptions().setTimeBudgetMs(0), stats);
        CHECK_FALSE(r.has_value());
        CHECK(stats.passes > 1); // the whole ladder ran and found nothing
        CHECK(stats.decidedBy.empty());
    }

    TEST_CASE("degenerate images do not crash: empty, 1x1, tiny, odd channel counts, huge blank")
    {
        image::Image empty;
        CHECK_FALSE(barcode::readBarcode(empty));

        image::Image one{1, 1, 1, {0}};
        CHECK_FALSE(barcode::readBarcode(one));
        image::Image oneBgr{1, 1, 3, {255, 255, 255}};
        CHECK_FALSE(barcode::readBarcode(oneBgr));

        for (int w : {2, 3, 7, 15}) {
            image::Image tiny{w, 5, 1, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * 5, 128)};
            CHECK_FALSE(barcode::readBarcode(tiny));
        }
        image::Image rgba{4, 4, 4, std::vector<std::uint8_t>(64, 0)};
        CHECK_FALSE(barcode::readBarcode(rgba));
        image::Image shortBuffer{100, 100, 1, std::vector<std::uint8_t>(10, 0)};
        CHECK_FALSE(barcode::readBarcode(shortBuffer));

        image::Image line{5000, 1, 1, std::vector<std::uint8_t>(5000, 0)};
        for (int x = 0; x < 5000; x += 7)
            line.pixels[static_cast<std::size_t>(x)] = 255;
        CHECK_FALSE(barcode::readBarcode(line));

        image::Image blank{6000, 4000, 3, std::vector<std::uint8_t>(6000ull * 4000 * 3, 240)};
        barcode::ReadStats stats;
        CHECK_FALSE(barcode::readBarcode(blank, barcode::ReadOptions().setTimeBudgetMs(300), stats));
        CHECK(stats.passes >= 1);
    }

    TEST_CASE("the time budget bounds a failing search")
    {
        std::mt19937 rng(5);
        cv::Mat canvas = barcode::testing::labelCanvas(cv::Size(4000, 3000), rng);
        barcode::ReadStats limited, unlimited;
        barcode::readBarcode(image::fromMat(canvas), barcode::ReadOptions().setTimeBudgetMs(1), limited);
        barcode::readBarcode(image::fromMat(canvas), barcode::ReadOptions().setTimeBudgetMs(0), unlimited);
        CHECK(limited.budgetExhausted);
        CHECK_FALSE(unlimited.budgetExhausted);
        CHECK(limited.passes < unlimited.passes);
    }

    TEST_CASE("the pass cap bounds a failing search the same way on every run, whatever the load")
    {
        std::mt19937 rng(6);
        cv::Mat canvas = barcode::testing::labelCanvas(cv::Size(1280, 720), rng);
        barcode::ReadStats first, second;
        const auto options = barcode::ReadOptions().setTimeBudgetMs(0).setMaxPasses(3);
        CHECK_FALSE(barcode::readBarcode(image::fromMat(canvas), options, first));
        CHECK_FALSE(barcode::readBarcode(image::fromMat(canvas), options, second));
        CHECK(first.passes == 3);
        CHECK(second.passes == 3);
        CHECK(first.budgetExhausted);
    }

    TEST_CASE("single-pass mode runs exactly one pass")
    {
        auto code = barcode::testing::makeCode(Symbology::Ean8, "5512345");
        barcode::ReadStats stats;
        auto r = barcode::readBarcode(plainSymbol(code), barcode::ReadOptions().setSinglePass(true), stats);
        REQUIRE(r);
        CHECK(r->format == "EAN-8");
        CHECK(stats.passes == 1);
    }
}
