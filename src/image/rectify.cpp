#include "labelcheck/image/rectify.hpp"

#include "labelcheck/core/median.hpp"
#include "labelcheck/image/binarize_mat.hpp"
#include "labelcheck/image/line_open_mat.hpp"
#include "labelcheck/image/opencv.hpp"
#include "labelcheck/image/run_components.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace labelcheck::image {

namespace {

double dist(PointF a, PointF b)
{
    return std::hypot(double(a.x - b.x), double(a.y - b.y));
}

// Median height of letter-like connected components of a binary image (ink 0). 0 when fewer than 8.
float glyphHeight(const cv::Mat& bin)
{
    cv::Mat ink = bin == 0;
    std::vector<float> heights;
    const int maxH = std::max(8, bin.rows / 4);
    for (const RunComponent& c : runComponents(ink)) {
        const int w = c.width(), h = c.height();
        if (h < 4 || h > maxH || w > 2 * h || w * 4 < h || c.area * 8 < w * h)
            continue;
        heights.push_back(static_cast<float>(h));
    }
    if (heights.size() < 8)
        return 0;
    return medianOf(heights);
}

struct Bend {
    float skew = 0;       // b: vertical offset at the right edge, coarse pixels (minus at left)
    float a0 = 0, a1 = 0; // a(y) = a0 + a1 * y: sag at the edges relative to the centre, coarse pixels
    bool any = false;
};

// Fits y = a n^2 + b n + c (n = -1 at the left edge, +1 at the right) to each long horizontal rule.
Bend measureBend(const cv::Mat& bin)
{
    Bend bend;
    cv::Mat ink = bin == 0;
    const int W = bin.cols;
    cv::Mat thick;
    cv::dilate(ink, thick, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(1, 3)));
    const cv::Mat lines = openWithLine(thick, std::max(15, W / 20), true);
    struct Fit {
        double y, a, b, w;
    };
    std::vector<Fit> fits;
    std::vector<double> sums;
    std::vector<int> counts;
    for (const RunComponent& c : runComponents(lines)) {
        const int x0 = c.left, w = c.width(), h = c.height();
        if (w < W / 2 || h > w / 6)
            continue;
        // Each column's pixels, summed top to bottom.
        sums.assign(std::size_t(w), 0.0);
        counts.assign(std::size_t(w), 0);
        for (const PixelRun& r : c.runs)
            for (int x = r.x0; x < r.x1; ++x) {
                sums[std::size_t(x - x0)] += r.y;
                ++counts[std::size_t(x - x0)];
            }
        // Least squares on column centres: normal equations for [n^2, n, 1].
        double S[3][3] = {}, R[3] = {};
        int cols = 0;
        for (int x = x0; x < x0 + w; x += 2) {
            const double sy = sums[std::size_t(x - x0)];
            const int cnt = counts[std::size_t(x - x0)];
            if (!cnt)
                continue;
            double nn = (x - W / 2.0) / (W / 2.0), yy = sy / cnt;
            double v[3] = {nn * nn, nn, 1};
            for (int r = 0; r < 3; ++r) {
                R[r] += v[r] * yy;
                for (int c = 0; c < 3; ++c)
                    S[r][c] += v[r] * v[c];
            }
            ++cols;
        }
        if (cols < 10)
            continue;
        cv::Mat A(3, 3, CV_64F, S), B(3, 1, CV_64F, R), X;
        if (!cv::solve(A, B, X, cv::DECOMP_SVD))
            continue;
        fits.push_back({X.at<double>(2), X.at<double>(0), X.at<double>(1), double(w)});
    }
    if (fits.empty())
        return bend;
    std::vector<float> bs;
    for (auto& f : fits)
        bs.push_back(static_cast<float>(f.b));
    bend.skew = medianOf(bs);
    if (fits.size() == 1) {
        bend.a0 = static_cast<float>(fits[0].a);
    } else {
        double sw = 0, sy = 0, sa = 0, syy = 0, sya = 0;
        for (auto& f : fits) {
            sw += f.w;
            sy += f.w * f.y;
            sa += f.w * f.a;
            syy += f.w * f.y * f.y;
            sya += f.w * f.y * f.a;
        }
        double det = sw * syy - sy * sy;
        if (std::abs(det) < 1e-6 * sw * sw * std::max(1.0, double(bin.rows))) {
            bend.a0 = static_cast<float>(sa / sw);
        } else {
            bend.a1 = static_cast<float>((sw * sya - sy * sa) / det);
            bend.a0 = static_cast<float>((sa - bend.a1 * sy) / sw);
        }
    }
    bend.any = true;
    return bend;
}

