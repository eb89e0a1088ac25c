#include "photo.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace labelgen {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Ranges {
    double xhLo, xhHi;     // panel x-height in the photo
    double angle;          // max small rotation, degrees
    double perspective;    // corner jitter, fraction of label size
    double curveP, quarterP;
    double blurAbs;        // max defocus sigma in px, independent of the text size
    double blur;           // max additional sigma as a fraction of x-height
    double motionP, motion;
    double noiseLo, noiseHi;
    double glareP, glare;
    double light;          // depth of uneven light
};

Ranges rangesFor(Difficulty d)
{
    switch (d) {
    case Difficulty::Easy: return {14, 32, 3, 0.025, 0.15, 0.0, 0.4, 0.03, 0.0, 0.0, 0.5, 3, 0.15, 0.25, 0.2};
    case Difficulty::Normal: return {9, 36, 8, 0.07, 0.3, 0.06, 0.9, 0.06, 0.15, 0.18, 1, 6, 0.35, 0.45, 0.35};
    case Difficulty::Hard: return {7, 40, 15, 0.12, 0.45, 0.12, 1.6, 0.12, 0.25, 0.3, 2, 10, 0.5, 0.6, 0.5};
    }
    return rangesFor(Difficulty::Normal);
}

cv::Scalar randomColor(Rng& rng, int lo, int hi) { return cv::Scalar(rng.range(lo, hi), rng.range(lo, hi), rng.range(lo, hi)); }

// Table, cloth, shelf: a smooth low-resolution collage, blurred as if out of focus, then a few sharp items.
cv::Mat background(Rng& rng, cv::Size size, cv::RNG& cvRng)
{
    const int f = 8;
    cv::Size small(std::max(8, size.width / f), std::max(8, size.height / f));
    cv::Mat bg(small, CV_8UC3, randomColor(rng, 40, 220));
    // gradient
    cv::Mat grad(small, CV_8UC3);
    cv::Scalar c2 = randomColor(rng, 30, 230);
    for (int y = 0; y < small.height; ++y) {
        double t = static_cast<double>(y) / small.height;
        grad.row(y).setTo(bg.at<cv::Vec3b>(0, 0) * (1 - t) + cv::Vec3b(cv::Vec<double, 3>(c2[0], c2[1], c2[2])) * t);
    }
    bg = grad;
    int shapes = rng.range(3, 14);
    for (int i = 0; i < shapes; ++i) {
        cv::Point c(rng.range(0, small.width), rng.range(0, small.height));
        int r = rng.range(small.width / 20 + 1, small.width / 3 + 2);
        cv::Scalar col = randomColor(rng, 10, 250);
        switch (rng.range(0, 2)) {
        case 0: cv::circle(bg, c, r, col, cv::FILLED, cv::LINE_AA); break;
        case 1: cv::rectangle(bg, cv::Rect(c.x - r, c.y - r / 2, 2 * r, r), col, cv::FILLED); break;
        default: cv::line(bg, c, {c.x + rng.range(-r * 3, r * 3), c.y + rng.range(-r * 3, r * 3)}, col, std::max(1, r / 4), cv::LINE_AA);
        }
    }
    // wood-grain-like stripes sometimes
    if (rng.chance(0.3))
        for (int y = 0; y < small.height; ++y)
            bg.row(y) *= 1.0 - 0.05 * rng.uniform();
    cv::GaussianBlur(bg, bg, cv::Size(0, 0), rng.uniform(0.5, 2.5));
    cv::Mat out;
    cv::resize(bg, out, size, 0, 0, cv::INTER_LINEAR);
    // fine texture
    cv::Mat tex(size, CV_16SC3);
    cvRng.fill(tex, cv::RNG::NORMAL, 0, rng.uniform(1, 6));
    cv::Mat o16;
    out.convertTo(o16, CV_16SC3);
    o16 += tex;
    o16.convertTo(out, CV_8UC3);
    return out;
}

