#include "line_image_store.hpp"

#include <doctest/doctest.h>
#include <leptonica/allheaders.h>

#include <memory>
#include <string>

namespace {

struct PixDeleter {
    void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;
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

    TEST_CASE("a line image asked for as PNG is stored uncompressed and reads back pixel for pixel")
    {
        const PixPtr pix = greyRamp();
        const std::string stored = written(pix.get(), IFF_PNG);
        CHECK(stored.substr(0, 2) == "P5"); // binary PNM: no zlib either way
        CHECK(stored.size() >= 97u * 23u);
        PixPtr back(pixReadMem(reinterpret_cast<const l_uint8*>(stored.data()), stored.size()));
        REQUIRE(back);
        l_int32 same = 0;
        REQUIRE(pixEqual(pix.get(), back.get(), &same) == 0);
        CHECK(same == 1);
    }

    TEST_CASE("other formats are still Leptonica's own")
    {
        const PixPtr pix = greyRamp();
        CHECK(written(pix.get(), IFF_BMP).substr(0, 2) == "BM");
        CHECK(written(pix.get(), IFF_PNM).substr(0, 2) == "P5");
    }
}
