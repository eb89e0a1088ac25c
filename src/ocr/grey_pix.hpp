#pragma once

#include <cstdint>
#include <memory>

struct Pix;

namespace labelcheck::ocr::detail {

struct PixDeleter {
    void operator()(Pix* pix) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// An 8-bit Leptonica image of the `width` x `height` grey pixels at `data` (rows `width` bytes apart): the image that
// TessBaseAPI::SetImage(data, ...) builds, four pixels to a 32-bit word, the first in its most significant byte, the
// bytes past the width zero. Tesseract builds it pixel by pixel (1 % of all of labelcheck's CPU time on 12 MP photos);
// here a row's words are assembled in turn. Null when Leptonica cannot allocate it.
PixPtr greyPix(const std::uint8_t* data, int width, int height);

} // namespace labelcheck::ocr::detail
