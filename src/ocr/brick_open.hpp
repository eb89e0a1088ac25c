#pragma once

#include <cstdint>

namespace labelcheck::ocr::detail {

// The morphological opening of a 1-bit image by an `hsize` x `vsize` rectangle of hits (both >= 1): a pixel stays
// on when some such rectangle lying wholly inside the image's on pixels covers it. Pixels outside the image count as
// off, as Leptonica's default (asymmetric) boundary condition has them, so this is pixel for pixel what Leptonica's
// `pixOpenBrick` makes, in time independent of the rectangle's size.
//
// Both images are `height` rows of `wordsPerLine` 32-bit words, pixels packed most significant bit first (Leptonica's
// layout); `dst` (not aliasing `src`) is written whole, the bits past `width` in each row's last word cleared.
// `src`'s bits past `width` are ignored.
void openBrick(const std::uint32_t* src, std::uint32_t* dst, int width, int height, int wordsPerLine, int hsize,
               int vsize);

// Whether this process's Leptonica `pixOpenBrick`, as Tesseract's dynamic link finds it, is the one in
// brick_open.cpp. Engine::create asks, so that the definition is linked into every program that recognises text.
bool brickOpeningsFast();

} // namespace labelcheck::ocr::detail
