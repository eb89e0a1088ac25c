#include "labelcheck/image/line_open_mat.hpp"

#include "byte_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace labelcheck::image {

namespace {

// The positions that the opening sets for a run of set pixels [start, end) of a line `size` long (its edges
// taken for set by the erosion), as [first, last]; first > last when the run is dropped. OpenCV erodes and dilates
// with the same window [x - a, x + b] (a = length / 2, b = length - 1 - a): the eroded positions are those whose
// window lies in the run, the dilation widens them by b before and a after.
std::pair<int, int> keptOf(int start, int end, int size, int length)
{
    const int a = length / 2, b = length - 1 - a;
    const long lo = start == 0 ? 0 : long(start) + a;           // eroded, first
    const long hi = end == size ? size - 1 : long(end) - 1 - b; // eroded, last
    if (lo > hi)
        return {1, 0};
    return {int(std::max(0L, lo - b)), int(std::min(long(size - 1), hi + a))};
}

} // namespace

cv::Mat openWithLine(const cv::Mat& mask, int length, bool horizontal)
{
    CV_Assert(mask.type() == CV_8UC1 && length >= 1);
    cv::Mat out = cv::Mat::zeros(mask.size(), CV_8UC1);
    const int rows = mask.rows, cols = mask.cols;
    if (horizontal) {
        for (int y = 0; y < rows; ++y) {
            const std::uint8_t* p = mask.ptr<std::uint8_t>(y);
            std::uint8_t* d = out.ptr<std::uint8_t>(y);
            for (int x = detail::nextWhere(p, 0, cols, true); x < cols; x = detail::nextWhere(p, x, cols, true)) {
                const int start = x;
                x = detail::nextWhere(p, x, cols, false);
                const auto [first, last] = keptOf(start, x, cols, length);
                if (first <= last)
                    std::fill(d + first, d + last + 1, std::uint8_t(255));
            }
        }
        return out;
    }
    // Down the columns: the rows are read in order, each column's open run remembered (and flagged in `open`, so that
    // eight columns neither set nor in a run are passed over at once).
    std::vector<int> start(std::size_t(cols), -1);
    std::vector<std::uint8_t> open(std::size_t(cols) + 8, 0);
    const auto close = [&](int x, int end) {
        const auto [first, last] = keptOf(start[std::size_t(x)], end, rows, length);
        for (int y = first; y <= last; ++y)
            out.at<std::uint8_t>(y, x) = 255;
        start[std::size_t(x)] = -1;
        open[std::size_t(x)] = 0;
    };
    for (int y = 0; y < rows; ++y) {
        const std::uint8_t* p = mask.ptr<std::uint8_t>(y);
        for (int x = 0; x < cols; ++x) {
            if (x % 8 == 0 && x + 8 <= cols && (detail::eightBytes(p + x) | detail::eightBytes(open.data() + x)) == 0) {
                x += 7;
                continue;
            }
            if (p[x]) {
                if (start[std::size_t(x)] < 0) {
                    start[std::size_t(x)] = y;
                    open[std::size_t(x)] = 1;
                }
            } else if (start[std::size_t(x)] >= 0) {
                close(x, y);
            }
        }
    }
    for (int x = 0; x < cols; ++x)
        if (start[std::size_t(x)] >= 0)
            close(x, rows);
    return out;
}

} // namespace labelcheck::image
