#include "locate.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace labelcheck::barcode::detail {

std::vector<Region> locateBarcodes(const cv::Mat& grey, int maxRegions, int workSide)
{
    CV_Assert(grey.empty() || grey.type() == CV_8UC1);
    std::vector<Region> out;
    if (grey.cols < 16 || grey.rows < 16 || maxRegions <= 0)
        return out;
    const double s = std::min(1.0, static_cast<double>(workSide) / std::max(grey.cols, grey.rows));
    cv::Mat small;
    if (s < 1.0)
        cv::resize(grey, small, cv::Size(), s, s, cv::INTER_AREA);
    else
        small = grey;

    // Structure tensor: in a barcode the gradients are strong and parallel (coherent); in text, texture and
    // photos of objects they point every way.
    cv::Mat gx, gy;
    cv::Sobel(small, gx, CV_32F, 1, 0, 3);
    cv::Sobel(small, gy, CV_32F, 0, 1, 3);
    cv::Mat jxx = gx.mul(gx), jyy = gy.mul(gy), jxy = gx.mul(gy);
    const int side = std::max(small.cols, small.rows);
    const int win = std::max(7, side / 50) | 1;
    cv::boxFilter(jxx, jxx, CV_32F, cv::Size(win, win));
    cv::boxFilter(jyy, jyy, CV_32F, cv::Size(win, win));
    cv::boxFilter(jxy, jxy, CV_32F, cv::Size(win, win));
    cv::Mat diff = jxx - jyy;
    cv::Mat coherentEnergy;
    cv::sqrt(diff.mul(diff) + 4.0f * jxy.mul(jxy), coherentEnergy); // = lambda1 - lambda2
    cv::Mat energy = jxx + jyy;
    cv::Mat score;
    cv::sqrt(coherentEnergy, score); // a gradient magnitude, counting only the coherent part

    double maxScore = 0;
    cv::minMaxLoc(score, nullptr, &maxScore);
    if (maxScore < 20.0) // flat image: no edges anywhere
        return out;
    cv::Mat score8;
    score.convertTo(score8, CV_8U, 255.0 / maxScore);
    cv::Mat mask;
    const double otsu = cv::threshold(score8, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    if (otsu < 40) // Otsu split the noise floor: take a fixed fraction of the peak instead
        cv::threshold(score8, mask, 0.3 * 255, 255, cv::THRESH_BINARY);
    // Coherence cut: text blocks have high energy but low coherence.
    cv::Mat coherence = coherentEnergy / (energy + 1e-3f);
    cv::Mat coherent = coherence > 0.5f;
    mask &= coherent;
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(win, win)));
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(win / 2 | 1, win / 2 | 1)));

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const double minArea = std::max(4.0 * win * win, 0.002 * small.total());
    cv::Mat regionMask(small.size(), CV_8U);
    // The blob's mean tensor: a region when its gradients are coherent as a whole.
    const auto evaluate = [&](const std::vector<cv::Point>& c, double area) -> std::optional<Region> {
        cv::Rect bb = cv::boundingRect(c);
        regionMask(bb).setTo(0);
        cv::drawContours(regionMask, std::vector<std::vector<cv::Point>>{c}, 0, 255, cv::FILLED);
        const double mxx = cv::mean(jxx(bb), regionMask(bb))[0];
        const double myy = cv::mean(jyy(bb), regionMask(bb))[0];
        const double mxy = cv::mean(jxy(bb), regionMask(bb))[0];
        const double coh = std::sqrt((mxx - myy) * (mxx - myy) + 4 * mxy * mxy) / (mxx + myy + 1e-6);
        if (coh < 0.4)
            return std::nullopt;
        Region r;
        r.gradientAngle = 0.5 * std::atan2(2 * mxy, mxx - myy);
        cv::RotatedRect box = cv::minAreaRect(c);
        box.center = cv::Point2f(static_cast<float>(box.center.x / s), static_cast<float>(box.center.y / s));
        box.size = cv::Size2f(static_cast<float>(box.size.width / s), static_cast<float>(box.size.height / s));
        r.box = box;
        r.score = area * coh * coh * std::sqrt(mxx + myy);
        return r;
    };
    cv::Mat direction; // per pixel, the gradient's direction in [0, pi): made when first needed
    for (const auto& c : contours) {
        const double area = cv::contourArea(c);
        if (area < minArea)
            continue;
        if (auto r = evaluate(c, area)) {
            out.push_back(*r);
            continue;
        }
        // A blurred symbol whose mask ran into the label's border and text is one blob of mixed directions:
        // its own pixels are those of the blob's dominant direction; a wider opening cuts the thin border
        // strips off it.
        if (direction.empty()) {
            cv::phase(diff, 2.0f * jxy, direction); // angle of (jxx - jyy, 2 jxy) = twice the direction
            direction *= 0.5;
        }
        const cv::Rect bb = cv::boundingRect(c);
        constexpr int kBins = 18;
        std::array<double, kBins> hist{};
        for (int y = bb.y; y < bb.y + bb.height; ++y)
            for (int x = bb.x; x < bb.x + bb.width; ++x)
                if (regionMask.at<std::uint8_t>(y, x))
                    hist[static_cast<std::size_t>(
                        std::min(kBins - 1, static_cast<int>(direction.at<float>(y, x) / CV_PI * kBins)))] +=
                        coherentEnergy.at<float>(y, x);
        const auto peak = std::max_element(hist.begin(), hist.end()) - hist.begin();
        const double centre = (peak + 0.5) * CV_PI / kBins;
        cv::Mat part(small.size(), CV_8U, cv::Scalar(0));
        for (int y = bb.y; y < bb.y + bb.height; ++y)
            for (int x = bb.x; x < bb.x + bb.width; ++x) {
                double d = std::abs(direction.at<float>(y, x) - centre);
                d = std::min(d, CV_PI - d);
                part.at<std::uint8_t>(y, x) =
                    regionMask.at<std::uint8_t>(y, x) && d < 0.2 && coherence.at<float>(y, x) > 0.6f ? 255 : 0;
            }
        cv::morphologyEx(part, part, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(win, win)));
        std::vector<std::vector<cv::Point>> pieces;
        cv::findContours(part, pieces, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        for (const auto& p : pieces) {
            const double a = cv::contourArea(p);
            if (a >= minArea)
                if (auto r = evaluate(p, a))
                    out.push_back(*r);
        }
    }
    std::sort(out.begin(), out.end(), [](const Region& a, const Region& b) { return a.score > b.score; });
    if (static_cast<int>(out.size()) > maxRegions)
        out.resize(static_cast<std::size_t>(maxRegions));
    return out;
}

