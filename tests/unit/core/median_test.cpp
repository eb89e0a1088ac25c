#include "labelcheck/core/median.hpp"

#include <doctest/doctest.h>

using labelcheck::medianOf;

TEST_SUITE("core") {

TEST_CASE("median of odd and even counts, unsorted; 0 when empty")
{
    CHECK(medianOf({}) == 0.0f);
    CHECK(medianOf({7.0f}) == 7.0f);
    CHECK(medianOf({9.0f, 1.0f, 5.0f}) == 5.0f);
    CHECK(medianOf({4.0f, 1.0f, 3.0f, 2.0f}) == 3.0f); // the upper middle
    CHECK(medianOf({2.0f, 2.0f, 8.0f, 2.0f, 9.0f}) == 2.0f);
}

} // TEST_SUITE
