#include "labelcheck/core/median.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using labelcheck::medianOf;

TEST_SUITE("core") {

TEST_CASE("median of odd and even counts, unsorted; 0 when empty")
{
    CHECK(medianOf(std::vector<float>{}) == 0.0f);
    CHECK(medianOf(std::vector<float>{7.0f}) == 7.0f);
    CHECK(medianOf(std::vector<float>{9.0f, 1.0f, 5.0f}) == 5.0f);
    CHECK(medianOf(std::vector<float>{4.0f, 1.0f, 3.0f, 2.0f}) == 3.0f); // the upper middle
    CHECK(medianOf(std::vector<float>{2.0f, 2.0f, 8.0f, 2.0f, 9.0f}) == 2.0f);
    CHECK(medianOf(std::vector<std::uint8_t>{200, 10, 90}) == 90); // grey tones
}

} // TEST_SUITE
