#include "labelcheck/image/binarize_mat.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

using namespace labelcheck;

TEST_SUITE("image")
{
    TEST_CASE("ink contrast keeps coloured type that luminance loses")
    {
        // Green strokes on pink: 18 grey levels apart in luminance, 70 in the blue channel.
        const cv::Scalar pink(110, 70, 170), green(40, 140, 120);
        cv::Mat img(200, 300, CV_8UC3, pink);
        cv::rectangle(img, cv::Rect(50, 80, 200, 6), green, cv::FILLED);
        cv::rectangle(img, cv::Rect(140, 20, 5, 160), green, cv::FILLED);
        cv::Mat lum;
        cv::cvtColor(img, lum, cv::COLOR_BGR2GRAY);
        CHECK(std::abs(int(lum.at<std::uint8_t>(82, 100)) - int(lum.at<std::uint8_t>(150, 60))) < 25);

        cv::Mat ink = image::inkContrastMat(img, 40);
        REQUIRE(ink.type() == CV_8UC1);
        CHECK(ink.at<std::uint8_t>(82, 100) < 40);  // stroke: dark
        CHECK(ink.at<std::uint8_t>(150, 60) > 215); // ground: white
        CHECK(ink.at<std::uint8_t>(100, 142) < 40);
    }

    TEST_CASE("ink contrast of light type on a dark ground, when told so")
    {
        cv::Mat img(200, 300, CV_8UC3, cv::Scalar(70, 30, 20));
        cv::rectangle(img, cv::Rect(50, 80, 200, 6), cv::Scalar(230, 230, 230), cv::FILLED);
        cv::Mat ink = image::inkContrastMat(img, 40, true);
        CHECK(ink.at<std::uint8_t>(82, 100) < 40);
        CHECK(ink.at<std::uint8_t>(150, 60) > 215);
        // Read with the wrong polarity the stroke is ground: nothing is darker than its surroundings.
        cv::Mat wrong = image::inkContrastMat(img, 40, false);
        CHECK(wrong.at<std::uint8_t>(82, 100) > 215);
    }

    TEST_CASE("ink contrast of a grey image and a flat one")
    {
        cv::Mat grey(100, 100, CV_8UC1, cv::Scalar(200));
        cv::rectangle(grey, cv::Rect(20, 40, 60, 4), cv::Scalar(60), cv::FILLED);
        cv::Mat ink = image::inkContrastMat(grey, 30);
        CHECK(ink.at<std::uint8_t>(41, 50) < 40);
        CHECK(ink.at<std::uint8_t>(80, 50) > 215);
        cv::Mat flat(50, 50, CV_8UC3, cv::Scalar(10, 200, 30));
        cv::Mat none = image::inkContrastMat(flat, 30);
        CHECK(cv::countNonZero(none != 255) == 0); // no ink anywhere: all ground
    }
}
