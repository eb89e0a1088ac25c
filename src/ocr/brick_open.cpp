// Tesseract's page layout analysis looks for rules and separator lines before anything else
// (tesseract::LineFinder::GetLineMasks), on every image it is given: Leptonica's `pixOpenBrick` of the whole
// binarised image by a 15 x 15 square, then by a 1 x 75 and a 75 x 1 line (sizes from the stated 300 dpi).
// Leptonica does an opening by a brick as one whole-image rasterop per element of the brick, for its erosion and
// again for its dilation: ~360 passes over the image for those three calls, 4.9 % of all of labelcheck's CPU
// time on 12 MP photos (perf, 6 photos of the 43 largest of seed 20261125), for the panel reads and the package
// face's read alike.
//
// The definition of `pixOpenBrick` below takes Leptonica's place in this process, as line_image_store.cpp does
// for `pixWriteMem`: the dynamic linker looks in the executable before the libraries. It makes the same opening
// (the same pixels: unit-tested against Leptonica's own over random images and brick sizes) from runs of on
// pixels along rows and from row-wise word operations down columns, a handful of passes whatever the brick's
// size. Calls it does not cover (into an existing image, other depths, Leptonica's symmetric boundary condition)
// go to Leptonica's own function.

#include "brick_open.hpp"

#include <leptonica/allheaders.h>

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace labelcheck::ocr::detail {

namespace {

using Word = std::uint32_t;
constexpr Word kAll = ~Word(0);

// The first pixel at or after `x` that is on (`on`) or off (!`on`), or `width` if none is.
int nextPixel(const Word* row, int x, int width, bool on)
{
    if (x >= width)
        return width;
    const int words = (width + 31) / 32;
    int i = x / 32;
    Word w = (on ? row[i] : ~row[i]) & (kAll >> (x % 32));
    while (w == 0) {
        if (++i >= words)
            return width;
        w = on ? row[i] : ~row[i];
    }
    return std::min(width, i * 32 + __builtin_clz(w));
}

// Calls f(begin, end) for each run of on pixels [begin, end) of `row`, left to right.
template <class F> void forEachRun(const Word* row, int width, F&& f)
{
    for (int x = nextPixel(row, 0, width, true); x < width;) {
        const int end = nextPixel(row, x, width, false);
        f(x, end);
        x = nextPixel(row, end, width, true);
    }
}

// Turns on pixels [begin, end) of `row`.
void setRange(Word* row, int begin, int end)
{
    if (begin >= end)
        return;
    const int last = end - 1;
    const int a = begin / 32, b = last / 32;
    const Word head = kAll >> (begin % 32), tail = kAll << (31 - last % 32);
    if (a == b) {
        row[a] |= head & tail;
        return;
    }
    row[a] |= head;
    std::fill(row + a + 1, row + b, kAll);
    row[b] |= tail;
}

// Row by row, `dst` (cleared) gets the pixels x of `src` for which [x, x + n) lies in one run: the erosion by a
// line of n, anchored at its left end.
void erodeRows(const Word* src, Word* dst, int width, int height, int wpl, int n)
{
    for (int y = 0; y < height; ++y)
        forEachRun(src + std::size_t(y) * wpl, width, [&](int begin, int end) {
            if (end - begin >= n)
                setRange(dst + std::size_t(y) * wpl, begin, end - n + 1);
        });
}

// Row by row, `dst` (cleared) gets every x in [a, a + n) for each pixel a on in `src`: the dilation by a line of
// n, anchored at its left end (clipped to the image).
void dilateRows(const Word* src, Word* dst, int width, int height, int wpl, int n)
{
    for (int y = 0; y < height; ++y)
        forEachRun(src + std::size_t(y) * wpl, width, [&](int begin, int end) {
            setRange(dst + std::size_t(y) * wpl, begin, std::min(width, end + n - 1));
        });
}

// In place, row y becomes the AND of rows y .. y + n - 1 (rows past the bottom off): the erosion by a column of n
// anchored at its top, by doubling the span ANDed (each row still holds the shorter span of the rows below it).
void erodeDown(Word* img, int height, int wpl, int n)
{
    const auto step = [&](int offset) {
        for (int y = 0; y < height; ++y) {
            Word* row = img + std::size_t(y) * wpl;
            if (y + offset < height) {
                const Word* below = row + std::size_t(offset) * wpl;
                for (int i = 0; i < wpl; ++i)
                    row[i] &= below[i];
            } else
                std::fill(row, row + wpl, Word(0));
        }
    };
    int span = 1;
    for (; span * 2 <= n; span *= 2)
        step(span);
    if (span < n)
        step(n - span); // spans [y, y + span) and [y + n - span, y + n) cover [y, y + n)
}

// In place, row y becomes the OR of rows y - n + 1 .. y (rows above the top off): the dilation by a column of n
// anchored at its top. Rows are updated bottom up, so that the rows above still hold the shorter span.
void dilateDown(Word* img, int height, int wpl, int n)
{
    const auto step = [&](int offset) {
        for (int y = height - 1; y >= offset; --y) {
            Word* row = img + std::size_t(y) * wpl;
            const Word* above = row - std::size_t(offset) * wpl;
            for (int i = 0; i < wpl; ++i)
                row[i] |= above[i];
        }
    };
    int span = 1;
    for (; span * 2 <= n; span *= 2)
        step(span);
    if (span < n)
        step(n - span);
}

} // namespace

void openBrick(const std::uint32_t* src, std::uint32_t* dst, int width, int height, int wordsPerLine, int hsize,
               int vsize)
{
    const std::size_t words = std::size_t(height) * wordsPerLine;
    std::fill(dst, dst + words, Word(0));
    if (width <= 0 || height <= 0 || hsize < 1 || vsize < 1)
        return;
    if (vsize == 1) {
        // A line along the rows: the runs at least hsize long, whole.
        for (int y = 0; y < height; ++y)
            forEachRun(src + std::size_t(y) * wordsPerLine, width, [&](int begin, int end) {
                if (end - begin >= hsize)
                    setRange(dst + std::size_t(y) * wordsPerLine, begin, end);
            });
        return;
    }
    // The rectangles' top-left corners, then the rectangles drawn back from them.
    std::vector<Word> corners(words, 0);
    erodeRows(src, corners.data(), width, height, wordsPerLine, hsize); // by 1: a copy, bits past `width` off
    erodeDown(corners.data(), height, wordsPerLine, vsize);
    dilateDown(corners.data(), height, wordsPerLine, vsize);
    dilateRows(corners.data(), dst, width, height, wordsPerLine, hsize);
}

} // namespace labelcheck::ocr::detail

