#include "brick_open.hpp"
#include "grey_pix.hpp"

#include <doctest/doctest.h>
#include <leptonica/allheaders.h>

#include <dlfcn.h>

#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using labelcheck::ocr::detail::PixPtr;

using OpenBrick = PIX* (*)(PIX*, PIX*, l_int32, l_int32);

// Leptonica's own pixOpenBrick, past labelcheck's definition in this executable.
OpenBrick leptonicas()
{
    return reinterpret_cast<OpenBrick>(dlsym(RTLD_NEXT, "pixOpenBrick"));
}

// A random 1-bit image: specks at `density`, plus horizontal and vertical bars of random lengths (rules and
// strokes that the openings keep or drop), and random bits past the width in each row's last word.
PixPtr randomImage(int width, int height, double density, std::mt19937& rng)
{
    PixPtr pix(pixCreate(width, height, 1));
    std::bernoulli_distribution speck(density);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (speck(rng))
                pixSetPixel(pix.get(), x, y, 1);
    std::uniform_int_distribution<int> xs(0, width - 1), ys(0, height - 1), len(1, std::max(width, height));
    for (int i = 0; i < 12; ++i) {
        const int x = xs(rng), y = ys(rng), n = len(rng), thick = 1 + i % 4;
        for (int k = 0; k < n; ++k)
            for (int t = 0; t < thick; ++t) {
                if (i % 2 == 0 && x + k < width && y + t < height)
                    pixSetPixel(pix.get(), x + k, y + t, 1);
                if (i % 2 == 1 && y + k < height && x + t < width)
                    pixSetPixel(pix.get(), x + t, y + k, 1);
            }
    }
    if (width % 32 != 0) {
        const int wpl = pixGetWpl(pix.get());
        l_uint32* data = pixGetData(pix.get());
        const l_uint32 padding = ~l_uint32(0) >> (width % 32);
        for (int y = 0; y < height; ++y)
            data[y * wpl + wpl - 1] |= rng() & padding;
    }
    return pix;
}

// Every word of the two images, the bits past the width included.
bool sameWords(PIX* a, PIX* b)
{
    if (pixGetWidth(a) != pixGetWidth(b) || pixGetHeight(a) != pixGetHeight(b) || pixGetWpl(a) != pixGetWpl(b))
        return false;
    return std::memcmp(pixGetData(a), pixGetData(b), sizeof(l_uint32) * pixGetWpl(a) * pixGetHeight(a)) == 0;
}

} // namespace

TEST_SUITE("ocr")
{
    TEST_CASE("the dynamic link finds labelcheck's pixOpenBrick, which Tesseract's rule finder calls")
    {
        CHECK(labelcheck::ocr::detail::brickOpeningsFast());
        const bool found = leptonicas() != nullptr;
        REQUIRE(found);
        const bool distinct = reinterpret_cast<void*>(leptonicas()) != reinterpret_cast<void*>(&pixOpenBrick);
        CHECK(distinct);
    }

    TEST_CASE("an opening by a brick is pixel for pixel Leptonica's, at the rule finder's sizes and odd ones")
    {
        std::mt19937 rng(20261128);
        const std::vector<std::pair<int, int>> sizes{{1, 1},   {5, 3},    {31, 7},   {32, 40},
                                                     {33, 65}, {97, 120}, {230, 170}};
        const std::vector<std::pair<int, int>> bricks{{2, 1},  {1, 2},   {3, 1},  {1, 3},   {4, 4},   {5, 3},
                                                      {2, 9},  {15, 15}, {75, 1}, {1, 75},  {64, 1},  {1, 64},
                                                      {65, 1}, {1, 65},  {33, 2}, {240, 1}, {1, 180}, {7, 200}};
        int compared = 0, nonEmpty = 0;
        for (const auto& [w, h] : sizes)
            for (const double density : {0.1, 0.6, 0.97})
                for (const auto& [hs, vs] : bricks) {
                    CAPTURE(w);
                    CAPTURE(h);
                    CAPTURE(density);
                    CAPTURE(hs);
                    CAPTURE(vs);
                    const PixPtr src = randomImage(w, h, density, rng);
                    const PixPtr theirs(leptonicas()(nullptr, src.get(), hs, vs));
                    const PixPtr ours(pixOpenBrick(nullptr, src.get(), hs, vs));
                    REQUIRE(theirs);
                    REQUIRE(ours);
                    CHECK(sameWords(ours.get(), theirs.get()));
                    l_int32 empty = 1;
                    pixZero(theirs.get(), &empty);
                    nonEmpty += !empty;
                    ++compared;
                }
        CHECK(compared == 7 * 3 * 18);
        CHECK(nonEmpty > compared / 3); // the comparisons are not between empty images
    }

    TEST_CASE("the pure opening keeps a rectangle that fits and drops one a pixel short")
    {
        // 40 x 3: a 20 x 2 block at (3, 0) and a 19-long bar on row 2.
        const int width = 40, height = 3, wpl = 2;
        std::vector<std::uint32_t> src(wpl * height, 0), dst(wpl * height, 0xffffffffu);
        const auto set = [&](int x, int y) { src[y * wpl + x / 32] |= 0x80000000u >> (x % 32); };
        const auto on = [&](int x, int y) { return (dst[y * wpl + x / 32] & (0x80000000u >> (x % 32))) != 0; };
        for (int x = 3; x < 23; ++x) {
            set(x, 0);
            set(x, 1);
        }
        for (int x = 10; x < 29; ++x)
            set(x, 2);
        labelcheck::ocr::detail::openBrick(src.data(), dst.data(), width, height, wpl, 20, 2);
        CHECK(on(3, 0));
        CHECK(on(22, 1));
        CHECK_FALSE(on(2, 0));
        CHECK_FALSE(on(23, 0));
        for (int x = 0; x < width; ++x)
            CHECK_FALSE(on(x, 2));
        CHECK((dst[1] & (~0u >> (width % 32))) == 0); // the bits past the width are cleared
    }
}
