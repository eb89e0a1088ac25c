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

namespace {

// Sauvola's threshold pixel by pixel, written plainly: the reference for the vectorised loop.
cv::Mat sauvolaReference(const cv::Mat& grey, const image::SauvolaOptions& o)
{
    const int win = std::max(3, o.window | 1);
    cv::Mat mean, meanSq;
    cv::boxFilter(grey, mean, CV_32F, cv::Size(win, win), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    cv::sqrBoxFilter(grey, meanSq, CV_32F, cv::Size(win, win), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    cv::Mat out(grey.size(), CV_8UC1);
    for (int y = 0; y < grey.rows; ++y)
        for (int x = 0; x < grey.cols; ++x) {
            const float m = mean.at<float>(y, x), m2 = meanSq.at<float>(y, x);
            const float var = std::max(0.0f, m2 - m * m);
            const float t = m * (1.0f + o.k * (std::sqrt(var) * (1.0f / o.range) - 1.0f));
            out.at<std::uint8_t>(y, x) = float(grey.at<std::uint8_t>(y, x)) <= t ? 0 : 255;
        }
    return out;
}

} // namespace

TEST_SUITE("image")
{
    TEST_CASE("Sauvola's threshold is the same pixel for pixel at every width, vectorised or not")
    {
        cv::RNG rng(20261128);
        for (int width : {1, 7, 15, 16, 17, 31, 33, 64, 101}) {
            cv::Mat grey(23, width, CV_8UC1);
            rng.fill(grey, cv::RNG::UNIFORM, 0, 256);
            cv::GaussianBlur(grey, grey, cv::Size(3, 3), 0); // local contrast of every size, thresholds near pixels
            for (const image::SauvolaOptions o : {image::SauvolaOptions{}, image::SauvolaOptions{15, 0.2f, 128.0f}}) {
                const cv::Mat got = image::sauvolaMat(grey, o);
                CHECK_MESSAGE(cv::countNonZero(got != sauvolaReference(grey, o)) == 0, "width " << width);
            }
            // A flat image at k = 0 lies exactly on its threshold (the mean): ink, as the plain loop says.
            const cv::Mat flat(5, width, CV_8UC1, cv::Scalar(173));
            CHECK(cv::countNonZero(image::sauvolaMat(flat, image::SauvolaOptions{15, 0.0f, 128.0f})) == 0);
        }
    }

    TEST_CASE("Sauvola's threshold keeps dark type under a light gradient and clears the ground")
    {
        cv::Mat grey(120, 400, CV_8UC1);
        for (int x = 0; x < grey.cols; ++x)
            grey.col(x).setTo(cv::Scalar(120 + x * 120 / grey.cols)); // shade across the label
        cv::putText(grey, "Sodium 250mg", cv::Point(20, 70), cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(40), 3);
        const cv::Mat bin = image::sauvolaMat(grey, image::SauvolaOptions{51, 0.25f, 128.0f});
        CHECK(cv::countNonZero(bin(cv::Rect(0, 0, 400, 25)) == 0) == 0); // ground above the type, shaded or not
        const int ink = cv::countNonZero(bin(cv::Rect(20, 40, 360, 40)) == 0);
        CHECK(ink > 1500);
        CHECK(ink < 360 * 40 / 2);
    }
}
