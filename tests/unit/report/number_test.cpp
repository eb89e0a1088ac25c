#include "labelcheck/report/number.hpp"

#include <doctest/doctest.h>

using labelcheck::report::formatNumber;

TEST_SUITE("report")
{
    TEST_CASE("integers print without a decimal point")
    {
        CHECK(formatNumber(200) == "200");
        CHECK(formatNumber(0) == "0");
        CHECK(formatNumber(-0.0) == "0");
        CHECK(formatNumber(2300) == "2300");
    }

    TEST_CASE("fractions print in their shortest form, residue rounded away")
    {
        CHECK(formatNumber(0.06) == "0.06");
        CHECK(formatNumber(0.5) == "0.5");
        CHECK(formatNumber(1.1 * 1000) == "1100");
        CHECK(formatNumber(0.1 + 0.2) == "0.3");
        CHECK(formatNumber(12.34567) == "12.3457");
    }
}
