#include "locate.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

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
    for (const auto& c : contours) {
        const double area = cv::contourArea(c);
        if (area < minArea)
            continue;
        cv::Rect bb = cv::boundingRect(c);
        regionMask(bb).setTo(0);
        cv::drawContours(regionMask, std::vector<std::vector<cv::Point>>{c}, 0, 255, cv::FILLED);
        const double mxx = cv::mean(jxx(bb), regionMask(bb))[0];
        const double myy = cv::mean(jyy(bb), regionMask(bb))[0];
        const double mxy = cv::mean(jxy(bb), regionMask(bb))[0];
        const double coh = std::sqrt((mxx - myy) * (mxx - myy) + 4 * mxy * mxy) / (mxx + myy + 1e-6);
        if (coh < 0.4)
            continue;
        Region r;
        r.gradientAngle = 0.5 * std::atan2(2 * mxy, mxx - myy);
        cv::RotatedRect box = cv::minAreaRect(c);
        box.center = cv::Point2f(static_cast<float>(box.center.x / s), static_cast<float>(box.center.y / s));
        box.size = cv::Size2f(static_cast<float>(box.size.width / s), static_cast<float>(box.size.height / s));
        r.box = box;
        r.score = area * coh * coh * std::sqrt(mxx + myy);
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const Region& a, const Region& b) { return a.score > b.score; });
    if (static_cast<int>(out.size()) > maxRegions)
        out.resize(static_cast<std::size_t>(maxRegions));
    return out;
}

} // namespace labelcheck::barcode::detail
