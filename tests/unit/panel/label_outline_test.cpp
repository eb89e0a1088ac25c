#include "labelcheck/panel/label_outline.hpp"

#include "labelcheck/image/opencv.hpp"
#include "render_panel.hpp"

#include <doctest/doctest.h>

#include <cmath>

using labelcheck::image::fromMat;
using labelcheck::panel::findLabelOutlines;
using labelcheck::panel::findPanels;
using labelcheck::panel::findPanelsWithin;
namespace lt = labelcheck::testing;

namespace {

// A label: `panel` on a white ground with a margin of `margin` pixels all round.
cv::Mat labelAround(const cv::Mat& panel, int margin)
{
    cv::Mat label(panel.rows + 2 * margin, panel.cols + 2 * margin, CV_8UC3, cv::Scalar(248, 248, 248));
    panel.copyTo(label(cv::Rect(margin, margin, panel.cols, panel.rows)));
    return label;
}

// Largest distance between a corner of `q` and the truth's, as a share of the truth's top edge.
double cornerError(const labelcheck::image::Quad& q, const std::array<cv::Point2f, 4>& truth)
{
    double worst = 0;
    for (int k = 0; k < 4; ++k)
        worst = std::max(worst, cv::norm(cv::Point2f(q[k].x, q[k].y) - truth[k]) / cv::norm(truth[1] - truth[0]));
    return worst;
}

// A narrow label seen steeply from one side: its sides upright, its top edge sloped `topDeg` and its bottom edge
// `bottomDeg` (the rows between fan from one to the other). `panelCorners` receives where the panel's corners land.
lt::Scene steepLabel(float topDeg, float bottomDeg, std::array<cv::Point2f, 4>& panelCorners)
{
    const cv::Mat panel = lt::renderPanel(500);
    const int margin = 40;
    const cv::Mat label = labelAround(panel, margin);
    const float dx = 420, h = 1500, rad = float(CV_PI) / 180;
    const std::array<cv::Point2f, 4> corners{
        cv::Point2f(800, 300), cv::Point2f(800 + dx, 300 + dx * std::tan(topDeg * rad)),
        cv::Point2f(800 + dx, 300 + h + dx * std::tan(bottomDeg * rad)), cv::Point2f(800, 300 + h)};
    const std::vector<cv::Point2f> from{
        {0, 0}, {float(label.cols), 0}, {float(label.cols), float(label.rows)}, {0, float(label.rows)}};
    const cv::Mat toPhoto = cv::getPerspectiveTransform(from, std::vector<cv::Point2f>(corners.begin(), corners.end()));
    const std::vector<cv::Point2f> panelInLabel{{float(margin), float(margin)},
                                                {float(margin + panel.cols), float(margin)},
                                                {float(margin + panel.cols), float(margin + panel.rows)},
                                                {float(margin), float(margin + panel.rows)}};
    std::vector<cv::Point2f> mapped;
    cv::perspectiveTransform(panelInLabel, mapped, toPhoto);
    std::copy(mapped.begin(), mapped.end(), panelCorners.begin());
    lt::Scene scene = lt::placePanel(label, cv::Size(2400, 2400), corners, 11);
    // A background out of focus: soft-edged shapes, which are no label's outline.
    cv::Mat shapes = scene.photo.clone();
    cv::circle(shapes, cv::Point(500, 1700), 380, cv::Scalar(60, 140, 230), cv::FILLED);
    cv::rectangle(shapes, cv::Rect(1500, 1400, 700, 500), cv::Scalar(90, 170, 80), cv::FILLED);
    cv::GaussianBlur(shapes, shapes, cv::Size(0, 0), 12);
    cv::Mat outside(scene.photo.size(), CV_8UC1, cv::Scalar(255));
    cv::fillConvexPoly(outside, std::vector<cv::Point>{corners[0], corners[1], corners[2], corners[3]}, cv::Scalar(0));
    shapes.copyTo(scene.photo, outside);
    return scene;
}

} // namespace

TEST_SUITE("panel")
{
    TEST_CASE("a label's sharp outline is found, clockwise from its top-left corner; soft background shapes are not")
    {
        std::array<cv::Point2f, 4> panelCorners;
        const lt::Scene scene = steepLabel(26, 30, panelCorners);
        const auto outlines = findLabelOutlines(fromMat(scene.photo));
        REQUIRE(outlines.size() == 1);
        CHECK(cornerError(outlines.front(), scene.corners) < 0.03);
    }

    TEST_CASE("a panel on a narrow label seen steeply, rows fanned 26-30 degrees, is found within the label's outline")
    {
        // Seed 4242's 034: no levelling of the photo holds the panel's rules whole; the label's corners undo the
        // perspective.
        std::array<cv::Point2f, 4> panelCorners;
        const lt::Scene scene = steepLabel(26, 30, panelCorners);
        const auto photo = fromMat(scene.photo);
        bool foundInPhoto = false;
        for (const double deg : {0.0, 20.0}) {
            labelcheck::panel::FindOptions o;
            o.shearDeg = deg;
            for (const auto& p : findPanels(photo, o))
                foundInPhoto = foundInPhoto || cornerError(p.corners, panelCorners) < 0.05;
        }
        CHECK_FALSE(foundInPhoto);

        const auto outlines = findLabelOutlines(photo);
        REQUIRE_FALSE(outlines.empty());
        const auto within = findPanelsWithin(photo, outlines.front());
        REQUIRE_FALSE(within.empty());
        CHECK(cornerError(within.front().corners, panelCorners) < 0.05);
        CHECK(within.front().ruleCount >= 3);
    }

    TEST_CASE("no outline on a blank or noisy photo; bad input gives none and does not crash")
    {
        cv::Mat blank(900, 1200, CV_8UC3, cv::Scalar(200, 210, 220));
        CHECK(findLabelOutlines(fromMat(blank)).empty());
        cv::Mat noise(900, 1200, CV_8UC1);
        cv::randu(noise, 0, 255);
        CHECK(findLabelOutlines(fromMat(noise)).empty()); // edges everywhere: the hull is the photo's frame
        CHECK(findLabelOutlines(labelcheck::image::Image{}).empty());
        const labelcheck::image::Quad flat{};
        CHECK(findPanelsWithin(fromMat(blank), flat).empty());
        CHECK(findPanelsWithin(labelcheck::image::Image{}, flat).empty());
    }
}
