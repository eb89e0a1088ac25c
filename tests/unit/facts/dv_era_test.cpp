#include "labelcheck/facts/dv_era.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("old footnote table means pre-2016")
    {
        auto ev = eraEvidenceFromText({"Calories: 2,000 2,500", "Total Fat Less than 65g 80g",
                                       "Sodium Less than 2,400mg 2,400mg", "Potassium 3,500mg 3,500mg"});
        CHECK(ev.pre2016 > ev.current);
        CHECK(decideEra(ev, false) == DvEra::Pre2016);
    }

    TEST_CASE("Calories from Fat means pre-2016")
    {
        auto ev = eraEvidenceFromText({"Calories 50 Calories from Fat 0"});
        CHECK(decideEra(ev, false) == DvEra::Pre2016);
        // "Calories" garbled by OCR (photo 115); "from Fat" is said by no other row.
        CHECK(decideEra(eraEvidenceFromText({"stevics from Fat 0"}), false) == DvEra::Pre2016);
        CHECK(decideEra(eraEvidenceFromText({"Fat free, from natural flavors"}), false) == DvEra::Current);
    }

    TEST_CASE("Added Sugars means current")
    {
        auto ev = eraEvidenceFromText(
            {"Includes 12g Added Sugars 24%", "2,000 calories a day is used for general nutrition advice."});
        CHECK(decideEra(ev, true) == DvEra::Current);
    }

    TEST_CASE("consistency votes")
    {
        DvEraEvidence ev;
        // Potassium 200 mg at 4% fits 4700 mg, not 3500 mg (5.7%).
        addConsistencyVotes(ev, {{"potassium", 200, 4}});
        CHECK(ev.current == 1);
        CHECK(ev.pre2016 == 0);
        // Total fat 8 g at 12% fits 65 g (12.3%), not 78 g (10.3%).
        addConsistencyVotes(ev, {{"total fat", 8000, 12}, {"potassium", 350, 10}});
        CHECK(ev.pre2016 == 2);
        // Small percents do not vote.
        DvEraEvidence small;
        addConsistencyVotes(small, {{"calcium", 20, 2}});
        CHECK(small.current == 0);
        CHECK(small.pre2016 == 0);
    }

    TEST_CASE("ties: %DV-only calcium or potassium points to an old panel")
    {
        CHECK(decideEra({}, true) == DvEra::Pre2016);
        CHECK(decideEra({}, false) == DvEra::Current);
    }

    TEST_CASE("amounts fit their %DV in either era")
    {
        CHECK(fitsDailyValue(Mineral::Sodium, 250, 11));
        CHECK(fitsDailyValue(Mineral::Potassium, 200, 4));
        CHECK(fitsDailyValue(Mineral::Magnesium, 60, 14));
        CHECK(fitsDailyValue(Mineral::Calcium, 20, 2));
        CHECK(fitsDailyValue(Mineral::Sodium, 0, 0));
        CHECK(fitsDailyValue(Mineral::Potassium, 30, 0.5));
        CHECK_FALSE(fitsDailyValue(Mineral::Potassium, 0.29, 4));
        CHECK_FALSE(fitsDailyValue(Mineral::Potassium, 200000, 4));
        CHECK(dailyValues(DvEra::Pre2016).of(Mineral::Sodium) == 2400);
        CHECK(dailyValues(DvEra::Current).of(Mineral::Magnesium) == 420);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{
    TEST_CASE("old mandatory vitamin rows as %DV only")
    {
        CHECK(eraEvidenceFromText({"Vitamin A 10% \xe2\x80\xa2 Vitamin C 25%"}).pre2016 == 2);
        CHECK(eraEvidenceFromText({"Vitamin C 100%"}).pre2016 == 2);
        CHECK(eraEvidenceFromText({"Vitamin A 90mcg 10%"}).pre2016 == 0);
        CHECK(eraEvidenceFromText({"Vitamin D 2mcg 10%"}).pre2016 == 0);
    }

    TEST_CASE("an amount rounds to its whole %DV in either era")
    {
        CHECK(roundsToDailyValue(Mineral::Sodium, 30, 1));       // 1.3 %
        CHECK_FALSE(roundsToDailyValue(Mineral::Sodium, 50, 1)); // 2.2 %, though it fits loosely
        CHECK(fitsDailyValue(Mineral::Sodium, 50, 1));
        CHECK(roundsToDailyValue(Mineral::Calcium, 85, 7));   // 6.5 %
        CHECK(roundsToDailyValue(Mineral::Magnesium, 11, 3)); // 2.6 %
        CHECK_FALSE(roundsToDailyValue(Mineral::Magnesium, 111, 3));
        CHECK(roundsToDailyValue(Mineral::Potassium, 350, 10));    // 10 % of 3500 mg (pre-2016)
        CHECK_FALSE(roundsToDailyValue(Mineral::Calcium, 1, 0.5)); // "<1%" gives no whole percent
    }

    TEST_CASE("a read amount confirmed by the whole %DV beside it")
    {
        MineralAmount a;
        a.amount = 130;
        a.unit = AmountUnit::Mg;
        a.mg = 130;
        a.dailyValuePct = 31; // 31 % of 420 mg
        CHECK(confirmedByDailyValue(Mineral::Magnesium, a));
        a.amount = a.mg = 30; // "| 30mg" with the 1 lost: 7 %
        CHECK_FALSE(confirmedByDailyValue(Mineral::Magnesium, a));
        a.dailyValuePct.reset(); // no %DV read: nothing confirms it
        CHECK_FALSE(confirmedByDailyValue(Mineral::Magnesium, a));
        a.dailyValuePct = 7;
        CHECK(confirmedByDailyValue(Mineral::Magnesium, a));
        a.estimated = true; // an amount estimated from the %DV agrees with it by construction
        a.amount.reset();
        a.unit.reset();
        CHECK_FALSE(confirmedByDailyValue(Mineral::Magnesium, a));
        MineralAmount small;
        small.amount = small.mg = 5;
        small.unit = AmountUnit::Mg;
        small.dailyValuePct = 0.5; // "<1%"
        CHECK_FALSE(confirmedByDailyValue(Mineral::Sodium, small));
    }

} // TEST_SUITE
