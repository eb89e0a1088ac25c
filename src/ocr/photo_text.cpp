#include "labelcheck/ocr/photo_text.hpp"

#include "ink_bounds.hpp"
#include "reversed_bands.hpp"

#include "labelcheck/core/median.hpp"
#include "labelcheck/image/binarize_mat.hpp"
#include "labelcheck/image/opencv.hpp"
#include "labelcheck/image/run_components.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace labelcheck::ocr {

namespace {

// The corners of `q` moved away from its centre to `factor` times their distance from it.
std::array<cv::Point2f, 4> grownRound(const image::Quad& q, float factor)
{
    cv::Point2f centre(0, 0);
    for (const auto& p : q)
        centre += cv::Point2f(p.x, p.y) * 0.25f;
    std::array<cv::Point2f, 4> out;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = centre + (cv::Point2f(q[i].x, q[i].y) - centre) * factor;
    return out;
}

// Whether the label around `panel` (photo pixels scaled by `scale`, offset `offset`) is light type on a dark
// ground: the median tone of a ring just outside the panel.
bool darkAround(const cv::Mat& lum, const image::Quad& panel, const cv::Point2f& offset, double scale)
{
    const auto grown = grownRound(panel, 1.2f);
    std::vector<cv::Point> inner, outer;
    for (std::size_t i = 0; i < panel.size(); ++i) {
        inner.emplace_back(cv::Point((cv::Point2f(panel[i].x, panel[i].y) - offset) * scale));
        outer.emplace_back(cv::Point((grown[i] - offset) * scale));
    }
    cv::Mat ring = cv::Mat::zeros(lum.size(), CV_8U);
    cv::fillConvexPoly(ring, outer, cv::Scalar(255));
    cv::fillConvexPoly(ring, inner, cv::Scalar(0));
    std::vector<std::uint8_t> tones;
    for (int y = 0; y < lum.rows; y += 2)
        for (int x = 0; x < lum.cols; x += 2)
            if (ring.at<std::uint8_t>(y, x))
                tones.push_back(lum.at<std::uint8_t>(y, x));
    return tones.size() >= 50 && medianOf(std::move(tones)) < 96;
}

// `q` (TL, TR, BR, BL of the upright panel) taken on along its sides, as much above as below, to at least
// `height` photo pixels high.
image::Quad atLeastHigh(const image::Quad& q, float height)
{
    const auto len = [](image::PointF a, image::PointF b) { return std::hypot(b.x - a.x, b.y - a.y); };
    const float h = (len(q[0], q[3]) + len(q[1], q[2])) / 2;
    if (h <= 0 || h >= height)
        return q;
    const float t = (height - h) / (2 * h); // of its height, past each end
    return image::grown(q, {0, 0, t, t});
}

// The margin (glyphs) left round the ink of the image read (detail::inkBounds).
constexpr int kInkMarginGlyphs = 2;

constexpr int kTextSkewRange = 20;      // degrees either way
constexpr double kTextSkewMinDeg = 2.5; // the recogniser reads rows a few degrees off level

// The slope (degrees, as atan2(dy, dx) with y down) of the text rows of `grey` (dark type on light) outside
// `exclude`, between -kTextSkewRange and +kTextSkewRange: the angle across which the centres of the glyph-sized marks
// pile into the fewest, fullest rows. Marks taller than `maxGlyphPx` (bars of a barcode, shadows, rules) are left
// out: long and large shapes would set the angle by their own edges. 0 when there are too few marks to tell.
double textSkewDegrees(const cv::Mat& grey, const std::vector<cv::Point>& exclude, int maxGlyphPx)
{
    constexpr int f = 2; // measured at half the size
    cv::Mat small;
    cv::resize(grey, small, cv::Size(std::max(1, grey.cols / f), std::max(1, grey.rows / f)), 0, 0, cv::INTER_AREA);
    cv::Mat ink = small < 128;
    if (exclude.size() >= 3) {
        std::vector<cv::Point> q;
        for (const auto& p : exclude)
            q.emplace_back(p.x / f, p.y / f);
        cv::fillConvexPoly(ink, q, cv::Scalar(0));
    }
    const int maxH = std::max(2, maxGlyphPx / f);
    std::vector<cv::Point2d> marks;
    for (const image::RunComponent& c : image::runComponents(ink)) {
        const int w = c.width(), h = c.height();
        if (h >= 2 && h <= maxH && w <= 2 * maxH)
            marks.emplace_back(double(c.sumX) / c.area, double(c.sumY) / c.area); // its centroid
    }
    if (marks.size() < 20)
        return 0;
    const int diagonal = int(std::hypot(ink.cols, ink.rows)) + 2;
    std::vector<int> rows(std::size_t(2 * diagonal));
    double best = 0, bestScore = -1;
    for (int deg = -kTextSkewRange; deg <= kTextSkewRange; ++deg) {
        const double a = deg * CV_PI / 180, c = std::cos(a), s = std::sin(a);
        std::fill(rows.begin(), rows.end(), 0);
        for (const auto& p : marks)
            ++rows[std::size_t(int(std::lround(p.y * c - p.x * s)) + diagonal)];
        double score = 0;
        for (int k : rows)
            score += double(k) * k;
        if (score > bestScore) {
            bestScore = score;
            best = deg;
        }
    }
    return best;
}

// `grey` turned by `degrees` (counter-clockwise, cv::getRotationMatrix2D) onto a canvas that holds all of it, the
// corners filled as ground; the map from `grey`'s pixels to the canvas's in `map`.
cv::Mat turned(const cv::Mat& grey, double degrees, cv::Mat& map)
{
    cv::Point2f c(grey.cols / 2.0f, grey.rows / 2.0f);
    map = cv::getRotationMatrix2D(c, degrees, 1.0);
    const double ca = std::abs(std::cos(degrees * CV_PI / 180)), sa = std::abs(std::sin(degrees * CV_PI / 180));
    cv::Size canvas(int(grey.cols * ca + grey.rows * sa + 1), int(grey.cols * sa + grey.rows * ca + 1));
    map.at<double>(0, 2) += canvas.width / 2.0 - c.x;
    map.at<double>(1, 2) += canvas.height / 2.0 - c.y;
    cv::Mat out;
    cv::warpAffine(grey, out, map, canvas, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
    return out;
}

} // namespace

Expected<std::vector<TextLine>> readPhotoText(Engine& engine, const image::Image& photo,
                                              const PhotoTextOptions& options)
{
    if (photo.empty() || (photo.channels != 1 && photo.channels != 3))
        return makeError(ErrorCode::InvalidArgument, "photo text needs a non-empty 1- or 3-channel image");
    cv::Mat grey;
    try {
        cv::Mat src = image::asMat(photo);
        double scale = std::min(1.0, double(std::max(64, options.longSide)) / std::max(photo.width, photo.height));
        cv::Point2f offset(0, 0);
        if (options.panel && options.panelGlyphPx > 0) {
            const image::Quad q = atLeastHigh(*options.panel, options.minPanelGlyphs * options.panelGlyphPx);
            float x0 = std::min({q[0].x, q[1].x, q[2].x, q[3].x}), x1 = std::max({q[0].x, q[1].x, q[2].x, q[3].x});
            float y0 = std::min({q[0].y, q[1].y, q[2].y, q[3].y}), y1 = std::max({q[0].y, q[1].y, q[2].y, q[3].y});
            const float gx = options.faceGrow * (x1 - x0), gy = options.faceGrow * (y1 - y0);
            cv::Rect region(cv::Point(int(x0 - gx), int(y0 - gy)), cv::Point(int(x1 + gx), int(y1 + gy)));
            region &= cv::Rect(0, 0, photo.width, photo.height);
            if (region.area() > 0) {
                src = src(region);
                offset = cv::Point2f(float(region.x), float(region.y));
                scale = std::clamp(double(options.faceGlyphPx) / options.panelGlyphPx, 0.2, 2.0);
            }
        }
        if (double(src.cols) * src.rows * scale * scale > options.maxPixels)
            scale = std::sqrt(double(options.maxPixels) / (double(src.cols) * src.rows));
        // Area averaging below half size (linear would skip source pixels and break thin strokes); linear
        // above it, where it skips none: at ~0.7 (a 12 MP photo) it is 5x faster than area averaging (17 ms
        // against 96), and on 208 generated photos it read the same claims and one more.
        cv::Mat small;
        if (std::abs(scale - 1.0) > 1e-3)
            cv::resize(src, small, cv::Size(), scale, scale, scale < 0.5 ? cv::INTER_AREA : cv::INTER_LINEAR);
        else
            small = src.clone();

        bool lightOnDark = false;
        if (options.panel) {
            cv::Mat lum;
            if (small.channels() == 3)
                cv::cvtColor(small, lum, cv::COLOR_BGR2GRAY);
            else
                lum = small;
            lightOnDark = darkAround(lum, *options.panel, offset, scale);
        }
        // Strokes of the largest type read here (a product name at twice a claim's size) stay under this.
        const int backgroundPx =
            options.panelGlyphPx > 0 ? 4 * options.faceGlyphPx : std::max(31, std::max(small.cols, small.rows) / 30);
        // A photo point's place in `small`.
        const auto toSmall = [&](cv::Point2f p) { return (p - offset) * float(scale); };
        grey = image::inkContrastMat(small, backgroundPx, lightOnDark);
        if (options.faintInk > 0)
            grey.convertTo(grey, CV_8U, 255.0 / (255 - std::clamp(options.faintInk, 0, 254)));
        // Text read already is painted as ground.
        for (const auto& q : options.readRegions) {
            std::vector<cv::Point> poly;
            for (const auto& p : q)
                poly.emplace_back(toSmall(cv::Point2f(p.x, p.y)));
            cv::fillConvexPoly(grey, poly, cv::Scalar(255));
        }
        // The glyph height (pixels of `small`) of the type read here.
        const int glyph = options.panelGlyphPx > 0 ? options.faceGlyphPx : std::max(small.cols, small.rows) / 60;
        // Cut to the ink and a margin round it: the recogniser's layout analysis takes time for every pixel, text or
        // ground (line finding, thresholding, components), and a face taken round a panel is often mostly photo
        // background. On the 43 generated photos of >= 11 MP, the face images kept 29 % of their pixels on average;
        // their reads took 29 % less time, -10 % of all CPU per photo. Cut in the claim's second look too, two claims
        // read there before were lost (the cut moves the recogniser's global threshold): the checker reads that look
        // whole, for -7 to -10 %.
        const cv::Rect ink = options.cutToInk ? detail::inkBounds(grey, kInkMarginGlyphs * glyph) : cv::Rect();
        if (ink.area() > 0 && ink.area() < grey.rows * grey.cols) {
            grey = grey(ink).clone();
            offset += cv::Point2f(float(ink.x), float(ink.y)) / float(scale); // `toSmall` maps to the cut image
        }

        // Level the photo by the panel's rows, at any angle: the panel's corner order (corrected by its read)
        // says which way is up.
        double angle = 0;
        if (options.panel) {
            const auto& q = *options.panel;
            angle = std::atan2(q[1].y - q[0].y, q[1].x - q[0].x) * 180.0 / CV_PI;
        }
        cv::Mat toLevel = (cv::Mat_<double>(2, 3) << 1, 0, 0, 0, 1, 0);
        if (std::abs(angle) > 2)
            grey = turned(grey, angle, toLevel);
        // The rows round the panel may slope otherwise than its own (a pack seen from one side: the type above the
        // panel runs at a steeper angle): levelled by their own slope, measured away from the panel.
        if (options.levelByText) {
            // The panel (grown a tenth round its centre: its rules and edges) is left out of the measure.
            std::vector<cv::Point> panel;
            if (options.panel) {
                std::vector<cv::Point2f> corners;
                for (const auto& p : grownRound(*options.panel, 1.1f))
                    corners.push_back(toSmall(p));
                cv::transform(corners, corners, toLevel);
                for (const auto& c : corners)
                    panel.emplace_back(c);
            }
            const double skew = textSkewDegrees(grey, panel, 4 * glyph);
            if (std::abs(skew) > kTextSkewMinDeg) {
                cv::Mat unused;
                grey = turned(grey, skew, unused);
            }
        }
        // Reversed bands are found on a binarised copy and turned over in the grey image the recogniser reads
        // (it binarises better than a fixed window would at every type size).
        // At the panel's scale, a blob lower than 1.4 panel glyphs (type of the panel's size with a band's margins)
        // must have straight edges: blurred ingredient words ran together (22-29 px at a 22 px glyph) had been
        // turned over, bands round claims were 36 px and more, on 60 generated photos.
        const int window = options.panelGlyphPx > 0 ? 3 * options.faceGlyphPx | 1 : std::max(31, grey.cols / 25) | 1;
        const int tallPx = options.panelGlyphPx > 0 ? int(std::lround(1.4 * options.faceGlyphPx)) : 0;
        detail::invertReversedBands(image::sauvolaMat(grey, image::SauvolaOptions{window, 0.2f, 128.0f}), grey, tallPx);
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Internal, std::string("photo text: OpenCV: ") + e.what());
    }
    RecognizeOptions ro;
    ro.layout = Layout::Sparse;
    ro.deadlineMs = options.deadlineMs;
    ro.tryInverted = true; // what the band finder missed
    ro.groupRows = false;
    return engine.recognize(image::fromMat(grey), ro);
}

} // namespace labelcheck::ocr
