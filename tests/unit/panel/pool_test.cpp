// The finder's pooled reduction against what OpenCV's erode (dilate) and nearest-neighbour resize make.
#include "pool.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

namespace {

cv::Mat byOpenCV(const cv::Mat& grey, int factor, bool dark)
{
    cv::Mat m, small;
    const auto k = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(factor, factor));
    if (dark)
        cv::erode(grey, m, k, cv::Point(0, 0));
    else
        cv::dilate(grey, m, k, cv::Point(0, 0));
    cv::resize(m, small, cv::Size(grey.cols / factor, grey.rows / factor), 0, 0, cv::INTER_NEAREST);
    return small;
}

} // namespace

TEST_SUITE("panel")
{
    TEST_CASE(
        "pooled is pixel for pixel OpenCV's erode or dilate then nearest resize, sizes not multiples of the factor")
    {
        cv::RNG rng(20261128);
        for (const cv::Size size : {cv::Size(4000, 3000), cv::Size(1001, 757), cv::Size(333, 250), cv::Size(7, 5)})
            for (int factor : {1, 2, 3, 4, 5, 7})
                for (bool dark : {true, false}) {
                    CAPTURE(size);
                    CAPTURE(factor);
                    CAPTURE(dark);
                    cv::Mat grey(size, CV_8UC1);
                    rng.fill(grey, cv::RNG::UNIFORM, 0, 256);
                    // Hairlines one pixel wide, across and down.
                    for (int y = 3; y < size.height; y += 37)
                        grey.row(y).setTo(dark ? 0 : 255);
                    for (int x = 5; x < size.width; x += 41)
                        grey.col(x).setTo(dark ? 0 : 255);
                    if (size.width < factor || size.height < factor) {
                        CHECK_THROWS_AS(byOpenCV(grey, factor, dark), cv::Exception);
                        CHECK_THROWS_AS(labelcheck::panel::detail::pooled(grey, factor, dark), cv::Exception);
                        continue;
                    }
                    const cv::Mat ours = labelcheck::panel::detail::pooled(grey, factor, dark);
                    const cv::Mat theirs = byOpenCV(grey, factor, dark);
                    REQUIRE(ours.size() == theirs.size());
                    CHECK(cv::countNonZero(ours != theirs) == 0);
                }
    }

    TEST_CASE("a hairline survives pooling")
    {
        cv::Mat grey(300, 400, CV_8UC1, cv::Scalar(220));
        grey.row(151).setTo(10);
        const cv::Mat small = labelcheck::panel::detail::pooled(grey, 3, true);
        CHECK(small.at<std::uint8_t>(50, 60) == 10);
        CHECK(small.at<std::uint8_t>(49, 60) == 220);
    }
}
