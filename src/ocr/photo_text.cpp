#include "labelcheck/ocr/photo_text.hpp"

#include "reversed_bands.hpp"

#include "labelcheck/core/median.hpp"
#include "labelcheck/image/binarize_mat.hpp"
#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace labelcheck::ocr {

namespace {

// Whether the label around `panel` (photo pixels scaled by `scale`, offset `offset`) is light type on a dark
// ground: the median tone of a ring just outside the panel.
bool darkAround(const cv::Mat& lum, const image::Quad& panel, const cv::Point2f& offset, double scale)
{
    cv::Point2f centre(0, 0);
    for (const auto& p : panel)
        centre += cv::Point2f(p.x, p.y) * 0.25f;
    std::vector<cv::Point> inner, outer;
    for (const auto& p : panel) {
        const cv::Point2f v(p.x, p.y);
        const cv::Point2f grown = centre + (v - centre) * 1.2f;
        inner.emplace_back(cv::Point((v - offset) * scale));
        outer.emplace_back(cv::Point((grown - offset) * scale));
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
        grey = image::inkContrastMat(small, backgroundPx, lightOnDark);
        if (options.faintInk > 0)
            grey.convertTo(grey, CV_8U, 255.0 / (255 - std::clamp(options.faintInk, 0, 254)));
        // Text read already is painted as ground.
        for (const auto& q : options.readRegions) {
            std::vector<cv::Point> poly;
            for (const auto& p : q)
                poly.emplace_back((cv::Point2f(p.x, p.y) - offset) * float(scale));
            cv::fillConvexPoly(grey, poly, cv::Scalar(255));
        }

        // Level the photo by the panel's rows, at any angle: the panel's corner order (corrected by its read)
        // says which way is up.
        double angle = 0;
        if (options.panel) {
            const auto& q = *options.panel;
            angle = std::atan2(q[1].y - q[0].y, q[1].x - q[0].x) * 180.0 / CV_PI;
        }
        if (std::abs(angle) > 2) {
            cv::Point2f c(grey.cols / 2.0f, grey.rows / 2.0f);
            cv::Mat A = cv::getRotationMatrix2D(c, angle, 1.0);
            double ca = std::abs(std::cos(angle * CV_PI / 180)), sa = std::abs(std::sin(angle * CV_PI / 180));
            cv::Size canvas(int(grey.cols * ca + grey.rows * sa + 1), int(grey.cols * sa + grey.rows * ca + 1));
            A.at<double>(0, 2) += canvas.width / 2.0 - c.x;
            A.at<double>(1, 2) += canvas.height / 2.0 - c.y;
            cv::Mat level;
            cv::warpAffine(grey, level, A, canvas, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
            grey = level;
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
