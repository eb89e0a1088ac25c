// Tesseract 5.3 passes every text line it recognises to its LSTM through a tesseract::ImageData, which keeps
// the line's image as a PNG in memory: `pixWriteMem(..., IFF_PNG)`, then `pixReadMem` at once to decode it
// again. That deflate and inflate of every line was 7.9 % of all of labelcheck's CPU time on 12 MP photos
// (perf, 12 photos of the accuracy seed), for nothing: the image never leaves the process. Tesseract's own
// fallback, for a Leptonica built without PNG, is PNM (uncompressed), and upstream later made the copy
// optional because the round trip is slow (tesseract-ocr/tesseract#2965, TESSERACT_IMAGEDATA_AS_PIX, which
// Debian's build does not define).
//
// The definitions below take Leptonica's place in this process (the dynamic linker looks in the executable
// before the libraries, and the linker exports the executable's symbols that a linked library uses): a PNG
// asked of `pixWriteMem` is written as PNM, which `pixReadMem` reads back pixel for pixel; every other format
// goes to Leptonica's own function. Tesseract is the only caller in labelcheck.
//
// Leptonica writes and reads PNM a pixel at a time through stdio (2.2 % of all CPU time on 12 MP photos, perf): an
// 8-bit grey image without a colour map, what Tesseract's line images are, is kept instead as its words after a
// short header of this file's own, and `pixReadMem` makes of that the image that reading its PNM would (the same
// pixels, the bytes past the width zero, no resolution, PNM as the input format). Anything else still goes
// through PNM.

#include "line_image_store.hpp"

#include <leptonica/allheaders.h>

#include <dlfcn.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

using WriteMem = l_ok (*)(l_uint8**, size_t*, PIX*, l_int32);
using ReadMem = PIX* (*)(const l_uint8*, size_t);

WriteMem leptonicasWriteMem()
{
    static const auto next = reinterpret_cast<WriteMem>(dlsym(RTLD_NEXT, "pixWriteMem"));
    return next;
}

ReadMem leptonicasReadMem()
{
    static const auto next = reinterpret_cast<ReadMem>(dlsym(RTLD_NEXT, "pixReadMem"));
    return next;
}

// The header of a stored grey image; its words follow. The magic starts with a zero byte, which no image format
// that Leptonica reads starts with.
struct RawHeader {
    char magic[8];
    std::int32_t width, height, wordsPerLine;
};
constexpr char kRawMagic[8] = {'\0', 'L', 'C', 'G', 'R', 'E', 'Y', '8'};

bool storable(PIX* pix)
{
    return pix && pixGetDepth(pix) == 8 && !pixGetColormap(pix);
}

l_ok writeRaw(l_uint8** pdata, size_t* psize, PIX* pix)
{
    RawHeader header{};
    std::memcpy(header.magic, kRawMagic, sizeof kRawMagic);
    header.width = pixGetWidth(pix);
    header.height = pixGetHeight(pix);
    header.wordsPerLine = pixGetWpl(pix);
    const std::size_t bytes = sizeof(l_uint32) * std::size_t(header.wordsPerLine) * header.height;
    // Tesseract frees what pixWriteMem returns with lept_free, that is free().
    auto* out = static_cast<l_uint8*>(std::malloc(sizeof header + bytes));
    if (!out)
        return 1;
    std::memcpy(out, &header, sizeof header);
    std::memcpy(out + sizeof header, pixGetData(pix), bytes);
    *pdata = out;
    *psize = sizeof header + bytes;
    return 0;
}

// The image stored by writeRaw, or null when `data` is not one.
PIX* readRaw(const l_uint8* data, size_t size)
{
    RawHeader header;
    if (size < sizeof header || std::memcmp(data, kRawMagic, sizeof kRawMagic) != 0)
        return nullptr;
    std::memcpy(&header, data, sizeof header);
    if (header.width <= 0 || header.height <= 0)
        return nullptr;
    PIX* pix = pixCreateNoInit(header.width, header.height, 8);
    if (!pix)
        return nullptr;
    const std::size_t bytes = sizeof(l_uint32) * std::size_t(pixGetWpl(pix)) * header.height;
    if (pixGetWpl(pix) != header.wordsPerLine || size != sizeof header + bytes) {
        pixDestroy(&pix);
        return nullptr;
    }
    std::memcpy(pixGetData(pix), data + sizeof header, bytes);
    pixSetPadBits(pix, 0);
    pixSetInputFormat(pix, IFF_PNM);
    return pix;
}

} // namespace

extern "C" __attribute__((visibility("default"))) l_ok pixWriteMem(l_uint8** pdata, size_t* psize, PIX* pix,
                                                                   l_int32 format)
{
    if (format == IFF_PNG && storable(pix))
        return writeRaw(pdata, psize, pix);
    if (format == IFF_PNG)
        return pixWriteMemPnm(pdata, psize, pix);
    if (const WriteMem next = leptonicasWriteMem())
        return next(pdata, psize, pix, format);
    return 1; // Leptonica's error value
}

extern "C" __attribute__((visibility("default"))) PIX* pixReadMem(const l_uint8* data, size_t size)
{
    if (data && size >= sizeof kRawMagic && std::memcmp(data, kRawMagic, sizeof kRawMagic) == 0)
        return readRaw(data, size);
    if (const ReadMem next = leptonicasReadMem())
        return next(data, size);
    return nullptr; // Leptonica's error value
}

namespace labelcheck::ocr::detail {

bool lineImagesUncompressed()
{
    return dlsym(RTLD_DEFAULT, "pixWriteMem") == reinterpret_cast<void*>(&pixWriteMem) &&
           dlsym(RTLD_DEFAULT, "pixReadMem") == reinterpret_cast<void*>(&pixReadMem);
}

} // namespace labelcheck::ocr::detail