cv::Mat toGrey(const cv::Mat& m)
{
    if (m.channels() == 1)
        return m;
    cv::Mat g;
    cv::cvtColor(m, g, cv::COLOR_BGR2GRAY);
    return g;
}

// The ink of a binary image (ink 0) that belongs to long horizontal and vertical strokes (rules, borders),
// taken with a pixel around them: 255 there, 0 elsewhere.
cv::Mat ruleInk(const cv::Mat& bin, int hLen, int vLen)
{
    cv::Mat ink = bin == 0;
    // Run by run (openWithLine): OpenCV's opening takes time in proportion to the line's length, 110-300 px here.
    cv::Mat mask = openWithLine(ink, hLen, true) | openWithLine(ink, vLen, false);
    cv::dilate(mask, mask, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    return mask & ink;
}

} // namespace

Expected<RectifiedPanel> rectifyPanel(const Image& photo, const Quad& quad, const RectifyOptions& options)
{
    if (photo.empty() || (photo.channels != 1 && photo.channels != 3))
        return makeError(ErrorCode::InvalidArgument, "rectify: empty photo or unsupported channel count");
    std::vector<cv::Point2f> q;
    for (const auto& p : quad) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            return makeError(ErrorCode::InvalidArgument, "rectify: corner is not a finite number");
        q.emplace_back(p.x, p.y);
    }
    if (!cv::isContourConvex(q) || cv::contourArea(q) < 400)
        return makeError(ErrorCode::InvalidArgument, "rectify: quad is degenerate or not convex");
    cv::Rect2f bounds = cv::boundingRect(q);
    cv::Rect2f inside = bounds & cv::Rect2f(0, 0, float(photo.width), float(photo.height));
    if (inside.area() < 0.5f * bounds.area())
        return makeError(ErrorCode::InvalidArgument, "rectify: quad lies mostly outside the photo");

    const double W = (dist(quad[0], quad[1]) + dist(quad[3], quad[2])) / 2;
    const double H = (dist(quad[0], quad[3]) + dist(quad[1], quad[2])) / 2;
    // Panel coordinates (photo-pixel scale, upright) -> photo.
    std::vector<cv::Point2f> rect{{0, 0}, {float(W), 0}, {float(W), float(H)}, {0, float(H)}};
    cv::Mat P = cv::getPerspectiveTransform(rect, q); // CV_64F 3x3
    const cv::Mat src = asMat(photo);

    try {
        // Coarse pass: measure glyph size, polarity, skew and bend on a small warp.
        double c = std::min(1.0, 900.0 / W);
        auto warpAt = [&](double scale, cv::Size size) {
            cv::Mat S = (cv::Mat_<double>(3, 3) << 1 / scale, 0, 0, 0, 1 / scale, 0, 0, 0, 1);
            cv::Mat out;
            cv::warpPerspective(src, out, P * S, size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
            return toGrey(out);
        };
        cv::Size coarseSize(std::max(8, int(std::lround(W * c))), std::max(8, int(std::lround(H * c))));
        cv::Mat coarse = warpAt(c, coarseSize);

        cv::Mat otsuMask;
        double otsu = cv::threshold(coarse, otsuMask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        double darkFrac = cv::countNonZero(coarse <= otsu) / double(coarse.total());
        const bool inverted = options.inverted ? *options.inverted : darkFrac > 0.5;
        if (inverted)
            cv::bitwise_not(coarse, coarse);

        auto coarseBin = [&](const cv::Mat& g) {
            return sauvolaMat(g, SauvolaOptions{std::max(15, g.cols / 16) | 1, 0.25f, 128.0f});
        };
        cv::Mat cbin = coarseBin(coarse);
        float gh = glyphHeight(cbin);
        if (gh > 0 && gh < 7 && c < 1.0) {
            // Text too small to measure well at this scale: look again closer.
            c = std::min(1.0, c * 10.0 / gh);
            coarseSize = cv::Size(std::max(8, int(std::lround(W * c))), std::max(8, int(std::lround(H * c))));
            coarse = warpAt(c, coarseSize);
            if (inverted)
                cv::bitwise_not(coarse, coarse);
            cbin = coarseBin(coarse);
            gh = glyphHeight(cbin);
        }
        if (gh <= 0)
            gh = static_cast<float>(coarse.cols / 45.0); // a typical panel is ~40-50 glyph heights wide

        double s = options.scale > 0 ? options.scale : c * options.targetGlyphHeightPx / gh;
        const double maxPx = std::max(10000, options.maxOutputPixels);
        if (W * s * H * s > maxPx)
            s = std::sqrt(maxPx / (W * H));
        cv::Size outSize(std::max(8, int(std::lround(W * s))), std::max(8, int(std::lround(H * s))));

        Bend bend = (options.deskew || options.dewarp) ? measureBend(cbin) : Bend{};
        const float skew = options.deskew && std::abs(bend.skew) > 0.3f ? bend.skew : 0.0f;
        float maxSag = 0;
        if (options.dewarp && bend.any)
            maxSag = std::max(std::abs(bend.a0), std::abs(bend.a0 + bend.a1 * coarse.rows));
        const bool doBend = maxSag > 0.5f;

        RectifiedPanel out;
        out.inverted = inverted;
        out.scale = s;
        out.skewDegrees = static_cast<float>(std::atan2(skew, coarse.cols / 2.0) * 180.0 / CV_PI);
        out.bendPx = doBend ? static_cast<float>(maxSag * s / c) : 0.0f;

        cv::Mat grey;
        if (!skew && !doBend) {
            grey = warpAt(s, outSize);
        } else {
            // Per pixel: output -> coarse -> straightened coarse -> panel -> photo.
            cv::Mat mapX(outSize, CV_32F), mapY(outSize, CV_32F);
            const double* h = P.ptr<double>();
            const double k = c / s, half = coarse.cols / 2.0;
            const float a0 = doBend ? bend.a0 : 0, a1 = doBend ? bend.a1 : 0;
            for (int Y = 0; Y < outSize.height; ++Y) {
                float* mx = mapX.ptr<float>(Y);
                float* my = mapY.ptr<float>(Y);
                const double yc = Y * k, a = a0 + a1 * yc;
                for (int X = 0; X < outSize.width; ++X) {
                    double xc = X * k, n = (xc - half) / half;
                    double ycs = yc + a * n * n + skew * n;
                    double u = xc / c, v = ycs / c;
                    double wz = h[6] * u + h[7] * v + h[8];
                    mx[X] = static_cast<float>((h[0] * u + h[1] * v + h[2]) / wz);
                    my[X] = static_cast<float>((h[3] * u + h[4] * v + h[5]) / wz);
                }
            }
            cv::Mat warped;
            cv::remap(src, warped, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
            grey = toGrey(warped);
        }
        if (inverted)
            cv::bitwise_not(grey, grey);

        cv::Mat result = grey;
        const int target = std::max(4, int(std::lround(options.targetGlyphHeightPx)));
        const SauvolaOptions sauvola{(target * 3) | 1, 0.25f, 128.0f};
        cv::Mat bin = sauvolaMat(grey, sauvola);
        out.glyphHeightPx = glyphHeight(bin);
        cv::Mat ruleMask;
        if (options.removeRules && options.output != RectifiedOutput::Grey) {
            ruleMask = ruleInk(bin, std::max(target * 5, outSize.width / 6), target * 4);
            bin.setTo(255, ruleMask);
        }
        if (options.output == RectifiedOutput::Binary) {
            result = bin;
        } else if (options.output == RectifiedOutput::Ink) {
            result = inkContrastMat(grey, target * 4);
            if (!ruleMask.empty()) {
                // A rule's blurred edges lie outside its binarised pixels.
                cv::dilate(ruleMask, ruleMask, cv::Mat(), cv::Point(-1, -1), std::max(2, target / 5));
                result.setTo(255, ruleMask);
            }
        }
        if (options.paddingPx > 0)
            cv::copyMakeBorder(
                result, result, options.paddingPx, options.paddingPx, options.paddingPx, options.paddingPx,
                options.output == RectifiedOutput::Grey ? cv::BORDER_REPLICATE : cv::BORDER_CONSTANT, cv::Scalar(255));
        cv::Mat S = (cv::Mat_<double>(3, 3) << 1 / s, 0, 0, 0, 1 / s, 0, 0, 0, 1);
        cv::Mat M = P * S;
        M /= M.at<double>(2, 2);
        for (int i = 0; i < 9; ++i)
            out.outputToPhoto[i] = M.at<double>(i / 3, i % 3);
        out.paddingPx = std::max(0, options.paddingPx);
        out.image = fromMat(result);
        return out;
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Internal, std::string("rectify: OpenCV: ") + e.what());
    }
}

PointF toPhoto(const RectifiedPanel& panel, PointF p)
{
    const auto& H = panel.outputToPhoto;
    const float x = p.x - float(panel.paddingPx), y = p.y - float(panel.paddingPx);
    const double z = H[6] * x + H[7] * y + H[8];
    return PointF{float((H[0] * x + H[1] * y + H[2]) / z), float((H[3] * x + H[4] * y + H[5]) / z)};
}

float unmappedShiftPx(const RectifiedPanel& panel)
{
    const float width = float(panel.image.width - 2 * panel.paddingPx);
    return panel.bendPx + std::abs(std::tan(panel.skewDegrees * float(CV_PI) / 180.0f)) * width / 2;
}

} // namespace labelcheck::image