namespace {

using OpenBrick = PIX* (*)(PIX*, PIX*, l_int32, l_int32);

OpenBrick leptonicasOpenBrick()
{
    static const auto next = reinterpret_cast<OpenBrick>(dlsym(RTLD_NEXT, "pixOpenBrick"));
    return next;
}

} // namespace

extern "C" __attribute__((visibility("default"))) PIX* pixOpenBrick(PIX* pixd, PIX* pixs, l_int32 hsize, l_int32 vsize)
{
    // Erosion takes pixels outside the image as off: Leptonica's asymmetric boundary condition, its default.
    const bool asymmetric = getMorphBorderPixelColor(L_MORPH_ERODE, 1) == 0;
    if (!pixd && pixs && pixGetDepth(pixs) == 1 && hsize >= 1 && vsize >= 1 && (hsize > 1 || vsize > 1) && asymmetric) {
        if (PIX* out = pixCreateTemplate(pixs)) {
            labelcheck::ocr::detail::openBrick(pixGetData(pixs), pixGetData(out), pixGetWidth(pixs), pixGetHeight(pixs),
                                               pixGetWpl(pixs), hsize, vsize);
            return out;
        }
    }
    if (const OpenBrick next = leptonicasOpenBrick())
        return next(pixd, pixs, hsize, vsize);
    return pixd; // what Leptonica returns on error
}

namespace labelcheck::ocr::detail {

bool brickOpeningsFast()
{
    return dlsym(RTLD_DEFAULT, "pixOpenBrick") == reinterpret_cast<void*>(&pixOpenBrick);
}

} // namespace labelcheck::ocr::detail
