#include "labelcheck/ocr/engine.hpp"

#include "../panel/render_panel.hpp"
#include "labelcheck/image/opencv.hpp"
#include "labelcheck/ocr/data_paths.hpp"
#include "test_engine.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using labelcheck::image::fromMat;
using labelcheck::ocr::Engine;
using labelcheck::ocr::EngineOptions;
namespace lt = labelcheck::testing;

namespace {

EngineOptions testOptions()
{
    return labelcheck::testing::testEngineOptions();
}
Engine& engine()
{
    return labelcheck::testing::testEngine();
}

cv::Mat textLine(const std::string& left, const std::string& right, int width, int height)
{
    lt::Fonts fonts;
    cv::Mat img(height * 3, width, CV_8UC3, cv::Scalar(255, 255, 255)), grey;
    fonts.text(img, left, cv::Point(height, height * 2), height, false, cv::Scalar(0, 0, 0));
    if (!right.empty())
        fonts.text(img, right, cv::Point(width - height, height * 2), height, true, cv::Scalar(0, 0, 0), true);
    cv::cvtColor(img, grey, cv::COLOR_BGR2GRAY);
    return grey;
}

std::string joined(const std::vector<labelcheck::TextLine>& lines)
{
    std::string s;
    for (auto& l : lines)
        s += l.text() + "\n";
    return s;
}

} // namespace

TEST_SUITE("ocr")
{
    TEST_CASE("tessdata and models are found")
    {
        auto td = labelcheck::ocr::findTessdataDir();
        REQUIRE(td.ok());
        CHECK(std::filesystem::exists(*td / "eng.traineddata"));
        // Test executables live in <build>/bin like the program, so models resolve the same way.
        auto models = labelcheck::ocr::defaultModelsDir();
        REQUIRE_MESSAGE(models.ok(), (models.ok() ? "" : models.error().message));
        CHECK(std::filesystem::exists(*models / "eng.user-words"));
        CHECK_FALSE(labelcheck::ocr::findTessdataDir("xx-no-such-language").ok());
    }

    TEST_CASE("a rendered nutrient row is read with words, boxes and confidences")
    {
        auto lines = engine().recognize(fromMat(textLine("Sodium 250 mg", "11%", 900, 36)));
        REQUIRE(lines.ok());
        REQUIRE(lines->size() == 1);
        const auto& row = lines->front();
        CHECK(row.text() == "Sodium 250 mg 11%");
        for (const auto& w : row.words) {
            CHECK(w.confidence > 0.5f);
            CHECK(w.confidence <= 1.0f);
            CHECK(w.box.width > 0);
            CHECK(w.box.height > 0);
        }
        CHECK(row.words.front().box.x < 60);
        CHECK(row.words.back().box.x > 700); // the %DV column, far right, is on the name's row
    }

    TEST_CASE("the engine is reused across calls and images of different sizes")
    {
        auto a = engine().recognize(fromMat(textLine("Potassium 0.2 g", "4%", 800, 30)));
        auto b = engine().recognize(fromMat(textLine("Magnesium 60mg", "14%", 1200, 44)));
        auto c = engine().recognize(fromMat(textLine("Potassium 0.2 g", "4%", 800, 30)));
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        REQUIRE(c.ok());
        CHECK(joined(*a) == "Potassium 0.2 g 4%\n");
        CHECK(joined(*b) == "Magnesium 60mg 14%\n");
        CHECK(joined(*a) == joined(*c));
    }

    TEST_CASE("a moved engine still works")
    {
        auto made = Engine::create(testOptions());
        REQUIRE(made.ok());
        Engine moved = std::move(made.value());
        auto r = moved.recognize(fromMat(textLine("Calcium 20 mg", "2%", 700, 30)));
        REQUIRE(r.ok());
        CHECK(joined(*r) == "Calcium 20 mg 2%\n");
        CHECK(moved.modelsDir() == std::filesystem::path(LABELCHECK_SOURCE_DIR "/models"));
    }

    TEST_CASE("bad inputs give errors or nothing, never a crash")
    {
        CHECK_FALSE(engine().recognize(labelcheck::image::Image{}).ok());
        labelcheck::image::Image two;
        two.width = 10;
        two.height = 10;
        two.channels = 2;
        two.pixels.assign(200, 0);
        CHECK(engine().recognize(two).error().code == labelcheck::ErrorCode::InvalidArgument);
        labelcheck::image::Image shortBuffer;
        shortBuffer.width = 100;
        shortBuffer.height = 100;
        shortBuffer.channels = 1;
        shortBuffer.pixels.assign(50, 255);
        CHECK_FALSE(engine().recognize(shortBuffer).ok());
        cv::Mat blank(200, 300, CV_8UC1, cv::Scalar(255));
        auto none = engine().recognize(fromMat(blank));
        REQUIRE(none.ok());
        CHECK(none->empty());
        cv::Mat tiny(2, 2, CV_8UC1, cv::Scalar(0));
        auto t = engine().recognize(fromMat(tiny));
        REQUIRE(t.ok());
        CHECK(t->empty());
        EngineOptions missing = testOptions();
        missing.tessdataDir = "/nonexistent/tessdata";
        auto e = Engine::create(missing);
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().code == labelcheck::ErrorCode::NotFound);
    }

    TEST_CASE("a colour image is accepted")
    {
        cv::Mat grey = textLine("Sodium 115mg", "5%", 800, 32), bgr;
        cv::cvtColor(grey, bgr, cv::COLOR_GRAY2BGR);
        auto r = engine().recognize(fromMat(bgr));
        REQUIRE(r.ok());
        CHECK(joined(*r) == "Sodium 115mg 5%\n");
    }
}
