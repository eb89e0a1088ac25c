#include "labelcheck/image/text_direction.hpp"

#include "labelcheck/image/opencv.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

#include <string>

using labelcheck::image::fromMat;
using labelcheck::image::measureTextDirection;

namespace {

// A facts panel's rows, dark on white.
cv::Mat panelRows()
{
    cv::Mat m(900, 700, CV_8UC1, cv::Scalar(255));
    const char* rows[] = {"Supplement Facts",
                          "Serving Size 1 Scoop",
                          "Amount Per Serving",
                          "Calories 10",
                          "Sodium (as sodium citrate) 250 mg 11%",
                          "Potassium 200 mg 4%",
                          "Magnesium 60 mg 14%",
                          "Calcium 20 mg 2%",
                          "Zinc (as zinc citrate) 5 mg 45%",
                          "Other ingredients: citric acid"};
    int y = 60;
    for (const char* r : rows) {
        cv::putText(m, r, cv::Point(30, y), cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(0), 2, cv::LINE_AA);
        y += 80;
    }
    return m;
}

} // namespace

TEST_SUITE("image")
{
    TEST_CASE("type set in rows lines up along y; the same panel on its side along x")
    {
        const cv::Mat upright = panelRows();
        const auto across = measureTextDirection(fromMat(upright));
        CHECK(across.marks >= 100);
        CHECK(across.rowsOverColumns > 2.0);

        for (auto turn : {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_90_COUNTERCLOCKWISE}) {
            cv::Mat sideways;
            cv::rotate(upright, sideways, turn);
            const auto upAndDown = measureTextDirection(fromMat(sideways));
            CHECK(upAndDown.marks == across.marks);
            CHECK(upAndDown.rowsOverColumns < 0.5);
        }
    }

    TEST_CASE("too few marks to tell")
    {
        cv::Mat blank(400, 300, CV_8UC1, cv::Scalar(255));
        CHECK(measureTextDirection(fromMat(blank)).marks == 0);
        cv::putText(blank, "Na", cv::Point(20, 100), cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(0), 2);
        CHECK(measureTextDirection(fromMat(blank)).marks == 0);
        CHECK(measureTextDirection(labelcheck::image::Image{}).marks == 0);
    }
}