std::vector<cv::Rect> rankTiles(const cv::Mat& grey, int tileSide, int maxTiles)
{
    CV_Assert(grey.empty() || grey.type() == CV_8UC1);
    std::vector<cv::Rect> out;
    if (grey.cols <= tileSide || grey.rows <= tileSide || maxTiles <= 0 || tileSide < 16)
        return out;
    // Cells of a quarter tile; the tensor is averaged per cell. Full resolution up to 4000 px: a small
    // barcode's bars are a pixel or two wide and vanish in any downscaled copy.
    const double s = std::min(1.0, 4000.0 / std::max(grey.cols, grey.rows));
    cv::Mat small;
    if (s < 1.0)
        cv::resize(grey, small, cv::Size(), s, s, cv::INTER_AREA);
    else
        small = grey;
    const int cell = std::max(4, static_cast<int>(tileSide * s / 4));
    const int nx = small.cols / cell, ny = small.rows / cell;
    if (nx < 4 || ny < 4)
        return out;
    cv::Mat gx, gy;
    cv::Sobel(small, gx, CV_32F, 1, 0, 3);
    cv::Sobel(small, gy, CV_32F, 0, 1, 3);
    const cv::Rect used(0, 0, nx * cell, ny * cell);
    cv::Mat cxx, cyy, cxy;
    cv::resize(gx(used).mul(gx(used)), cxx, cv::Size(nx, ny), 0, 0, cv::INTER_AREA);
    cv::resize(gy(used).mul(gy(used)), cyy, cv::Size(nx, ny), 0, 0, cv::INTER_AREA);
    cv::resize(gx(used).mul(gy(used)), cxy, cv::Size(nx, ny), 0, 0, cv::INTER_AREA);
    // Coverage: the share of a cell's pixels on an edge. Bars put an edge every few pixels; a rule line or
    // a label's border is one strong, perfectly coherent edge in an otherwise flat cell.
    cv::Mat edge = (gx(used).mul(gx(used)) + gy(used).mul(gy(used))) > 60.0f * 60.0f, coverage;
    cv::resize(edge, coverage, cv::Size(nx, ny), 0, 0, cv::INTER_AREA); // 0..255

    // Score each 4x4-cell window, i.e. each tile position on the cell grid.
    struct Cand {
        int x, y;
        double score;
    };
    std::vector<Cand> cands;
    for (int y = 0; y + 4 <= ny; ++y)
        for (int x = 0; x + 4 <= nx; ++x) {
            // Per cell, not summed over the window first: cells of text add energy in every direction, while
            // a barcode cell is coherent by itself. Take the window's two best cells (a small symbol fills
            // only a couple).
            double best = 0, second = 0;
            for (int j = y; j < y + 4; ++j)
                for (int i = x; i < x + 4; ++i) {
                    const double a = cxx.at<float>(j, i), b = cyy.at<float>(j, i), c = cxy.at<float>(j, i);
                    const double coherent = std::sqrt((a - b) * (a - b) + 4 * c * c);
                    // Coherence (bars all parallel, text strokes every way) times coverage (edges everywhere,
                    // not one line); edge strength beyond the floor does not count, so crisp text cannot
                    // outweigh a soft, low-contrast barcode.
                    const double coh = coherent / (a + b + 1e-6);
                    const double v = coh * coh * coverage.at<std::uint8_t>(j, i) / 255.0;
                    if (v > best)
                        second = best, best = v;
                    else if (v > second)
                        second = v;
                }
            cands.push_back({x, y, best + second});
        }
    std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.score > b.score; });
    std::vector<cv::Rect> chosenCells;
    for (const auto& c : cands) {
        if (static_cast<int>(out.size()) >= maxTiles || c.score <= 0)
            break;
        const cv::Rect cells(c.x, c.y, 4, 4);
        if (std::any_of(chosenCells.begin(), chosenCells.end(),
                        [&](const cv::Rect& r) { return (r & cells).area() > 8; }))
            continue;
        chosenCells.push_back(cells);
        const cv::Rect full(static_cast<int>(c.x * cell / s), static_cast<int>(c.y * cell / s),
                            static_cast<int>(4 * cell / s), static_cast<int>(4 * cell / s));
        out.push_back(full & cv::Rect(0, 0, grey.cols, grey.rows));
    }
    return out;
}

} // namespace labelcheck::barcode::detail
