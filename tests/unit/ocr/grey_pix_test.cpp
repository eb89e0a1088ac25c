#include "grey_pix.hpp"

#include <doctest/doctest.h>
#include <leptonica/allheaders.h>

#include <cstdint>
#include <cstring>
#include <vector>

TEST_SUITE("ocr")
{
    TEST_CASE("the image handed to Tesseract is word for word the one its SetImage builds pixel by pixel")
    {
        for (int width : {1, 2, 3, 4, 5, 7, 8, 9, 97})
            for (int height : {1, 5}) {
                CAPTURE(width);
                CAPTURE(height);
                std::vector<std::uint8_t> grey(std::size_t(width) * height);
                for (std::size_t i = 0; i < grey.size(); ++i)
                    grey[i] = std::uint8_t(i * 37 + 11);
                const auto ours = labelcheck::ocr::detail::greyPix(grey.data(), width, height);
                REQUIRE(ours);
                // Tesseract's ImageThresholder::SetImage(data, ...): pixCreate, then SET_DATA_BYTE per pixel.
                PIX* theirs = pixCreate(width, height, 8);
                l_uint32* line = pixGetData(theirs);
                for (int y = 0; y < height; ++y, line += pixGetWpl(theirs))
                    for (int x = 0; x < width; ++x)
                        SET_DATA_BYTE(line, x, grey[std::size_t(y) * width + x]);
                CHECK(pixGetDepth(ours.get()) == 8);
                CHECK(pixGetWpl(ours.get()) == pixGetWpl(theirs));
                CHECK(pixGetXRes(ours.get()) == pixGetXRes(theirs));
                CHECK(std::memcmp(pixGetData(ours.get()), pixGetData(theirs),
                                  sizeof(l_uint32) * pixGetWpl(theirs) * height) == 0); // the bytes past the width too
                l_uint32 first = 0;
                pixGetPixel(ours.get(), 0, 0, &first);
                CHECK(first == grey[0]);
                pixDestroy(&theirs);
            }
    }
}
