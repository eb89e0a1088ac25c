// The run-length line opening against OpenCV's own, on masks with runs of every length, at the edges too.
#include "labelcheck/image/line_open_mat.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

namespace {

cv::Mat openedByOpenCV(const cv::Mat& mask, int length, bool horizontal)
{
    cv::Mat out;
    cv::morphologyEx(mask, out, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_RECT, horizontal ? cv::Size(length, 1) : cv::Size(1, length)));
    return out;
}

// Random runs along rows (or columns), of lengths round `length`, some touching the edges.
cv::Mat runsMask(int rows, int cols, int length, bool horizontal, unsigned seed)
{
    cv::RNG rng(seed);
    cv::Mat mask = cv::Mat::zeros(rows, cols, CV_8UC1);
    const int lines = horizontal ? rows : cols, along = horizontal ? cols : rows;
    for (int i = 0; i < lines; ++i) {
        int pos = rng.uniform(0, 3) == 0 ? 0 : rng.uniform(0, length);
        while (pos < along) {
            const int run = rng.uniform(1, 2 * length + 2);
            for (int k = pos; k < std::min(along, pos + run); ++k)
                (horizontal ? mask.at<std::uint8_t>(i, k) : mask.at<std::uint8_t>(k, i)) = 255;
            pos += run + rng.uniform(1, length);
        }
    }
    return mask;
}

} // namespace

TEST_CASE("openWithLine sets exactly the pixels OpenCV's opening sets, for odd and even lengths")
{
    for (bool horizontal : {true, false})
        for (int length : {1, 2, 3, 4, 7, 8, 15, 16, 60, 61, 150}) {
            CAPTURE(horizontal);
            CAPTURE(length);
            const cv::Mat mask = runsMask(97, 211, length, horizontal, unsigned(length * 2 + horizontal));
            CHECK(cv::countNonZero(labelcheck::image::openWithLine(mask, length, horizontal) !=
                                   openedByOpenCV(mask, length, horizontal)) == 0);
        }
}

TEST_CASE("openWithLine keeps a rule and drops type on a drawn panel")
{
    cv::Mat mask = cv::Mat::zeros(200, 400, CV_8UC1);
    cv::rectangle(mask, cv::Rect(10, 50, 380, 4), cv::Scalar(255), cv::FILLED); // a rule
    cv::putText(mask, "Sodium 250mg", cv::Point(20, 120), cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(255), 2);
    const cv::Mat rules = labelcheck::image::openWithLine(mask, 100, true);
    CHECK(cv::countNonZero(rules) == 380 * 4);
    CHECK(cv::countNonZero(rules(cv::Rect(0, 80, 400, 60))) == 0);
    CHECK(cv::countNonZero(rules != openedByOpenCV(mask, 100, true)) == 0);
}

TEST_CASE("openWithLine treats every nonzero value as set, eight pixels at a time as one by one")
{
    for (bool horizontal : {true, false})
        for (int length : {1, 3, 8, 9, 17, 64}) {
            CAPTURE(horizontal);
            CAPTURE(length);
            cv::Mat mask = runsMask(61, 203, length, horizontal, unsigned(length * 7 + horizontal));
            cv::Mat values(mask.size(), CV_8UC1);
            cv::RNG(unsigned(length)).fill(values, cv::RNG::UNIFORM, 1, 256);
            values.copyTo(mask, mask); // set pixels take values 1-255
            const cv::Mat ours = labelcheck::image::openWithLine(mask, length, horizontal);
            const cv::Mat theirs = openedByOpenCV(mask != 0, length, horizontal);
            CHECK(cv::countNonZero((ours != 0) != (theirs != 0)) == 0);
        }
}
