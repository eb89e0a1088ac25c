#include "pool.hpp"

#include <algorithm>
#include <vector>

namespace labelcheck::panel::detail {

cv::Mat pooled(const cv::Mat& grey, int factor, bool dark)
{
    CV_Assert(grey.type() == CV_8UC1 && factor >= 1);
    const cv::Size size(grey.cols / factor, grey.rows / factor);
    CV_Assert(size.area() > 0); // as cv::resize asserts
    cv::Mat out(size, CV_8UC1);
    // The source pixel that OpenCV's INTER_NEAREST resize takes for each output pixel (its resizeNN: the inverse of
    // the scale, floored, clamped to the image).
    const double ifx = 1. / (double(size.width) / grey.cols), ify = 1. / (double(size.height) / grey.rows);
    std::vector<int> xs(std::size_t(size.width));
    for (int x = 0; x < size.width; ++x)
        xs[std::size_t(x)] = std::min(cvFloor(x * ifx), grey.cols - 1);
    const auto pick = [dark](std::uint8_t a, std::uint8_t b) { return dark ? std::min(a, b) : std::max(a, b); };
    std::vector<std::uint8_t> rows(std::size_t(grey.cols)); // per column, the extreme of the block's rows
    for (int y = 0; y < size.height; ++y) {
        const int top = std::min(cvFloor(y * ify), grey.rows - 1), bottom = std::min(top + factor, grey.rows);
        const std::uint8_t* first = grey.ptr<std::uint8_t>(top);
        std::copy(first, first + grey.cols, rows.begin());
        for (int r = top + 1; r < bottom; ++r) {
            const std::uint8_t* p = grey.ptr<std::uint8_t>(r);
            for (int x = 0; x < grey.cols; ++x)
                rows[std::size_t(x)] = pick(rows[std::size_t(x)], p[x]);
        }
        std::uint8_t* d = out.ptr<std::uint8_t>(y);
        for (int x = 0; x < size.width; ++x) {
            const int left = xs[std::size_t(x)], right = std::min(left + factor, grey.cols);
            std::uint8_t v = rows[std::size_t(left)];
            for (int c = left + 1; c < right; ++c)
                v = pick(v, rows[std::size_t(c)]);
            d[x] = v;
        }
    }
    return out;
}

} // namespace labelcheck::panel::detail
