#include "labelcheck/facts/daily_value.hpp"

#include <doctest/doctest.h>

using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("printed percents")
    {
        CHECK(parseDailyValue("11%")->pct == 11);
        CHECK(parseDailyValue("(5%")->pct == 5);
        CHECK(parseDailyValue("5%DV")->pct == 5);
        CHECK(parseDailyValue("5%)")->pct == 5);
        CHECK(parseDailyValue("0%")->pct == 0);
        CHECK(parseDailyValue("11 %")->pct == 11);
    }

    TEST_CASE("less than one percent is 0.5")
    {
        auto dv = parseDailyValue("<1%");
        REQUIRE(dv);
        CHECK(dv->pct == 0.5);
        CHECK(dv->lessThan);
        CHECK(parseDailyValue("< 1%")->pct == 0.5);
    }

    TEST_CASE("daggers mean no Daily Value")
    {
        for (const char* s : {"\xe2\x80\xa0", "*", "**", "\xe2\x80\xa1"}) {
            auto dv = parseDailyValue(s);
            REQUIRE_MESSAGE(dv, s);
            CHECK(dv->noDailyValue);
            CHECK_FALSE(dv->pct);
        }
    }

    TEST_CASE("OCR lookalikes in percents")
    {
        auto dv = parseDailyValue("1l%");
        REQUIRE(dv);
        CHECK(dv->pct == 11);
        CHECK(dv->ocrFixed);
        CHECK(parseDailyValue("O%")->pct == 0);
        CHECK(parseDailyValue("l%")->pct == 1);
    }

    TEST_CASE("not percents")
    {
        CHECK_FALSE(parseDailyValue("%"));
        CHECK_FALSE(parseDailyValue("Daily"));
        CHECK_FALSE(parseDailyValue("250mg"));
        CHECK_FALSE(parseDailyValue("%Daily"));
    }

} // TEST_SUITE
