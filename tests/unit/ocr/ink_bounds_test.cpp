// The box round a page's ink: what the package face's read keeps of its image.
#include "ink_bounds.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

TEST_CASE("inkBounds keeps the type and a margin, and drops the empty ground and lone specks")
{
    cv::Mat page(600, 800, CV_8U, cv::Scalar(255));
    cv::putText(page, "Electrolytes", cv::Point(300, 200), cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(0), 2,
                cv::LINE_AA);
    cv::putText(page, "Drink Mix", cv::Point(320, 260), cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(0), 2, cv::LINE_AA);
    cv::Mat bare = page.clone();
    // Specks of one and two pixels far from the type, and a light grey smudge (lighter than the mid level).
    page.at<std::uint8_t>(20, 20) = 0;
    page.at<std::uint8_t>(580, 780) = 0;
    page.at<std::uint8_t>(580, 781) = 0;
    cv::circle(page, cv::Point(100, 500), 60, cv::Scalar(180), cv::FILLED);

    const cv::Rect type = cv::boundingRect(bare < 128);
    const cv::Rect box = labelcheck::ocr::detail::inkBounds(page, 40);
    CHECK(box == labelcheck::ocr::detail::inkBounds(bare, 40));
    // The type's box lies inside it, with the margin round it (less the cells' rounding, 4 px at most).
    CHECK((box & type) == type);
    CHECK(type.x - box.x >= 36);
    CHECK(box.x + box.width - (type.x + type.width) >= 36);
    CHECK(type.y - box.y >= 36);
    CHECK(box.y + box.height - (type.y + type.height) >= 36);
    CHECK(box.width <= type.width + 2 * 40 + 8);
    CHECK(box.height <= type.height + 2 * 40 + 8);
}

TEST_CASE("inkBounds: a blank page has none; a margin past the edges is clipped")
{
    const cv::Mat blank(300, 300, CV_8U, cv::Scalar(255));
    CHECK(labelcheck::ocr::detail::inkBounds(blank, 40).area() == 0);

    cv::Mat page = blank.clone();
    cv::rectangle(page, cv::Rect(5, 5, 40, 20), cv::Scalar(0), cv::FILLED);
    const cv::Rect box = labelcheck::ocr::detail::inkBounds(page, 40);
    CHECK(box.x == 0);
    CHECK(box.y == 0);
    CHECK(box.x + box.width <= 300);
    CHECK(box.width < 100);
}
