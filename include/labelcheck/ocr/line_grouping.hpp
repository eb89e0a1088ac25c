#pragma once
// Turning recognised words into reading-order rows. Pure code, no Tesseract: testable from boxes.

#include "labelcheck/core/text.hpp"

#include <vector>

namespace labelcheck::ocr {

struct GroupingOptions {
    // Two lines are one row when their word bands overlap vertically by at least this fraction of the
    // smaller band's height. Facts panels put amount and %DV columns far right of the name: the
    // recogniser may emit them as separate lines, which this puts back on the name's row.
    float minVerticalOverlap = 0.5f;
    // ...and no word of one overlaps a word of the other horizontally by more than this fraction of the
    // narrower word's width.
    float maxHorizontalOverlap = 0.2f;
};

// Merges `lines` (each a list of words, possibly split by the recogniser) into rows: words of a row
// left to right, rows top to bottom. Empty words and lines are dropped; each row's box is the union of
// its words' boxes. Pure and thread-safe.
std::vector<TextLine> groupRows(std::vector<TextLine> lines, const GroupingOptions& options = {});

// The widest gap between two lines one after the other in `lines` (rows in reading order), from the bottom of one to
// the top of the next, in median line heights: a recogniser's column layout that drops rows leaves their place empty.
// Negative when every line overlaps the next; 0 for fewer than two lines. Pure.
float widestLineGap(const std::vector<TextLine>& lines);

// The union of two boxes (an empty box, width or height 0, is the identity).
Box unite(const Box& a, const Box& b);

} // namespace labelcheck::ocr
