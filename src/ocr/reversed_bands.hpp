#pragma once
// Type reversed out of a colour band, turned over for the recogniser. Internal to the ocr module.

#include <opencv2/core.hpp>

namespace labelcheck::ocr::detail {

// Claims are often light type reversed out of a colour band ("ELECTROLYTES" on brown): the recogniser's layout
// analysis takes such a band for a picture, and skips type in a grey box. Finds the bands on `bin` (`grey`
// binarised: wide blobs, mostly ink, with a hole per letter) and turns each over in `grey`: the inside of its
// outline (the convex hull: descenders notch the band's edge) inverted and stretched so that its ground is
// white like the rest of the page, and its edge (a blur wide) painted white: turned over, that edge would be a
// box drawn round the type. A blob lower than `tallPx` is a band only if its top and bottom edges are straight:
// a blurred word whose letters ran together is a blob as tall as its type, with holes, but a ragged edge
// (0: no such test).
void invertReversedBands(const cv::Mat& bin, cv::Mat& grey, int tallPx = 0);

} // namespace labelcheck::ocr::detail
