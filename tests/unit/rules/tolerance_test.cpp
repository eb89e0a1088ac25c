#include "labelcheck/rules/tolerance.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::rules;

TEST_SUITE("rules")
{

    TEST_CASE("FDA rounding of sodium and potassium")
    {
        CHECK(fdaRoundMg(Mineral::Sodium, 4) == 0);
        CHECK(fdaRoundMg(Mineral::Sodium, 5) == 5);
        CHECK(fdaRoundMg(Mineral::Sodium, 112) == 110);
        CHECK(fdaRoundMg(Mineral::Sodium, 113) == 115);
        CHECK(fdaRoundMg(Mineral::Sodium, 140) == 140);
        CHECK(fdaRoundMg(Mineral::Sodium, 144) == 140);
        CHECK(fdaRoundMg(Mineral::Sodium, 146) == 150);
        CHECK(fdaRoundMg(Mineral::Potassium, 996) == 1000);
        CHECK(roundingIncrementMg(Mineral::Potassium, 100) == 5);
        CHECK(roundingIncrementMg(Mineral::Potassium, 200) == 10);
    }

    TEST_CASE("FDA rounding of calcium and magnesium")
    {
        CHECK(fdaRoundMg(Mineral::Calcium, 24) == 20);
        CHECK(fdaRoundMg(Mineral::Calcium, 4) == 0);
        CHECK(fdaRoundMg(Mineral::Magnesium, 62) == 60);
        CHECK(fdaRoundMg(Mineral::Magnesium, 63) == 65);
    }

    TEST_CASE("sodium and potassium agree within FDA rounding only")
    {
        CHECK(agrees(Mineral::Sodium, 250, 252)); // 252 is declared 250
        CHECK(agrees(Mineral::Sodium, 250, 255)); // across a rounding boundary by half a step
        CHECK_FALSE(agrees(Mineral::Sodium, 250, 270));
        CHECK(agrees(Mineral::Sodium, 100, 102));
        CHECK_FALSE(agrees(Mineral::Sodium, 100, 105)); // a different declared value below 140 mg
        CHECK(agrees(Mineral::Potassium, 0, 3));        // both declared 0
        CHECK_FALSE(agrees(Mineral::Potassium, 200, 99));
    }

    TEST_CASE("calcium and magnesium agree within rounding or 10%")
    {
        CHECK(agrees(Mineral::Magnesium, 60, 64));
        CHECK(agrees(Mineral::Magnesium, 130, 140)); // 7%
        CHECK_FALSE(agrees(Mineral::Magnesium, 60, 80));
        CHECK(agrees(Mineral::Calcium, 20, 24));
        CHECK_FALSE(agrees(Mineral::Calcium, 20, 40));
    }

    TEST_CASE("values estimated from a %DV get the %DV's rounding")
    {
        // "Calcium 10%" on an old panel: 100 mg (pre-2016) or 130 mg (current).
        CHECK(agrees(Mineral::Calcium, 100, 130, true, 10));
        CHECK(agrees(Mineral::Calcium, 100, 110, true, 10));
        CHECK_FALSE(agrees(Mineral::Calcium, 100, 300, true, 10));
        CHECK_FALSE(agrees(Mineral::Calcium, 100, 130)); // not estimated: 30% off
    }

} // TEST_SUITE
