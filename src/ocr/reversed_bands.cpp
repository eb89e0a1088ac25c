#include "reversed_bands.hpp"

#include "labelcheck/core/line_fit.hpp"
#include "labelcheck/core/median.hpp"
#include "labelcheck/image/run_components.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace labelcheck::ocr::detail {

namespace {

// The share of the columns of `blob` (8-bit, non-zero inside) whose topmost and bottommost pixels lie within
// max(2, a tenth of its height) of a straight line fitted to each edge (least squares): the smaller of the two
// shares. 1 for a band's straight edges, at any slight tilt.
double straightEdges(const cv::Mat& blob)
{
    std::vector<cv::Point2d> tops, bottoms;
    for (int x = 0; x < blob.cols; ++x) {
        int top = -1, bottom = -1;
        for (int y = 0; y < blob.rows; ++y)
            if (blob.at<std::uint8_t>(y, x)) {
                if (top < 0)
                    top = y;
                bottom = y;
            }
        if (top >= 0) {
            tops.emplace_back(x, top);
            bottoms.emplace_back(x, bottom);
        }
    }
    if (tops.size() < 2)
        return 0;
    const double tolerance = std::max(2, blob.rows / 10);
    const auto share = [&](const std::vector<cv::Point2d>& edge) {
        const LineFit line = fitLine(
            edge, [](const cv::Point2d& p) { return p.x; }, [](const cv::Point2d& p) { return p.y; });
        return double(std::count_if(edge.begin(), edge.end(),
                                    [&](const cv::Point2d& p) { return std::abs(p.y - line.at(p.x)) <= tolerance; })) /
               double(edge.size());
    };
    return std::min(share(tops), share(bottoms));
}

// A band lower than the caller's tallPx, or with fewer than kHoles holes, needs edges this straight.
constexpr double kStraightEdges = 0.92;
// Letters have at most two holes; a band with type reversed out of it has one per letter that touches neither its
// edge nor the next letter. Type run together by a blur keeps fewer: "Electrolyte" in a tight band kept 3,
// "Essential Electrolytes" 1 (generated photos). A blob with fewer holes is taken for a band only when its edges are
// straight and nothing inside its outline is as tall as type (holdsType): a thick frame drawn round dark type has
// straight edges and one hole too, and turned over its type would be lost.
constexpr int kHoles = 4;

// Whether `islands` (8-bit, non-zero: ink inside a blob's outline that is not the blob's) holds a mark at least a
// third as tall as the blob (`height`): type inside a frame (a frame thick enough to pass for a band leaves type
// that tall). Type reversed out of a band leaves only the counters of its letters there ("e", "a", "O"), lower.
bool holdsType(const cv::Mat& islands, int height)
{
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(islands, labels, stats, centroids, 8, CV_32S);
    for (int i = 1; i < n; ++i)
        if (3 * stats.at<int>(i, cv::CC_STAT_HEIGHT) >= height)
            return true;
    return false;
}

} // namespace

void invertReversedBands(const cv::Mat& bin, cv::Mat& grey, int tallPx)
{
    cv::Mat ink = bin == 0;
    // Labelled from its runs: OpenCV's labeller took ~50 ms on a face read's 6 MP image, the runs ~2 ms.
    for (const image::RunComponent& c : image::runComponents(ink)) {
        const int w = c.width(), h = c.height(), area = c.area;
        if (h < 14 || 2 * w < 3 * h || h > bin.rows / 3 || area < 0.45 * double(w) * h || area > 0.92 * double(w) * h)
            continue;
        const cv::Rect box(c.left, c.top, w, h);
        cv::Mat inside = cv::Mat::zeros(box.size(), CV_8U);
        for (const image::PixelRun& r : c.runs)
            inside.row(r.y - c.top).colRange(r.x0 - c.left, r.x1 - c.left).setTo(255);
        std::vector<std::vector<cv::Point>> contours;
        std::vector<cv::Vec4i> hierarchy;
        cv::findContours(inside.clone(), contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
        int holes = 0;
        for (std::size_t c = 0; c < contours.size(); ++c)
            holes += hierarchy[c][3] >= 0 && cv::boundingRect(contours[c]).height >= h / 5;
        if (holes == 0)
            continue;
        const bool fewHoles = holes < kHoles;
        if ((h < tallPx || fewHoles) && straightEdges(inside) < kStraightEdges)
            continue;
        cv::Mat filled = cv::Mat::zeros(inside.size(), CV_8U);
        for (std::size_t c = 0; c < contours.size(); ++c)
            if (hierarchy[c][3] < 0) {
                std::vector<cv::Point> hull;
                cv::convexHull(contours[c], hull);
                cv::fillConvexPoly(filled, hull, cv::Scalar(255));
            }
        if (fewHoles && holdsType(ink(box) & ~inside & filled, h))
            continue;

        // The band's ground, once turned over: the median of what was the band's ink.
        const cv::Mat bandInk = bin(box);
        const cv::Mat bandGrey = grey(box);
        std::vector<std::uint8_t> ground;
        for (int y = 0; y < box.height; ++y)
            for (int x = 0; x < box.width; ++x)
                if (filled.at<std::uint8_t>(y, x) && bandInk.at<std::uint8_t>(y, x) == 0)
                    ground.push_back(static_cast<std::uint8_t>(255 - bandGrey.at<std::uint8_t>(y, x)));
        const double level = ground.empty() ? 255.0 : std::max<double>(medianOf(std::move(ground)), 32.0);

        // Only the band's inside is turned over, and its edge (pixels half band, half ground: a blur wide,
        // taken as a twelfth of the band's height each way) is painted with the page's ground: turned over,
        // that edge would be a box drawn round the type, which the recogniser's layout analysis takes for a
        // table or a picture and skips.
        const int edge = std::max(2, h / 12);
        const cv::Rect around = cv::Rect(box.x - edge, box.y - edge, box.width + 2 * edge, box.height + 2 * edge) &
                                cv::Rect(0, 0, grey.cols, grey.rows);
        cv::Mat hull = cv::Mat::zeros(around.size(), CV_8U);
        filled.copyTo(hull(cv::Rect(box.x - around.x, box.y - around.y, box.width, box.height)));
        const cv::Mat k = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * edge + 1, 2 * edge + 1));
        cv::Mat inner, outer;
        cv::erode(hull, inner, k);
        cv::dilate(hull, outer, k);
        cv::Mat g = grey(around);
        cv::Mat flipped;
        cv::Mat(255 - g).convertTo(flipped, CV_8U, 255.0 / level);
        g.setTo(255, outer);
        flipped.copyTo(g, inner);
    }
}

} // namespace labelcheck::ocr::detail
