#include "labelcheck/image/run_components.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

using namespace labelcheck;

TEST_SUITE("image")
{
    TEST_CASE("components from runs: OpenCV's bounds, areas, centroids and numbering, on 2000 random images")
    {
        cv::RNG rng(20261128);
        int compared = 0;
        for (int t = 0; t < 2000; ++t) {
            const int w = rng.uniform(1, 120), h = rng.uniform(1, 90);
            cv::Mat bin(h, w, CV_8UC1, cv::Scalar(0));
            // Bars of rules, and on a third of the images specks that touch only at corners.
            for (int i = rng.uniform(0, 40); i > 0; --i)
                cv::rectangle(bin,
                              cv::Rect(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(1, 40), rng.uniform(1, 4)),
                              cv::Scalar(255), cv::FILLED);
            if (t % 3 == 0) {
                cv::Mat noise(h, w, CV_8UC1);
                rng.fill(noise, cv::RNG::UNIFORM, 0, 100);
                bin.setTo(255, noise < 8);
            }
            cv::Mat labels, stats, centroids;
            const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
            const auto found = image::runComponents(bin);
            REQUIRE(int(found.size()) == n - 1);
            for (int i = 1; i < n; ++i) {
                const image::RunComponent& c = found[std::size_t(i - 1)];
                CHECK(c.left == stats.at<int>(i, cv::CC_STAT_LEFT));
                CHECK(c.top == stats.at<int>(i, cv::CC_STAT_TOP));
                CHECK(c.width() == stats.at<int>(i, cv::CC_STAT_WIDTH));
                CHECK(c.height() == stats.at<int>(i, cv::CC_STAT_HEIGHT));
                CHECK(c.area == stats.at<int>(i, cv::CC_STAT_AREA));
                CHECK(double(c.sumX) / c.area == centroids.at<double>(i, 0)); // exactly
                CHECK(double(c.sumY) / c.area == centroids.at<double>(i, 1));
                int pixels = 0;
                for (const image::PixelRun& r : c.runs)
                    for (int x = r.x0; x < r.x1; ++x)
                        pixels += labels.at<int>(r.y, x) == i;
                CHECK(pixels == c.area); // every run's pixels carry the component's OpenCV label
                ++compared;
            }
        }
        CHECK(compared > 10000);
    }

    TEST_CASE("components from runs: an empty image has none; a diagonal staircase is one")
    {
        CHECK(image::runComponents(cv::Mat(40, 50, CV_8UC1, cv::Scalar(0))).empty());
        cv::Mat stairs(10, 10, CV_8UC1, cv::Scalar(0));
        for (int i = 0; i < 10; ++i)
            stairs.at<std::uint8_t>(i, i) = 255;
        const auto found = image::runComponents(stairs);
        REQUIRE(found.size() == 1);
        CHECK(found[0].area == 10);
        CHECK(found[0].runs.size() == 10);
    }
}
