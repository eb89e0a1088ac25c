#include "grey_pix.hpp"
#include "line_image_store.hpp"

#include <doctest/doctest.h>
#include <leptonica/allheaders.h>

#include <dlfcn.h>

#include <cstring>
#include <memory>
#include <string>

namespace {

using labelcheck::ocr::detail::PixPtr;
struct LeptDeleter {
    void operator()(l_uint8* p) const { lept_free(p); }
};
using BytesPtr = std::unique_ptr<l_uint8, LeptDeleter>;

// A grey image of every tone, as a line image of Tesseract's would be.
PixPtr greyRamp()
{
    PixPtr pix(pixCreate(97, 23, 8));
    for (int y = 0; y < 23; ++y)
        for (int x = 0; x < 97; ++x)
            pixSetPixel(pix.get(), x, y, (x * 7 + y * 13) % 256);
    return pix;
}

// Every word of the two images (the bits past the width included), their resolutions and input formats.
bool identical(PIX* a, PIX* b)
{
    if (pixGetWidth(a) != pixGetWidth(b) || pixGetHeight(a) != pixGetHeight(b) || pixGetDepth(a) != pixGetDepth(b) ||
        pixGetWpl(a) != pixGetWpl(b) || pixGetXRes(a) != pixGetXRes(b) || pixGetYRes(a) != pixGetYRes(b) ||
        pixGetInputFormat(a) != pixGetInputFormat(b) || pixGetSpp(a) != pixGetSpp(b))
        return false;
    return std::memcmp(pixGetData(a), pixGetData(b), sizeof(l_uint32) * pixGetWpl(a) * pixGetHeight(a)) == 0;
}

// The image that Leptonica's own pixReadMem reads from Leptonica's PNM of `pix`.
PixPtr throughPnm(PIX* pix)
{
    using ReadMem = PIX* (*)(const l_uint8*, size_t);
    const auto leptonicas = reinterpret_cast<ReadMem>(dlsym(RTLD_NEXT, "pixReadMem"));
    const bool found = leptonicas != nullptr;
    REQUIRE(found);
    l_uint8* data = nullptr;
    size_t size = 0;
    REQUIRE(pixWriteMemPnm(&data, &size, pix) == 0);
    BytesPtr owned(data);
    return PixPtr(leptonicas(data, size));
}

std::string written(PIX* pix, l_int32 format)
{
    l_uint8* data = nullptr;
    size_t size = 0;
    REQUIRE(pixWriteMem(&data, &size, pix, format) == 0);
    BytesPtr owned(data);
    return std::string(reinterpret_cast<const char*>(data), size);
}

} // namespace

TEST_SUITE("ocr")
{
    TEST_CASE("the dynamic link finds labelcheck's pixWriteMem, which Tesseract calls for every line")
    {
        CHECK(labelcheck::ocr::detail::lineImagesUncompressed());
    }

    TEST_CASE("a grey line image asked for as PNG is stored as its words and reads back as its PNM would")
    {
        const PixPtr pix = greyRamp();
        pixSetResolution(pix.get(), 300, 300);
        // Bytes past the width that are not zero: Leptonica's PNM drops them.
        pixSetPadBits(pix.get(), 1);
        const std::string stored = written(pix.get(), IFF_PNG);
        CHECK(stored.substr(0, 8) == std::string("\0LCGREY8", 8)); // no zlib, no pixel-by-pixel PNM
        CHECK(stored.size() >= 100u * 23u);
        PixPtr back(pixReadMem(reinterpret_cast<const l_uint8*>(stored.data()), stored.size()));
        REQUIRE(back);
        l_int32 same = 0;
        REQUIRE(pixEqual(pix.get(), back.get(), &same) == 0);
        CHECK(same == 1);
        const PixPtr pnm = throughPnm(pix.get());
        REQUIRE(pnm);
        CHECK(identical(back.get(), pnm.get()));
    }

    TEST_CASE("a truncated stored image reads as nothing")
    {
        const PixPtr pix = greyRamp();
        const std::string stored = written(pix.get(), IFF_PNG);
        CHECK(pixReadMem(reinterpret_cast<const l_uint8*>(stored.data()), stored.size() - 1) == nullptr);
        CHECK(pixReadMem(reinterpret_cast<const l_uint8*>(stored.data()), 8) == nullptr);
    }

    TEST_CASE("a line image of another depth asked for as PNG is stored as PNM and reads back pixel for pixel")
    {
        PixPtr binary(pixCreate(45, 9, 1));
        for (int x = 0; x < 45; x += 3)
            pixSetPixel(binary.get(), x, x % 9, 1);
        const std::string stored = written(binary.get(), IFF_PNG);
        CHECK(stored.substr(0, 2) == "P4");
        PixPtr back(pixReadMem(reinterpret_cast<const l_uint8*>(stored.data()), stored.size()));
        REQUIRE(back);
        l_int32 same = 0;
        REQUIRE(pixEqual(binary.get(), back.get(), &same) == 0);
        CHECK(same == 1);
    }

    TEST_CASE("other formats are still Leptonica's own")
    {
        const PixPtr pix = greyRamp();
        CHECK(written(pix.get(), IFF_BMP).substr(0, 2) == "BM");
        CHECK(written(pix.get(), IFF_PNM).substr(0, 2) == "P5");
    }
}
