#include "labelcheck/image/text_direction.hpp"

#include "labelcheck/image/opencv.hpp"
#include "labelcheck/image/run_components.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace labelcheck::image {

TextDirection measureTextDirection(const Image& img)
{
    TextDirection out;
    if (img.empty() || (img.channels != 1 && img.channels != 3))
        return out;
    const cv::Mat src = asMat(img);
    cv::Mat grey;
    if (src.channels() == 3)
        cv::cvtColor(src, grey, cv::COLOR_BGR2GRAY);
    else
        grey = src;
    cv::Mat ink;
    cv::adaptiveThreshold(grey, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 31, 15);
    const std::vector<RunComponent> components = runComponents(ink);

    // The marks' median size, whichever way they stand (a glyph's height is its width on its side).
    constexpr int kMinSize = 6, kMaxSize = 200;
    std::vector<int> sizes;
    for (const RunComponent& c : components) {
        const int longer = std::max(c.width(), c.height()), shorter = std::min(c.width(), c.height());
        if (longer >= kMinSize && longer <= kMaxSize && shorter >= 2)
            sizes.push_back(longer);
    }
    if (sizes.size() < 20)
        return out;
    const auto middle = sizes.begin() + std::ptrdiff_t(sizes.size() / 2);
    std::nth_element(sizes.begin(), middle, sizes.end());
    const int glyph = *middle;
    const int bin = std::max(2, glyph / 3);

    std::vector<int> alongX(std::size_t(grey.cols / bin + 1)), alongY(std::size_t(grey.rows / bin + 1));
    for (const RunComponent& c : components) {
        const int longer = std::max(c.width(), c.height()), shorter = std::min(c.width(), c.height());
        if (longer < glyph / 3 || longer > 3 * glyph || shorter < 2)
            continue;
        ++alongX[std::size_t(c.sumX / c.area / bin)];
        ++alongY[std::size_t(c.sumY / c.area / bin)];
        ++out.marks;
    }
    double rows = 0, columns = 0;
    for (int k : alongY)
        rows += double(k) * k;
    for (int k : alongX)
        columns += double(k) * k;
    out.rowsOverColumns = columns > 0 ? rows / columns : 0;
    return out;
}

} // namespace labelcheck::image
