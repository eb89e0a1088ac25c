#include "labelcheck/scan/sharpness.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;

namespace {

// Vertical stripes `period` pixels wide: sharp edges; box-blurred copies are softer.
image::Image stripes(int w, int h, int period, int blurRadius)
{
    std::vector<int> row(static_cast<std::size_t>(w));
    for (int x = 0; x < w; ++x)
        row[static_cast<std::size_t>(x)] = (x / period) % 2 ? 230 : 30;
    std::vector<int> blurred(row);
    if (blurRadius > 0)
        for (int x = 0; x < w; ++x) {
            int sum = 0, n = 0;
            for (int d = -blurRadius; d <= blurRadius; ++d)
                if (x + d >= 0 && x + d < w) {
                    sum += row[static_cast<std::size_t>(x + d)];
                    ++n;
                }
            blurred[static_cast<std::size_t>(x)] = sum / n;
        }
    image::Image img;
    img.width = w;
    img.height = h;
    img.channels = 3;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                img.pixels.push_back(static_cast<std::uint8_t>(blurred[static_cast<std::size_t>(x)]));
    return img;
}

} // namespace

TEST_SUITE("scan")
{
    TEST_CASE("sharper frames score higher")
    {
        const double sharp = scan::sharpness(stripes(1280, 720, 16, 0));
        const double soft = scan::sharpness(stripes(1280, 720, 16, 3));
        const double softer = scan::sharpness(stripes(1280, 720, 16, 8));
        CHECK(sharp > soft);
        CHECK(soft > softer);
        CHECK(softer > 0);
    }

    TEST_CASE("uniform and empty frames score zero")
    {
        image::Image flat;
        flat.width = 64;
        flat.height = 64;
        flat.channels = 1;
        flat.pixels.assign(64 * 64, 77);
        CHECK(scan::sharpness(flat) == doctest::Approx(0));
        CHECK(scan::sharpness(image::Image{}) == 0);
    }
}
