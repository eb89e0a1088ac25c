#include "labelcheck/panel/label_outline.hpp"

#include "labelcheck/image/opencv.hpp"
#include "labelcheck/image/rectify.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace labelcheck::panel {

namespace {

// Canny's hysteresis thresholds at the working size: an edge this sharp after a light blur is an object's, not a
// background out of focus.
constexpr double kEdgeLow = 40, kEdgeHigh = 120;

// How far (a share of its perimeter) the outline's hull may stray from its four corners.
constexpr double kCornerTolerance = 0.03;

} // namespace

std::vector<image::Quad> findLabelOutlines(const image::Image& photo, const OutlineOptions& options)
{
    std::vector<image::Quad> found;
    if (photo.empty() || (photo.channels != 1 && photo.channels != 3))
        return found;
    try {
        cv::Mat grey = image::asMat(photo);
        if (grey.channels() == 3)
            cv::cvtColor(grey, grey, cv::COLOR_BGR2GRAY);
        const double scale = std::min(1.0, double(options.workingLongSide) / std::max(grey.cols, grey.rows));
        cv::Mat small, edges;
        cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
        cv::GaussianBlur(small, small, cv::Size(3, 3), 0);
        cv::Canny(small, edges, kEdgeLow, kEdgeHigh);
        cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(edges, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);

        std::vector<std::pair<double, image::Quad>> byArea;
        for (const auto& contour : contours) {
            std::vector<cv::Point> hull, corners;
            cv::convexHull(contour, hull, /*clockwise=*/false);
            const double area = cv::contourArea(hull);
            if (area < options.minArea * double(small.total()) || area > options.maxArea * double(small.total()))
                continue;
            cv::approxPolyDP(hull, corners, kCornerTolerance * cv::arcLength(hull, true), true);
            if (corners.size() != 4)
                continue;
            // Clockwise as the photo shows it (y down), from the corner nearest its top-left.
            if (cv::contourArea(corners, /*oriented=*/true) < 0)
                std::reverse(corners.begin(), corners.end());
            const auto first =
                std::min_element(corners.begin(), corners.end(),
                                 [](const cv::Point& a, const cv::Point& b) { return a.x + a.y < b.x + b.y; });
            std::rotate(corners.begin(), first, corners.end());
            image::Quad q;
            for (int i = 0; i < 4; ++i)
                q[i] = image::PointF{float(corners[i].x / scale), float(corners[i].y / scale)};
            byArea.emplace_back(area, q);
        }
        std::sort(byArea.begin(), byArea.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [area, q] : byArea) {
            if (int(found.size()) >= options.maxOutlines)
                break;
            found.push_back(q);
        }
    } catch (const cv::Exception&) {
        found.clear();
    }
    return found;
}

std::vector<Panel> findPanelsWithin(const image::Image& photo, const image::Quad& outline, const FindOptions& options)
{
    std::vector<Panel> panels;
    // The outline made rectangular at the photo's scale, as it is: no levelling, straightening, inverting or border.
    image::RectifyOptions flat;
    flat.scale = 1;
    flat.inverted = false;
    flat.deskew = false;
    flat.dewarp = false;
    flat.output = image::RectifiedOutput::Grey;
    flat.removeRules = false;
    flat.paddingPx = 0;
    auto label = image::rectifyPanel(photo, outline, flat);
    if (!label)
        return panels;
    panels = findPanels(label->image, options);
    const auto mapped = [&](const image::Quad& q) {
        image::Quad m;
        for (int i = 0; i < 4; ++i)
            m[i] = image::toPhoto(*label, q[i]);
        return m;
    };
    for (Panel& p : panels) {
        p.corners = mapped(p.corners);
        if (p.throughRules)
            p.throughRules = mapped(*p.throughRules);
    }
    return panels;
}

} // namespace labelcheck::panel
