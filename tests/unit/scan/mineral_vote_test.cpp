#include "labelcheck/scan/mineral_vote.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using scan::MineralState;
using scan::MineralVote;

namespace {

MineralAmount mg(double v, double confidence = 0.9, std::optional<double> dv = std::nullopt)
{
    MineralAmount a;
    a.amount = v;
    a.unit = AmountUnit::Mg;
    a.mg = v;
    a.dailyValuePct = dv;
    a.confidence = confidence;
    return a;
}

using Reading = std::array<std::optional<MineralAmount>, 4>;

} // namespace

TEST_SUITE("scan")
{
    TEST_CASE("nothing added: every mineral not read")
    {
        MineralVote v;
        for (Mineral m : kMinerals) {
            CHECK(v.state(m) == MineralState::NotRead);
            CHECK_FALSE(v.winner(m));
        }
    }

    TEST_CASE("the majority value wins over a misread")
    {
        MineralVote v;
        v.add({mg(200), std::nullopt, std::nullopt, std::nullopt});
        v.add({mg(700, 0.95), std::nullopt, std::nullopt, std::nullopt}); // 200 misread as 700
        v.add({mg(200), std::nullopt, std::nullopt, std::nullopt});
        auto w = v.winner(Mineral::Sodium);
        REQUIRE(w);
        CHECK(w->mg == doctest::Approx(200));
        CHECK(v.winnerVotes(Mineral::Sodium) == 2);
        CHECK(v.readings(Mineral::Sodium) == 3);
        // Confidence is scaled by the share of agreeing readings.
        CHECK(*w->confidence == doctest::Approx(0.9 * 2.0 / 3.0));
    }

    TEST_CASE("ties go to the higher summed confidence")
    {
        MineralVote v;
        v.add({mg(60, 0.4), std::nullopt, std::nullopt, std::nullopt});
        v.add({mg(80, 0.8), std::nullopt, std::nullopt, std::nullopt});
        CHECK(v.winner(Mineral::Sodium)->mg == doctest::Approx(80));
    }

    TEST_CASE("rows seen in different frames of a turning bottle are all merged")
    {
        MineralVote v;
        v.add({mg(200), mg(99), std::nullopt, std::nullopt});
        v.add({std::nullopt, mg(99), mg(20), std::nullopt});
        v.add({std::nullopt, std::nullopt, mg(20), mg(60)});
        const auto merged = v.merged();
        for (Mineral m : kMinerals) {
            CHECK(v.state(m) == MineralState::Present);
            CHECK(merged[index(m)]);
        }
        CHECK(merged[index(Mineral::Magnesium)]->mg == doctest::Approx(60));
    }

    TEST_CASE("absent from enough panel frames is missing; declared zero is missing")
    {
        MineralVote v({2});
        v.add({mg(200), mg(0), std::nullopt, std::nullopt});
        CHECK(v.state(Mineral::Calcium) == MineralState::NotRead);
        CHECK(v.state(Mineral::Potassium) == MineralState::Missing);
        v.add({mg(200), mg(0), std::nullopt, std::nullopt});
        CHECK(v.state(Mineral::Calcium) == MineralState::Missing);
        CHECK(v.state(Mineral::Sodium) == MineralState::Present);
    }

    TEST_CASE("equal values in other units or precision vote together; %DV is the most read one")
    {
        MineralVote v;
        MineralAmount g = mg(60, 0.9, 14);
        g.amount = 0.06;
        g.unit = AmountUnit::G;
        MineralAmount g2 = g;
        g2.amount = 0.060000001;
        g2.dailyValuePct = 15;
        MineralAmount g3 = g;
        v.add({std::nullopt, std::nullopt, std::nullopt, g});
        v.add({std::nullopt, std::nullopt, std::nullopt, g2});
        v.add({std::nullopt, std::nullopt, std::nullopt, g3});
        v.add({std::nullopt, std::nullopt, std::nullopt, mg(50)});
        auto w = v.winner(Mineral::Magnesium);
        REQUIRE(w);
        CHECK(v.winnerVotes(Mineral::Magnesium) == 3);
        CHECK(*w->unit == AmountUnit::G);
        CHECK(*w->dailyValuePct == doctest::Approx(14));
    }
}
