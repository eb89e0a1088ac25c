// Tesseract 5.3 passes every text line it recognises to its LSTM through a tesseract::ImageData, which keeps
// the line's image as a PNG in memory: `pixWriteMem(..., IFF_PNG)`, then `pixReadMem` at once to decode it
// again. That deflate and inflate of every line was 7.9 % of all of labelcheck's CPU time on 12 MP photos
// (perf, 12 photos of the accuracy seed), for nothing: the image never leaves the process. Tesseract's own
// fallback, for a Leptonica built without PNG, is PNM (uncompressed), and upstream later made the copy
// optional because the round trip is slow (tesseract-ocr/tesseract#2965, TESSERACT_IMAGEDATA_AS_PIX, which
// Debian's build does not define).
//
// The definition below takes Leptonica's place in this process (the dynamic linker looks in the executable
// before the libraries, and the linker exports the executable's symbols that a linked library uses): a PNG
// asked of `pixWriteMem` is written as PNM, which `pixReadMem` reads back pixel for pixel; every other format
// goes to Leptonica's own function. Tesseract is the only caller in labelcheck.

#include "line_image_store.hpp"

#include <leptonica/allheaders.h>

#include <dlfcn.h>

namespace {

using WriteMem = l_ok (*)(l_uint8**, size_t*, PIX*, l_int32);

WriteMem leptonicasWriteMem()
{
    static const auto next = reinterpret_cast<WriteMem>(dlsym(RTLD_NEXT, "pixWriteMem"));
    return next;
}

} // namespace

extern "C" __attribute__((visibility("default"))) l_ok pixWriteMem(l_uint8** pdata, size_t* psize, PIX* pix,
                                                                   l_int32 format)
{
    if (format == IFF_PNG)
        return pixWriteMemPnm(pdata, psize, pix);
    if (const WriteMem next = leptonicasWriteMem())
        return next(pdata, psize, pix, format);
    return 1; // Leptonica's error value
}

namespace labelcheck::ocr::detail {

bool lineImagesUncompressed()
{
    return dlsym(RTLD_DEFAULT, "pixWriteMem") == reinterpret_cast<void*>(&pixWriteMem);
}

} // namespace labelcheck::ocr::detail
