#include "labelcheck/rules/verdict.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::rules;

TEST_SUITE("rules")
{

    TEST_CASE("verdict table")
    {
        CHECK(decideVerdict(false, false, true, true) == Verdict::Unreadable);
        CHECK(decideVerdict(false, false, false, false) == Verdict::Unreadable);
        CHECK(decideVerdict(true, false, false, true) == Verdict::NotElectrolyte);
        CHECK(decideVerdict(false, true, false, false) == Verdict::NotElectrolyte);
        CHECK(decideVerdict(true, false, true, false) == Verdict::Complete);
        CHECK(decideVerdict(true, false, true, true) == Verdict::Incomplete);
        CHECK(decideVerdict(false, true, true, true) == Verdict::Incomplete);
        CHECK(decideVerdict(false, true, true, false) == Verdict::Complete);
    }

} // TEST_SUITE
