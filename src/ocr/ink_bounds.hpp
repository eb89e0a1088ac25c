#pragma once
// Where the type on a page lies, so that the recogniser is not given the empty ground round it. Internal to the ocr
// module.

#include <opencv2/core.hpp>

namespace labelcheck::ocr::detail {

// The box round the ink of `grey` (dark type on a light ground, 8-bit), grown by `marginPx` each way and clipped to
// the image; an empty box when there is no ink. Ink is what is darker than the mid level, counted in cells of 4 x 4
// pixels of which at least a quarter are ink: glyph strokes fill such cells, lone specks (noise, dust) do not.
cv::Rect inkBounds(const cv::Mat& grey, int marginPx);

} // namespace labelcheck::ocr::detail
