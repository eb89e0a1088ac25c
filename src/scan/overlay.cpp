#include "labelcheck/scan/overlay.hpp"

#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace labelcheck::scan {

namespace {

cv::Scalar bgr(const std::array<int, 3>& c) { return cv::Scalar(c[0], c[1], c[2]); }

cv::Rect toCv(const Rect& r) { return {r.x, r.y, r.width, r.height}; }

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = (c == '_') ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string displayName(Mineral m)
{
    std::string s(mineralName(m));
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

void drawQuad(cv::Mat& img, const Quad& q, const cv::Scalar& color, int thickness)
{
    std::vector<cv::Point> pts;
    for (const auto& p : q)
        pts.emplace_back(p.x, p.y);
    cv::polylines(img, pts, true, color, thickness, cv::LINE_AA);
}

// Text with a dark outline so it reads on any background.
void drawText(cv::Mat& img, const std::string& text, cv::Point origin, double scale, const cv::Scalar& color,
              int thickness)
{
    cv::putText(img, text, origin, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0, 0, 0), thickness + 2,
                cv::LINE_AA);
    cv::putText(img, text, origin, cv::FONT_HERSHEY_SIMPLEX, scale, color, thickness, cv::LINE_AA);
}

// ZXing reports a 1D symbol's position along its scan lines, often a flat quad. Grow a flat quad across the
// bars, on both sides, for as long as the frame still shows bars there (rows along the scan line keep their
// contrast), so the outline covers the symbol.
int greyAt(const cv::Mat& img, double x, double y)
{
    const int xi = static_cast<int>(x), yi = static_cast<int>(y);
    if (xi < 0 || yi < 0 || xi >= img.cols || yi >= img.rows)
        return -1;
    if (img.channels() == 1)
        return img.at<std::uint8_t>(yi, xi);
    const auto& p = img.at<cv::Vec3b>(yi, xi);
    return (p[0] + 2 * p[1] + p[2]) / 4;
}

// Mean absolute difference between neighbouring samples along the segment a->b shifted by `offset`.
double barEnergy(const cv::Mat& img, cv::Point2d a, cv::Point2d b, cv::Point2d offset)
{
    constexpr int kSamples = 96;
    double sum = 0;
    int prev = -1, n = 0;
    for (int i = 0; i <= kSamples; ++i) {
        const double t = static_cast<double>(i) / kSamples;
        const int g = greyAt(img, a.x + (b.x - a.x) * t + offset.x, a.y + (b.y - a.y) * t + offset.y);
        if (g < 0)
            return 0;
        if (prev >= 0) {
            sum += std::abs(g - prev);
            ++n;
        }
        prev = g;
    }
    return n ? sum / n : 0;
}

Quad symbolOutline(const cv::Mat& img, const Quad& q)
{
    std::vector<cv::Point2f> pts;
    for (const auto& p : q)
        pts.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
    const cv::RotatedRect r = cv::minAreaRect(pts);
    const double longSide = std::max(r.size.width, r.size.height);
    const double shortSide = std::min(r.size.width, r.size.height);
    if (longSide <= 8 || shortSide >= 0.3 * longSide)
        return q;
    const double angle = r.angle * CV_PI / 180.0 + (r.size.width >= r.size.height ? 0 : CV_PI / 2);
    const cv::Point2d along(std::cos(angle), std::sin(angle)), across(-along.y, along.x);
    const cv::Point2d c(r.center.x, r.center.y);
    const cv::Point2d a = c - along * (longSide / 2), b = c + along * (longSide / 2);
    const double base = barEnergy(img, a, b, {0, 0});
    const auto extent = [&](double sign) {
        double reach = shortSide / 2;
        const double step = std::max(2.0, longSide / 60);
        for (double d = reach + step; d <= 1.2 * longSide; d += step) {
            if (barEnergy(img, a, b, across * (sign * d)) < 0.4 * base)
                break;
            reach = d;
        }
        return reach;
    };
    const double up = base > 0 ? extent(-1) : 0.3 * longSide, down = base > 0 ? extent(1) : 0.3 * longSide;
    const auto pt = [](cv::Point2d p) { return barcode::Point{static_cast<int>(std::lround(p.x)), static_cast<int>(std::lround(p.y))}; };
    return Quad{pt(a - across * up), pt(b - across * up), pt(b + across * down), pt(a + across * down)};
}

} // namespace

std::array<int, 3> verdictColor(Verdict v)
{
    switch (v) {
    case Verdict::Complete: return {40, 160, 40};
    case Verdict::Incomplete: return {30, 30, 200};
    case Verdict::NotElectrolyte: return {160, 110, 60};
    case Verdict::Unreadable: return {90, 90, 90};
    }
    return {0, 0, 0};
}

