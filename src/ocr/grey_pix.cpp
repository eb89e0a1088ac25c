#include "grey_pix.hpp"

#include <leptonica/allheaders.h>

#include <cstddef>

namespace labelcheck::ocr::detail {

void PixDeleter::operator()(Pix* pix) const
{
    pixDestroy(&pix);
}

PixPtr greyPix(const std::uint8_t* data, int width, int height)
{
    PixPtr pix(pixCreate(width, height, 8));
    if (!pix)
        return pix;
    const int wpl = pixGetWpl(pix.get());
    l_uint32* words = pixGetData(pix.get());
    const int whole = width / 4;
    for (int y = 0; y < height; ++y, words += wpl) {
        const std::uint8_t* row = data + std::size_t(y) * width;
        for (int i = 0; i < whole; ++i)
            words[i] = l_uint32(row[4 * i]) << 24 | l_uint32(row[4 * i + 1]) << 16 | l_uint32(row[4 * i + 2]) << 8 |
                       row[4 * i + 3];
        for (int x = whole * 4; x < width; ++x)
            SET_DATA_BYTE(words, x, row[x]);
    }
    return pix;
}

} // namespace labelcheck::ocr::detail
