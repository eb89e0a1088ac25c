#include "labelcheck/report/annotation.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::report;

TEST_SUITE("report")
{
    TEST_CASE("a large photo is scaled down, regions with it; a small one is kept")
    {
        image::Image photo;
        photo.width = 1000;
        photo.height = 500;
        photo.channels = 3;
        photo.pixels.assign(1000 * 500 * 3, 200);
        Annotation a = makeAnnotation(photo, {{RegionKind::Panel, "panel", {{100, 50}, {900, 450}}}}, 200);
        CHECK(a.width == 200);
        CHECK(a.height == 100);
        REQUIRE(a.jpeg.size() > 4);
        CHECK(a.jpeg[0] == 0xFF);
        CHECK(a.jpeg[1] == 0xD8);
        REQUIRE(a.regions.size() == 1);
        CHECK(a.regions[0].points[0].x == 20);
        CHECK(a.regions[0].points[1].y == 90);

        Annotation same = makeAnnotation(photo, {}, 2000);
        CHECK(same.width == 1000);
        CHECK(same.height == 500);
    }

    TEST_CASE("an empty photo gives no thumbnail")
    {
        CHECK(makeAnnotation(image::Image{}, {}, 100).jpeg.empty());
    }
}
