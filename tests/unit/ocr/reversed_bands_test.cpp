// The band inverter on a drawn band: what the recogniser is given around reversed type.
#include "reversed_bands.hpp"

#include "labelcheck/image/binarize_mat.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

namespace {

// A page (white) with a dark band of light "letters" (rings, one hole each), tilted and blurred like a photo.
cv::Mat bandPage()
{
    cv::Mat page(400, 900, CV_8U, cv::Scalar(235));
    cv::rectangle(page, cv::Rect(100, 90, 700, 70), cv::Scalar(60), cv::FILLED);
    for (int i = 0; i < 12; ++i)
        cv::circle(page, cv::Point(150 + 55 * i, 125), 18, cv::Scalar(235), 6);
    cv::Mat tilted;
    cv::warpAffine(page, tilted, cv::getRotationMatrix2D(cv::Point2f(450, 130), 2, 1.0), page.size(), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    cv::GaussianBlur(tilted, tilted, cv::Size(0, 0), 1.8);
    return tilted;
}

// A page with one word in heavy type, blurred until its letters run together into one blob with holes (the
// counters and the gaps the blur closed), as small ingredient type is on a soft photo.
cv::Mat blurredWordPage()
{
    cv::Mat page(120, 420, CV_8U, cv::Scalar(235));
    cv::putText(page, "carbonate", cv::Point(20, 75), cv::FONT_HERSHEY_SIMPLEX, 1.3, cv::Scalar(40), 5, cv::LINE_AA);
    cv::GaussianBlur(page, page, cv::Size(0, 0), 2.0);
    return page;
}

// A dark band round two light "words" whose letters a blur ran together: one hole each, with the small dark
// counters of their letters inside.
cv::Mat runTogetherBandPage()
{
    cv::Mat page(300, 800, CV_8U, cv::Scalar(235));
    cv::rectangle(page, cv::Rect(80, 100, 640, 80), cv::Scalar(50), cv::FILLED);
    for (int x : {100, 420}) {
        cv::rectangle(page, cv::Rect(x, 118, 280, 44), cv::Scalar(235), cv::FILLED);
        for (int i = 0; i < 6; ++i)
            cv::circle(page, cv::Point(x + 25 + 45 * i, 145), 6, cv::Scalar(50), cv::FILLED);
    }
    cv::GaussianBlur(page, page, cv::Size(0, 0), 1.5);
    return page;
}

// A thick dark frame drawn round dark type: as straight-edged and as full of ink as a band, with one hole.
cv::Mat framedTypePage()
{
    cv::Mat page(300, 800, CV_8U, cv::Scalar(235));
    cv::rectangle(page, cv::Rect(100, 100, 600, 90), cv::Scalar(50), cv::FILLED);
    cv::rectangle(page, cv::Rect(120, 120, 560, 50), cv::Scalar(235), cv::FILLED);
    cv::putText(page, "SODIUM", cv::Point(140, 162), cv::FONT_HERSHEY_SIMPLEX, 1.5, cv::Scalar(50), 4, cv::LINE_AA);
    cv::GaussianBlur(page, page, cv::Size(0, 0), 1.5);
    return page;
}

bool turnedOver(cv::Mat grey)
{
    const cv::Mat before = grey.clone();
    labelcheck::ocr::detail::invertReversedBands(
        labelcheck::image::sauvolaMat(grey, labelcheck::image::SauvolaOptions{61, 0.2f, 128.0f}), grey, 40);
    return cv::countNonZero(before != grey) > 0;
}

} // namespace

TEST_SUITE("ocr")
{
    TEST_CASE("a blurred word run together is not a band when bands must be taller than it")
    {
        cv::Mat grey = blurredWordPage();
        const cv::Mat before = grey.clone();
        const cv::Mat bin = labelcheck::image::sauvolaMat(grey, labelcheck::image::SauvolaOptions{61, 0.2f, 128.0f});
        // Without the height test the word's blob passes for a band (what the package face read did).
        cv::Mat untested = grey.clone();
        labelcheck::ocr::detail::invertReversedBands(bin, untested);
        CHECK(cv::countNonZero(before != untested) > 0);
        // Its ragged edges keep it: it is lower than a band of its type's size would be.
        labelcheck::ocr::detail::invertReversedBands(bin, grey, 60);
        CHECK(cv::countNonZero(before != grey) == 0);
        // A band's straight edges pass at any height.
        cv::Mat band = bandPage();
        const cv::Mat bandBefore = band.clone();
        labelcheck::ocr::detail::invertReversedBands(
            labelcheck::image::sauvolaMat(band, labelcheck::image::SauvolaOptions{61, 0.2f, 128.0f}), band, 200);
        CHECK(cv::countNonZero(bandBefore != band) > 0);
    }

    TEST_CASE("a reversed band is turned over without a box round its type")
    {
        cv::Mat grey = bandPage();
        const cv::Mat before = grey.clone();
        const cv::Mat bin = labelcheck::image::sauvolaMat(grey, labelcheck::image::SauvolaOptions{61, 0.2f, 128.0f});
        labelcheck::ocr::detail::invertReversedBands(bin, grey);
        // The band's ground is now light and its letters dark.
        CHECK(grey.at<std::uint8_t>(125, 450 + 27) > 200); // between two letters
        CHECK(cv::mean(grey(cv::Rect(120, 100, 660, 50)))[0] > 150);
        // No dark frame: on the band's outline, a few pixels out and in, the page stays light. Sampled along
        // the band's long edges, away from the letters.
        int dark = 0, sampled = 0;
        const cv::Matx23d rot = cv::getRotationMatrix2D(cv::Point2f(450, 130), 2, 1.0);
        for (int x = 110; x <= 790; x += 10)
            for (int y : {86, 88, 90, 92, 94, 156, 158, 160, 162, 164}) {
                const double px = rot(0, 0) * x + rot(0, 1) * y + rot(0, 2);
                const double py = rot(1, 0) * x + rot(1, 1) * y + rot(1, 2);
                ++sampled;
                dark += grey.at<std::uint8_t>(cvRound(py), cvRound(px)) < 160;
            }
        INFO("dark samples on the band's edge: " << dark << " of " << sampled);
        CHECK(dark == 0);
        CHECK(cv::countNonZero(before != grey) > 0);
    }

    TEST_CASE("a band whose letters ran together is turned over; a thick frame round dark type is not")
    {
        // Two holes, under the four that make a band on their own: its straight edges and the counters inside (no
        // mark as tall as type) make it one.
        CHECK(turnedOver(runTogetherBandPage()));
        // One hole holding type a third of the frame's height or more.
        CHECK_FALSE(turnedOver(framedTypePage()));
    }
}
