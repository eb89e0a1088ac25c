#include "labelcheck/image/grey.hpp"

#include "labelcheck/image/opencv.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

using namespace labelcheck;

TEST_SUITE("image")
{
    TEST_CASE("grey of a colour image is OpenCV's luma, pixel for pixel")
    {
        cv::Mat bgr(37, 53, CV_8UC3);
        cv::randu(bgr, cv::Scalar::all(0), cv::Scalar::all(256));
        const image::Image grey = image::toGrey(image::fromMat(bgr));
        REQUIRE(grey.channels == 1);
        REQUIRE(grey.width == 53);
        REQUIRE(grey.height == 37);
        cv::Mat expected;
        cv::cvtColor(bgr, expected, cv::COLOR_BGR2GRAY);
        CHECK(cv::norm(image::asMat(grey), expected, cv::NORM_INF) == 0);
        // Blue, green and red each weigh as in BT.601: pure green is brighter than pure red, red than blue.
        cv::Mat three(1, 3, CV_8UC3);
        three.at<cv::Vec3b>(0, 0) = {255, 0, 0};
        three.at<cv::Vec3b>(0, 1) = {0, 255, 0};
        three.at<cv::Vec3b>(0, 2) = {0, 0, 255};
        const image::Image g3 = image::toGrey(image::fromMat(three));
        CHECK(g3.pixels[1] > g3.pixels[2]);
        CHECK(g3.pixels[2] > g3.pixels[0]);
    }

    TEST_CASE("grey of a grey image is the image itself, of an empty or 4-channel one empty")
    {
        cv::Mat g(5, 7, CV_8UC1, cv::Scalar(99));
        g.at<std::uint8_t>(2, 3) = 7;
        const image::Image in = image::fromMat(g);
        const image::Image out = image::toGrey(in);
        CHECK(out.channels == 1);
        CHECK(out.pixels == in.pixels);
        CHECK(image::toGrey(image::Image{}).empty());
        image::Image fourChannels{2, 2, 4, std::vector<std::uint8_t>(16, 1)};
        CHECK(image::toGrey(fourChannels).empty());
        image::Image shortPixels{4, 4, 3, std::vector<std::uint8_t>(10, 1)};
        CHECK(image::toGrey(shortPixels).empty());
    }
}
