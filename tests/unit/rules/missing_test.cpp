#include "labelcheck/rules/missing.hpp"

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
} // namespace

TEST_SUITE("rules")
{

    TEST_CASE("null and declared zero are missing, in contract order")
    {
        std::array<std::optional<MineralAmount>, 4> m;
        m[index(Mineral::Sodium)] = mg(250);
        m[index(Mineral::Magnesium)] = mg(0);
        auto missing = missingMinerals(m);
        REQUIRE(missing.size() == 3);
        CHECK(missing[0] == Mineral::Potassium);
        CHECK(missing[1] == Mineral::Calcium);
        CHECK(missing[2] == Mineral::Magnesium);
    }

    TEST_CASE("all four present")
    {
        std::array<std::optional<MineralAmount>, 4> m = {mg(1), mg(2), mg(3), mg(4)};
        CHECK(missingMinerals(m).empty());
    }

    TEST_CASE("an unreadable row is not missing")
    {
        std::array<std::optional<MineralAmount>, 4> m = {mg(250), std::nullopt, mg(20), mg(60)};
        CHECK(missingMinerals(m, {false, true, false, false}).empty());
        // Uncertainty never hides a declared zero.
        m[index(Mineral::Sodium)] = mg(0);
        auto missing = missingMinerals(m, {true, true, false, false});
        REQUIRE(missing.size() == 1);
        CHECK(missing[0] == Mineral::Sodium);
    }

    TEST_CASE("mentioned but not declared keeps contract order")
    {
        auto out = mentionedNotDeclared({Mineral::Sodium, Mineral::Magnesium}, {true, true, false, true});
        REQUIRE(out.size() == 2);
        CHECK(out[0] == Mineral::Sodium);
        CHECK(out[1] == Mineral::Magnesium);
        // Declared as zero: missing, but not "mentioned, not declared" (seed 777's 131: "Sodium 0mg 0%", salt in
        // the ingredients).
        std::array<std::optional<MineralAmount>, 4> declared{};
        declared[index(Mineral::Sodium)] = mg(0);
        out = mentionedNotDeclared({Mineral::Sodium, Mineral::Magnesium}, {true, true, false, true}, declared);
        CHECK(out == std::vector<Mineral>{Mineral::Magnesium});
        CHECK(isMissing(std::nullopt));
        CHECK(isMissing(mg(0)));
        CHECK_FALSE(isMissing(mg(0.25))); // 250 mcg is declared, not zero
        CHECK_FALSE(isMissing(mg(1)));
    }

} // TEST_SUITE
