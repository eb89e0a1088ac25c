#include "labelcheck/pipeline/verdict.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::pipeline;

namespace {

MineralAmount mg(double v, double dv = 0)
{
    MineralAmount a;
    a.amount = v;
    a.unit = AmountUnit::Mg;
    a.mg = v;
    if (dv > 0)
        a.dailyValuePct = dv;
    return a;
}

LabelReading panelWith(std::array<std::optional<MineralAmount>, 4> minerals, bool claim)
{
    LabelReading l;
    l.facts = facts::Facts{};
    l.facts->panel = PanelType::SupplementFacts;
    l.facts->minerals = minerals;
    l.facts->electrolyteClaim = claim;
    facts::Nutrient row;
    row.name = "Total Carbohydrate";
    row.canonical = "total carbohydrate";
    l.facts->nutrients.push_back(row); // a panel counts as read when it has a row
    return l;
}

LabelReading titleOnly()
{
    LabelReading l;
    l.facts = facts::Facts{};
    l.facts->panel = PanelType::NutritionFacts;
    return l;
}

db::Product product(std::array<std::optional<double>, 4> minerals, bool claim)
{
    db::Product p;
    p.gtin14 = "02001234567893";
    p.brand = "Example Co";
    p.name = "Citrus Electrolyte Drink Mix";
    p.electrolyteClaim = claim;
    p.mineralMg = minerals;
    return p;
}

} // namespace

TEST_SUITE("pipeline")
{
    TEST_CASE("nothing read and no record: unreadable, all four missing, database per consultation")
    {
        CheckResult r;
        applyVerdict(r, LabelReading{}, false, nullptr);
        CHECK(r.verdict == Verdict::Unreadable);
        CHECK(r.missing.size() == 4);
        CHECK_FALSE(r.database);
        applyVerdict(r, LabelReading{}, true, nullptr);
        REQUIRE(r.database);
        CHECK_FALSE(r.database->found);
        CHECK(r.verdict == Verdict::Unreadable);
    }

    TEST_CASE("a claimed electrolyte panel lacking calcium is incomplete; a zero counts as missing")
    {
        CheckResult r;
        applyVerdict(r, panelWith({mg(200, 9), mg(99, 2), std::nullopt, mg(0)}, true), false, nullptr);
        CHECK(r.panel == PanelType::SupplementFacts);
        CHECK(r.electrolyteClaim);
        CHECK(r.missing == std::vector<Mineral>{Mineral::Calcium, Mineral::Magnesium});
        CHECK(r.verdict == Verdict::Incomplete);
    }

    TEST_CASE("all four declared is complete; no claim anywhere is not_electrolyte")
    {
        CheckResult r;
        applyVerdict(r, panelWith({mg(200), mg(99), mg(20), mg(60)}, true), false, nullptr);
        CHECK(r.missing.empty());
        CHECK(r.verdict == Verdict::Complete);
        applyVerdict(r, panelWith({mg(200), std::nullopt, std::nullopt, std::nullopt}, false), false, nullptr);
        CHECK(r.verdict == Verdict::NotElectrolyte);
        CHECK(r.missing.size() == 3);
    }

    TEST_CASE("the claim may come from the rest of the photo or from the database record")
    {
        CheckResult r;
        LabelReading l = panelWith({mg(200), std::nullopt, std::nullopt, std::nullopt}, false);
        l.photoClaimsElectrolytes = true;
        applyVerdict(r, l, false, nullptr);
        CHECK(r.electrolyteClaim);
        CHECK(r.verdict == Verdict::Incomplete);

        LabelReading plain = panelWith({mg(200), std::nullopt, std::nullopt, std::nullopt}, false);
        auto p = product({200.0, std::nullopt, std::nullopt, std::nullopt}, true);
        applyVerdict(r, plain, true, &p);
        CHECK(r.electrolyteClaim);
        REQUIRE(r.product);
        CHECK(r.product->source == "database");
        CHECK(r.verdict == Verdict::Incomplete);
    }

    TEST_CASE("mentioned compounds of missing minerals are reported, declared ones are not")
    {
        CheckResult r;
        LabelReading l = panelWith({mg(200), std::nullopt, std::nullopt, std::nullopt}, true);
        l.facts->mentioned[index(Mineral::Magnesium)] = true;
        l.facts->mentioned[index(Mineral::Sodium)] = true;
        l.photoMentions[index(Mineral::Potassium)] = true;
        applyVerdict(r, l, false, nullptr);
        CHECK(r.mentionedNotDeclared == std::vector<Mineral>{Mineral::Potassium, Mineral::Magnesium});
    }

    TEST_CASE("without a readable panel the database record answers")
    {
        CheckResult r;
        auto p = product({200.0, 99.0, std::nullopt, 60.0}, true);
        applyVerdict(r, LabelReading{}, true, &p);
        CHECK_FALSE(r.panel);
        REQUIRE(r.minerals[index(Mineral::Sodium)]);
        CHECK(r.minerals[index(Mineral::Sodium)]->mg == 200);
        CHECK(r.missing == std::vector<Mineral>{Mineral::Calcium});
        CHECK(r.verdict == Verdict::Incomplete);
        REQUIRE(r.database);
        CHECK(r.database->found);
        CHECK(r.database->mismatches.empty()); // nothing on the label to compare
    }

    TEST_CASE("a panel title without any readable row is a panel found, not read: unreadable without a record")
    {
        CheckResult r;
        applyVerdict(r, titleOnly(), false, nullptr);
        CHECK(r.panel == PanelType::NutritionFacts);
        CHECK(r.verdict == Verdict::Unreadable);
    }

    TEST_CASE("mismatches: beyond rounding tolerance, or declared on one side only")
    {
        CheckResult r;
        auto p = product({200.0, 100.0, 50.0, std::nullopt}, true);
        applyVerdict(r, panelWith({mg(200), mg(150), std::nullopt, mg(60)}, true), true, &p);
        REQUIRE(r.database);
        REQUIRE(r.database->mismatches.size() == 3);
        CHECK(r.database->mismatches[0].mineral == Mineral::Potassium);
        CHECK(r.database->mismatches[0].labelMg == 150);
        CHECK(r.database->mismatches[0].databaseMg == 100);
        CHECK(r.database->mismatches[1].mineral == Mineral::Calcium);
        CHECK_FALSE(r.database->mismatches[1].labelMg);
        CHECK(r.database->mismatches[2].mineral == Mineral::Magnesium);
        CHECK_FALSE(r.database->mismatches[2].databaseMg);
    }
}