OverlayLayout overlayLayout(int frameWidth, int frameHeight)
{
    OverlayLayout l;
    l.scale = std::max(0.4, frameHeight / 720.0);
    const auto px = [&](double v) { return static_cast<int>(std::lround(v * l.scale)); };
    const int rowH = px(40);
    l.infoBox = {px(16), px(16), std::min(frameWidth - px(32), px(420)), px(56) + 4 * rowH + px(12)};
    for (std::size_t i = 0; i < 4; ++i)
        l.swatches[i] = {l.infoBox.x + px(14), l.infoBox.y + px(60) + static_cast<int>(i) * rowH, px(26), px(26)};
    const int bannerH = px(72);
    l.banner = {0, frameHeight - bannerH, frameWidth, bannerH};
    return l;
}

image::Image drawOverlay(const image::Image& frame, const OverlayState& state)
{
    if (frame.empty())
        return {};
    cv::Mat out;
    const cv::Mat src = image::asMat(frame);
    if (src.channels() == 1)
        cv::cvtColor(src, out, cv::COLOR_GRAY2BGR);
    else
        out = src.clone();

    const OverlayLayout l = overlayLayout(out.cols, out.rows);
    const double s = l.scale;
    const int thin = std::max(1, static_cast<int>(std::lround(2 * s)));
    const int thick = std::max(2, static_cast<int>(std::lround(3 * s)));

    if (state.panelOutline)
        drawQuad(out, *state.panelOutline, bgr(OverlayColors::kPanel), thick);
    if (state.barcodeOutline) {
        const Quad q = symbolOutline(src, *state.barcodeOutline);
        drawQuad(out, q, bgr(OverlayColors::kBarcode), thick);
        if (!state.gtin.empty()) {
            int minX = q[0].x, maxY = q[0].y;
            for (const auto& p : q) {
                minX = std::min(minX, p.x);
                maxY = std::max(maxY, p.y);
            }
            drawText(out, state.gtin, {minX, maxY + static_cast<int>(30 * s)}, 0.8 * s,
                     bgr(OverlayColors::kBarcode), thin);
        }
    }

    // Info box: darkened background, product name (or GTIN), one row per mineral.
    const cv::Rect box = toCv(l.infoBox) & cv::Rect(0, 0, out.cols, out.rows);
    if (box.area() > 0) {
        cv::Mat roi = out(box);
        roi.convertTo(roi, -1, 0.35, 0);
    }
    std::string title = !state.productName.empty() ? state.productName
                        : !state.gtin.empty()      ? "GTIN " + state.gtin
                                                   : "Looking for a barcode...";
    const int maxChars = 30;
    if (static_cast<int>(title.size()) > maxChars)
        title = title.substr(0, maxChars - 3) + "...";
    drawText(out, title, {l.infoBox.x + static_cast<int>(14 * s), l.infoBox.y + static_cast<int>(38 * s)}, 0.8 * s,
             cv::Scalar(255, 255, 255), thin);
    for (Mineral m : kMinerals) {
        const auto& d = state.minerals[index(m)];
        const auto color = d.state == MineralState::Present   ? OverlayColors::kPresent
                           : d.state == MineralState::Missing ? OverlayColors::kMissing
                                                              : OverlayColors::kNotRead;
        const Rect& sw = l.swatches[index(m)];
        cv::rectangle(out, toCv(sw), bgr(color), cv::FILLED);
        std::string text = displayName(m);
        if (!d.text.empty())
            text += "  " + d.text;
        else if (d.state == MineralState::Missing)
            text += "  missing";
        else if (d.state == MineralState::NotRead)
            text += "  ...";
        drawText(out, text, {sw.x + sw.width + static_cast<int>(12 * s), sw.y + sw.height - static_cast<int>(3 * s)},
                 0.75 * s, bgr(color), thin);
    }

    if (state.verdict) {
        const cv::Rect banner = toCv(l.banner);
        cv::rectangle(out, banner, bgr(verdictColor(*state.verdict)), cv::FILLED);
        const std::string text = upper(verdictName(*state.verdict));
        int baseline = 0;
        const double ts = 1.4 * s;
        const int tt = std::max(2, static_cast<int>(std::lround(3 * s)));
        const cv::Size size = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, ts, tt, &baseline);
        cv::putText(out, text, {banner.x + (banner.width - size.width) / 2, banner.y + (banner.height + size.height) / 2},
                    cv::FONT_HERSHEY_SIMPLEX, ts, cv::Scalar(255, 255, 255), tt, cv::LINE_AA);
    }

    std::string corner;
    if (state.fps > 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f fps", state.fps);
        corner = buf;
    }
    if (state.frozen)
        corner = corner.empty() ? "FROZEN" : "FROZEN  " + corner;
    if (!corner.empty()) {
        int baseline = 0;
        const cv::Size size = cv::getTextSize(corner, cv::FONT_HERSHEY_SIMPLEX, 0.7 * s, thin, &baseline);
        drawText(out, corner, {out.cols - size.width - static_cast<int>(16 * s), static_cast<int>(16 * s) + size.height},
                 0.7 * s, cv::Scalar(255, 255, 255), thin);
    }
    return image::fromMat(out);
}

} // namespace labelcheck::scan
