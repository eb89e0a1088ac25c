#include "labelcheck/rules/mismatch.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::rules;

namespace {
MineralAmount mg(double v)
{
    MineralAmount a;
    a.amount = v;
    a.unit = AmountUnit::Mg;
    a.mg = v;
    return a;
}

LabelFindings label(std::array<std::optional<MineralAmount>, 4> m)
{
    LabelFindings l;
    l.panelRead = true;
    l.minerals = m;
    return l;
}
} // namespace

TEST_SUITE("rules")
{

    TEST_CASE("values within rounding do not mismatch")
    {
        ReferenceMinerals ref;
        ref.mg = {252.0, 198.0, std::nullopt, 62.0};
        CHECK(findMismatches(label({mg(250), mg(200), std::nullopt, mg(60)}), ref).empty());
    }

    TEST_CASE("a different value mismatches")
    {
        ReferenceMinerals ref;
        ref.mg = {500.0, 200.0, std::nullopt, 60.0};
        auto mm = findMismatches(label({mg(250), mg(200), std::nullopt, mg(60)}), ref);
        REQUIRE(mm.size() == 1);
        CHECK(mm[0].mineral == Mineral::Sodium);
        CHECK(mm[0].labelMg == 250);
        CHECK(mm[0].databaseMg == 500);
    }

    TEST_CASE("present on one side only")
    {
        ReferenceMinerals ref;
        ref.mg = {250.0, std::nullopt, 20.0, 60.0};
        auto mm = findMismatches(label({mg(250), mg(200), std::nullopt, mg(60)}), ref);
        REQUIRE(mm.size() == 2);
        CHECK(mm[0].mineral == Mineral::Potassium);
        CHECK(mm[0].labelMg == 200);
        CHECK_FALSE(mm[0].databaseMg);
        CHECK(mm[1].mineral == Mineral::Calcium);
        CHECK_FALSE(mm[1].labelMg);
        CHECK(mm[1].databaseMg == 20);
    }

    TEST_CASE("declared zero agrees with absent")
    {
        ReferenceMinerals ref;
        ref.mg = {0.0, std::nullopt, 3.0, std::nullopt};
        CHECK(findMismatches(label({std::nullopt, mg(0), std::nullopt, std::nullopt}), ref).empty());
    }

    TEST_CASE("an unreadable row is not compared")
    {
        ReferenceMinerals ref;
        ref.mg = {250.0, 200.0, std::nullopt, std::nullopt};
        LabelFindings l = label({mg(250), std::nullopt, std::nullopt, std::nullopt});
        l.unreadable[index(Mineral::Potassium)] = true;
        CHECK(findMismatches(l, ref).empty());
    }

    TEST_CASE("no panel, nothing to compare")
    {
        ReferenceMinerals ref;
        ref.mg = {250.0, 200.0, 20.0, 60.0};
        LabelFindings l;
        CHECK(findMismatches(l, ref).empty());
    }

    TEST_CASE("estimated %DV values use the %DV tolerance")
    {
        MineralAmount ca;
        ca.mg = 100;
        ca.dailyValuePct = 10;
        ca.estimated = true;
        ReferenceMinerals ref;
        ref.mg = {std::nullopt, std::nullopt, 120.0, std::nullopt};
        CHECK(findMismatches(label({std::nullopt, std::nullopt, ca, std::nullopt}), ref).empty());
    }

} // TEST_SUITE
