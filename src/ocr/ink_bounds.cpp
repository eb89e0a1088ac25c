#include "ink_bounds.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace labelcheck::ocr::detail {

namespace {

constexpr int kInkBelow = 128; // grey level: darker is ink
constexpr int kCell = 4;       // pixels each way
constexpr int kInkShare = 64;  // of 255: a quarter of a cell's pixels

} // namespace

cv::Rect inkBounds(const cv::Mat& grey, int marginPx)
{
    CV_Assert(grey.type() == CV_8UC1);
    if (grey.empty())
        return {};
    const cv::Mat ink = grey < kInkBelow;
    cv::Mat cells;
    cv::resize(ink, cells, cv::Size(std::max(1, grey.cols / kCell), std::max(1, grey.rows / kCell)), 0, 0,
               cv::INTER_AREA);
    const cv::Rect box = cv::boundingRect(cells >= kInkShare);
    if (box.area() == 0)
        return {};
    const int m = std::max(0, marginPx);
    const cv::Rect grown(box.x * kCell - m, box.y * kCell - m, box.width * kCell + 2 * m, box.height * kCell + 2 * m);
    return grown & cv::Rect(0, 0, grey.cols, grey.rows);
}

} // namespace labelcheck::ocr::detail
