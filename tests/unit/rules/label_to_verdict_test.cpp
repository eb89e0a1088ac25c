// facts -> rules on whole panels: the path the pipeline takes, from OCR text to the contract's verdict.
#include "labelcheck/facts/electrolyte_claim.hpp"
#include "labelcheck/facts/facts.hpp"
#include "labelcheck/rules/evaluate.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;

namespace {

rules::Evaluation check(std::string_view panel, const std::vector<std::string>& otherText = {},
                        std::optional<rules::ReferenceMinerals> record = std::nullopt)
{
    facts::Facts f = facts::parseFactsText(panel);
    rules::LabelFindings l;
    l.panelRead = facts::panelReadable(f);
    l.minerals = f.minerals;
    l.unreadable = f.unreadable;
    l.mentioned = f.mentioned;
    l.electrolyteClaim = f.electrolyteClaim || facts::claimsElectrolytes(otherText);
    return rules::evaluate(l, record, record.has_value());
}

} // namespace

TEST_SUITE("rules")
{

    TEST_CASE("LMNT-like: no calcium")
    {
        auto ev = check(R"(Supplement Facts
Serving Size 1 Stick (6 g)
Sodium (as sodium chloride) 1000 mg 43%
Potassium (as potassium chloride) 200 mg 4%
Magnesium (as magnesium malate) 60 mg 14%)",
                        {"ELECTROLYTE DRINK MIX", "Citrus Salt"});
        CHECK(ev.verdict == Verdict::Incomplete);
        CHECK(ev.missing == std::vector<Mineral>{Mineral::Calcium});
    }

    TEST_CASE("Gatorade-like without a claim is not_electrolyte")
    {
        auto panel = R"(Nutrition Facts
Serving size 12 fl oz (355mL)
Calories 80
Sodium 160mg 7%
Total Carbohydrate 21g 8%
Potassium 45mg 1%
Not a significant source of saturated fat, trans fat, cholesterol, dietary fiber, vitamin D, calcium and iron.)";
        auto ev = check(panel, {"THIRST QUENCHER", "LEMON-LIME"});
        CHECK(ev.verdict == Verdict::NotElectrolyte);
        ev = check(panel, {"THIRST QUENCHER", "with ELECTROLYTES"});
        CHECK(ev.verdict == Verdict::Incomplete);
        CHECK(ev.missing == std::vector<Mineral>{Mineral::Calcium, Mineral::Magnesium});
    }

    TEST_CASE("a blend that names compounds without amounts")
    {
        auto ev = check(R"(Supplement Facts
Serving Size 1 Scoop (7 g)
Calcium (as calcium carbonate) 40 mg 3%
Electrolyte Blend 1.2 g †
Sodium Citrate, Potassium Chloride,
Magnesium Lactate
† Daily Value not established.)");
        CHECK(ev.verdict == Verdict::Incomplete);
        CHECK(ev.missing == std::vector<Mineral>{Mineral::Sodium, Mineral::Potassium, Mineral::Magnesium});
        CHECK(ev.mentionedNotDeclared == ev.missing);
    }

    TEST_CASE("complete panel")
    {
        auto ev = check(R"(Supplement Facts
Sodium 250 mg 11%
Potassium 0.2 g 4%
Calcium 20 mg 2%
Magnesium 60mg 14%)",
                        {"Hydration + Electrolytes"});
        CHECK(ev.verdict == Verdict::Complete);
        CHECK(ev.missing.empty());
    }

    TEST_CASE("an unreadable calcium row does not make the label incomplete")
    {
        auto ev = check(R"(Supplement Facts
Sodium 250 mg 11%
Potassium 0.2 g 4%
Calcium ~~ #
Magnesium 60mg 14%)",
                        {"ELECTROLYTES"});
        CHECK(ev.verdict == Verdict::Complete);
        CHECK(ev.missing.empty());
        CHECK(ev.uncertain == std::vector<Mineral>{Mineral::Calcium});
        CHECK(ev.confidence <= 0.5);
    }

    TEST_CASE("an explicit zero is missing")
    {
        auto ev = check(R"(Supplement Facts
Sodium 250 mg 11%
Potassium 0mg 0%
Calcium 20 mg 2%
Magnesium 60mg 14%)",
                        {"ELECTROLYTES"});
        CHECK(ev.verdict == Verdict::Incomplete);
        CHECK(ev.missing == std::vector<Mineral>{Mineral::Potassium});
    }

    TEST_CASE("label against its database record")
    {
        rules::ReferenceMinerals rec;
        rec.mg = {1000.0, 200.0, std::nullopt, 60.0};
        rec.electrolyteClaim = true;
        auto ev = check(R"(Supplement Facts
Sodium 1,000 mg 43%
Potassium 200 mg 4%
Magnesium 55 mg 13%)",
                        {}, rec);
        CHECK(ev.electrolyteClaim);
        REQUIRE(ev.database);
        CHECK(ev.database->mismatches.empty()); // 55 vs 60 mg magnesium is within 10%
        rec.mg[index(Mineral::Potassium)] = 400.0;
        ev = check("Supplement Facts\nSodium 1,000 mg 43%\nPotassium 200 mg 4%\nMagnesium 60 mg 14%", {}, rec);
        REQUIRE(ev.database->mismatches.size() == 1);
        CHECK(ev.database->mismatches[0].mineral == Mineral::Potassium);
    }

    TEST_CASE("photo with no readable panel uses the record")
    {
        rules::ReferenceMinerals rec;
        rec.mg = {360.0, 140.0, std::nullopt, std::nullopt};
        auto ev = check("~~ ## blurry", {"Electrolyte Powder"}, rec);
        CHECK(ev.mineralsFromDatabase);
        CHECK(ev.verdict == Verdict::Incomplete);
        CHECK(ev.missing == std::vector<Mineral>{Mineral::Calcium, Mineral::Magnesium});
        ev = check("~~ ## blurry", {"Electrolyte Powder"});
        CHECK(ev.verdict == Verdict::Unreadable);
    }

} // TEST_SUITE