// Forward map of the cylinder warp for a point of the flat (scaled) label.
cv::Point2f cylinderForward(cv::Point2f p, double w, double h, double R, double k, double outW)
{
    double a = (p.x - w / 2) / R;
    double x = outW / 2 + R * std::sin(a);
    double y = h / 2 + (p.y - h / 2) * (1 - k * (1 - std::cos(a)));
    return {static_cast<float>(x), static_cast<float>(y)};
}

// Wraps the label around a vertical cylinder: horizontal compression towards the edges, slightly
// curved top and bottom, and shading that darkens the sides.
cv::Mat cylinder(const cv::Mat& flat, double arcDeg, double k, double& R, double& outW)
{
    const double w = flat.cols, h = flat.rows;
    const double half = arcDeg * kPi / 360.0;
    R = w / (2 * half);
    outW = 2 * R * std::sin(half);
    const int W = static_cast<int>(std::ceil(outW));
    cv::Mat mapX(flat.rows, W, CV_32F), mapY(flat.rows, W, CV_32F), shade(flat.rows, W, CV_32F);
    for (int x = 0; x < W; ++x) {
        double s = std::clamp((x - outW / 2) / R, -1.0, 1.0);
        double a = std::asin(s);
        double srcX = a * R + w / 2;
        double squeeze = 1 - k * (1 - std::cos(a));
        for (int y = 0; y < flat.rows; ++y) {
            mapX.at<float>(y, x) = static_cast<float>(srcX);
            mapY.at<float>(y, x) = static_cast<float>(h / 2 + (y - h / 2) / squeeze);
        }
    }
    cv::Mat out;
    cv::remap(flat, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
    (void)shade;
    return out;
}

cv::Mat cylinderMask(cv::Size flat, double R, double k, double outW)
{
    cv::Mat ones(flat, CV_8UC1, cv::Scalar(255));
    const double w = flat.width, h = flat.height;
    const int W = static_cast<int>(std::ceil(outW));
    cv::Mat mapX(flat.height, W, CV_32F), mapY(flat.height, W, CV_32F);
    for (int x = 0; x < W; ++x) {
        double a = std::asin(std::clamp((x - outW / 2) / R, -1.0, 1.0));
        for (int y = 0; y < flat.height; ++y) {
            mapX.at<float>(y, x) = static_cast<float>(a * R + w / 2);
            mapY.at<float>(y, x) = static_cast<float>(h / 2 + (y - h / 2) / (1 - k * (1 - std::cos(a))));
        }
    }
    cv::Mat out;
    cv::remap(ones, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
    return out;
}

} // namespace

Photo makePhoto(const RenderedLabel& label, Rng& rng, const PhotoOptions& opt)
{
    const Ranges rg = rangesFor(opt.difficulty);
    Photo ph;
    cv::RNG cvRng(rng.next());

    // Canvas size: long side in [min, max], or exactly 12 MP 4000x3000 now and then.
    cv::Size size;
    const bool portrait = rng.chance(0.5);
    if (opt.maxSize >= 4000 && opt.minSize <= 4000 && rng.chance(0.15)) {
        size = {4000, 3000};
    } else {
        int L = rng.range(opt.minSize, opt.maxSize);
        double aspect = rng.pick(std::vector<double>{4.0 / 3.0, 4.0 / 3.0, 16.0 / 9.0, 1.0, 3.0 / 2.0});
        size = {L, static_cast<int>(std::lround(L / aspect))};
    }
    if (portrait)
        std::swap(size.width, size.height);

    // Scale so that the panel x-height lands on a drawn target, unless the label would not fit; then,
    // usually, a larger photo (up to --max-size) is taken instead, as a phone's would be.
    ph.angleDeg = rng.uniform(-rg.angle, rg.angle);
    const double xhTarget = std::exp(rng.uniform(std::log(rg.xhLo), std::log(rg.xhHi)));
    double scale = xhTarget / label.xHeight;
    const double th = std::abs(ph.angleDeg) * kPi / 180;
    const double lw = label.image.cols, lh = label.image.rows;
    const double bw = lw * std::cos(th) + lh * std::sin(th), bh = lw * std::sin(th) + lh * std::cos(th);
    const double fill = rng.uniform(0.78, 0.95);
    auto fitScale = [&] { return fill * std::min(size.width / bw, size.height / bh) / (1 + 2 * rg.perspective); };
    const double floorXh = opt.difficulty == Difficulty::Easy ? 12 : opt.difficulty == Difficulty::Normal ? 7 : 5.5;
    const bool grow = rng.chance(0.6) || opt.difficulty == Difficulty::Easy || label.xHeight * fitScale() < floorXh;
    if (grow && fitScale() < scale && std::max(size.width, size.height) < opt.maxSize) {
        double f = std::min(scale / fitScale(), static_cast<double>(opt.maxSize) / std::max(size.width, size.height));
        size = {static_cast<int>(size.width * f), static_cast<int>(size.height * f)};
    }
    scale = std::min(scale, fitScale());

    cv::Mat scaled;
    cv::resize(label.image, scaled, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    cv::Mat mask(scaled.size(), CV_8UC1, cv::Scalar(255));
    const double sx = static_cast<double>(scaled.cols) / lw, sy = static_cast<double>(scaled.rows) / lh;
    auto rectCorners = [&](cv::Rect r) {
        return std::array<cv::Point2f, 4>{cv::Point2f(r.x * sx, r.y * sy), cv::Point2f((r.x + r.width) * sx, r.y * sy),
                                          cv::Point2f((r.x + r.width) * sx, (r.y + r.height) * sy),
                                          cv::Point2f(r.x * sx, (r.y + r.height) * sy)};
    };
    auto panelPts = rectCorners(label.panel);
    auto codePts = rectCorners(label.barcode);

    if (rng.chance(rg.curveP)) {
        ph.curvature = rng.uniform(40, 100);
        double k = rng.uniform(0.0, 0.06);
        double R = 0, outW = 0;
        cv::Mat curved = cylinder(scaled, ph.curvature, k, R, outW);
        mask = cylinderMask(scaled.size(), R, k, outW);
        // Side shading of a round bottle.
        cv::Mat shade(1, curved.cols, CV_8UC3);
        double depth = rng.uniform(0.1, 0.35);
        for (int x = 0; x < curved.cols; ++x) {
            double a = std::asin(std::clamp((x - outW / 2) / R, -1.0, 1.0));
            int v = static_cast<int>(128 * (1 - depth * (1 - std::cos(a)) * 2.2));
            shade.at<cv::Vec3b>(0, x) = cv::Vec3b(v, v, v);
        }
        cv::Mat shadeFull;
        cv::repeat(shade, curved.rows, 1, shadeFull);
        cv::multiply(curved, shadeFull, curved, 1.0 / 128);
        for (auto* pts : {&panelPts, &codePts})
            for (auto& p : *pts)
                p = cylinderForward(p, scaled.cols, scaled.rows, R, k, outW);
        scaled = curved;
    }

    // Destination quad: rotate about the centre, jitter the corners for perspective, place.
    const double w = scaled.cols, h = scaled.rows;
    std::array<cv::Point2f, 4> src = {cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h), cv::Point2f(0, h)};
    std::array<cv::Point2f, 4> dst;
    const double c = std::cos(ph.angleDeg * kPi / 180), s = std::sin(ph.angleDeg * kPi / 180);
    const double jit = rg.perspective * std::max(w, h);
    for (int i = 0; i < 4; ++i) {
        double x = src[i].x - w / 2, y = src[i].y - h / 2;
        dst[i] = cv::Point2f(static_cast<float>(x * c - y * s + rng.uniform(-jit, jit)), static_cast<float>(x * s + y * c + rng.uniform(-jit, jit)));
    }
    float minX = 1e9f, maxX = -1e9f, minY = 1e9f, maxY = -1e9f;
    for (auto& p : dst) {
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    double shrink = std::min({1.0, 0.97 * size.width / (maxX - minX), 0.97 * size.height / (maxY - minY)});
    double freeX = size.width - (maxX - minX) * shrink, freeY = size.height - (maxY - minY) * shrink;
    double ox = rng.uniform(0.1, 0.9) * freeX - minX * shrink, oy = rng.uniform(0.1, 0.9) * freeY - minY * shrink;
    for (auto& p : dst)
        p = cv::Point2f(static_cast<float>(p.x * shrink + ox), static_cast<float>(p.y * shrink + oy));
    cv::Mat H = cv::getPerspectiveTransform(src.data(), dst.data());

    cv::Mat photo = background(rng, size, cvRng);
    // Soft shadow under the pack.
    {
        std::vector<cv::Point> poly;
        double dx = rng.uniform(-0.02, 0.02) * size.width, dy = rng.uniform(0.0, 0.03) * size.height;
        for (auto& p : dst)
            poly.emplace_back(static_cast<int>(p.x + dx), static_cast<int>(p.y + dy));
        cv::Mat sh(size, CV_8UC1, cv::Scalar(0));
        cv::fillConvexPoly(sh, poly, cv::Scalar(255), cv::LINE_AA);
        cv::Mat shSmall;
        cv::resize(sh, shSmall, cv::Size(), 0.125, 0.125, cv::INTER_AREA);
        cv::GaussianBlur(shSmall, shSmall, cv::Size(0, 0), 3);
        cv::resize(shSmall, sh, size, 0, 0, cv::INTER_LINEAR);
        cv::Mat inv;
        cv::subtract(cv::Scalar(255), sh * rng.uniform(0.3, 0.6), inv);
        cv::Mat inv3;
        cv::cvtColor(inv, inv3, cv::COLOR_GRAY2BGR);
        cv::multiply(photo, inv3, photo, 1.0 / 255);
    }
    cv::Mat warped, warpedMask;
    cv::warpPerspective(scaled, warped, H, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    cv::warpPerspective(mask, warpedMask, H, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    warped.copyTo(photo, warpedMask > 127);

    auto transform = [&](std::array<cv::Point2f, 4>& pts) {
        std::vector<cv::Point2f> in(pts.begin(), pts.end()), out;
        cv::perspectiveTransform(in, out, H);
        for (int i = 0; i < 4; ++i)
            pts[i] = out[i];
    };
    transform(panelPts);
    transform(codePts);
    ph.xHeight = label.xHeight * scale * shrink;

    // Uneven light: gradient and vignette, at low resolution, applied as an 8-bit gain (128 = 1.0).
    {
        cv::Size small(64, 64);
        cv::Mat gain(small, CV_32F);
        double gx = rng.uniform(-rg.light, rg.light), gy = rng.uniform(-rg.light, rg.light);
        double vig = rng.uniform(0, rg.light);
        double base = rng.uniform(0.85, 1.12);
        for (int y = 0; y < small.height; ++y)
            for (int x = 0; x < small.width; ++x) {
                double u = x / 63.0 - 0.5, v = y / 63.0 - 0.5;
                gain.at<float>(y, x) = static_cast<float>(base * (1 + gx * u + gy * v) * (1 - vig * (u * u + v * v) * 1.6));
            }
        cv::Mat g8;
        gain.convertTo(g8, CV_8U, 128);
        cv::Mat gFull;
        cv::resize(g8, gFull, size, 0, 0, cv::INTER_LINEAR);
        cv::cvtColor(gFull, gFull, cv::COLOR_GRAY2BGR);
        cv::multiply(photo, gFull, photo, 1.0 / 128);
    }
    // Glare: a soft white spot, additive towards white.
    if (rng.chance(rg.glareP)) {
        ph.glare = rng.uniform(0.2, rg.glare);
        cv::Mat g(size.height / 8 + 1, size.width / 8 + 1, CV_8UC1, cv::Scalar(0));
        cv::Point2f centre = rng.chance(0.6) ? panelPts[rng.range(0, 3)] * 0.5f + (panelPts[0] + panelPts[2]) * 0.25f
                                             : cv::Point2f(static_cast<float>(rng.uniform(0, size.width)), static_cast<float>(rng.uniform(0, size.height)));
        double r = rng.uniform(0.03, 0.12) * std::max(size.width, size.height) / 8;
        cv::ellipse(g, cv::Point(static_cast<int>(centre.x / 8), static_cast<int>(centre.y / 8)),
                    cv::Size(static_cast<int>(r * rng.uniform(1, 2.5)), static_cast<int>(r)), rng.uniform(0, 180), 0, 360,
                    cv::Scalar(255 * ph.glare), cv::FILLED, cv::LINE_AA);
        cv::GaussianBlur(g, g, cv::Size(0, 0), r * 0.6 + 1);
        cv::Mat gFull;
        cv::resize(g, gFull, size, 0, 0, cv::INTER_LINEAR);
        cv::cvtColor(gFull, gFull, cv::COLOR_GRAY2BGR);
        cv::Mat inv = cv::Scalar(255, 255, 255) - photo;
        cv::Mat add;
        cv::multiply(inv, gFull, add, 1.0 / 255);
        photo += add;
    }
    // Focus and motion blur, relative to the text size.
    ph.blurSigma = 0.3 + rng.uniform(0, rg.blurAbs) + ph.xHeight * rng.uniform(0, rg.blur);
    cv::GaussianBlur(photo, photo, cv::Size(0, 0), ph.blurSigma);
    if (rng.chance(rg.motionP)) {
        ph.motionBlur = std::max(2.0, ph.xHeight * rng.uniform(0.05, rg.motion));
        int k = static_cast<int>(std::ceil(ph.motionBlur)) | 1;
        cv::Mat kernel(k, k, CV_32F, cv::Scalar(0));
        double a = rng.uniform(0, kPi);
        cv::line(kernel, {k / 2 - static_cast<int>(std::cos(a) * k / 2), k / 2 - static_cast<int>(std::sin(a) * k / 2)},
                 {k / 2 + static_cast<int>(std::cos(a) * k / 2), k / 2 + static_cast<int>(std::sin(a) * k / 2)}, cv::Scalar(1), 1, cv::LINE_AA);
        kernel /= cv::sum(kernel)[0];
        cv::filter2D(photo, photo, -1, kernel);
    }
    // Sensor noise.
    ph.noiseSigma = rng.uniform(rg.noiseLo, rg.noiseHi);
    if (ph.noiseSigma > 0.3) {
        cv::Mat n(size, CV_16SC3);
        cvRng.fill(n, cv::RNG::NORMAL, 0, ph.noiseSigma);
        cv::Mat p16;
        photo.convertTo(p16, CV_16SC3);
        p16 += n;
        p16.convertTo(photo, CV_8UC3);
    }
    // Now and then the phone held sideways or upside down.
    if (rng.chance(rg.quarterP))
        ph.quarterTurns = rng.range(1, 3);
    auto turn = [&](cv::Point2f p, int turns, cv::Size sz) {
        for (int t = 0; t < turns; ++t) { // 90 degrees clockwise
            p = cv::Point2f(static_cast<float>(sz.height) - p.y, p.x);
            std::swap(sz.width, sz.height);
        }
        return p;
    };
    for (auto* pts : {&panelPts, &codePts})
        for (auto& p : *pts)
            p = turn(p, ph.quarterTurns, size);
    if (ph.quarterTurns == 1)
        cv::rotate(photo, photo, cv::ROTATE_90_CLOCKWISE);
    else if (ph.quarterTurns == 2)
        cv::rotate(photo, photo, cv::ROTATE_180);
    else if (ph.quarterTurns == 3)
        cv::rotate(photo, photo, cv::ROTATE_90_COUNTERCLOCKWISE);
    ph.panelQuad = panelPts;
    ph.barcodeQuad = codePts;
    ph.image = photo;
    return ph;
}

} // namespace labelgen
