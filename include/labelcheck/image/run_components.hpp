#pragma once
// 8-connected components of a binary image, found from its horizontal runs: for the modules that use OpenCV inside
// (like binarize_mat.hpp, never from another module's public API).

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace labelcheck::image {

struct PixelRun {
    int y = 0, x0 = 0, x1 = 0; // pixels x0 .. x1 - 1 of row y
};

struct RunComponent {
    int left = 0, top = 0, right = 0, bottom = 0; // inclusive bounds
    int area = 0;                                 // pixels
    std::int64_t sumX = 0, sumY = 0;              // of the pixels' coordinates: the centroid is sum / area
    std::vector<PixelRun> runs;                   // top to bottom, left to right within a row
    int width() const { return right - left + 1; }
    int height() const { return bottom - top + 1; }
};

// The 8-connected components of the non-zero pixels of `bin` (CV_8UC1), numbered as OpenCV 4's
// cv::connectedComponentsWithStats numbers them (its default algorithm, Spaghetti, labels each component from the
// first 2x2 block, rows in pairs, that holds one of its pixels): the same bounds, areas, order and (as
// double(sum) / area) centroids, so a caller iterating over either gets the same sequence. Time follows the runs, not
// the pixels: the panel finder's rule images are mostly empty, where OpenCV's labeller spent ~7 ms per megapixel
// (~0.2 ms so).
std::vector<RunComponent> runComponents(const cv::Mat& bin);

} // namespace labelcheck::image
