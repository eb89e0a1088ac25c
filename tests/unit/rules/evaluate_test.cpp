#include "labelcheck/rules/evaluate.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::rules;

namespace {
MineralAmount mg(double v, float conf = 0.9f)
{
    MineralAmount a;
    a.amount = v;
    a.unit = AmountUnit::Mg;
    a.mg = v;
    a.confidence = conf;
    return a;
}

LabelFindings lmnt()
{
    LabelFindings l;
    l.panelRead = true;
    l.electrolyteClaim = true;
    l.minerals = {mg(1000), mg(200), std::nullopt, mg(60)};
    return l;
}
} // namespace

TEST_SUITE("rules")
{

    TEST_CASE("claimed electrolytes with calcium missing is incomplete")
    {
        Evaluation ev = evaluate(lmnt(), std::nullopt, false);
        CHECK(ev.verdict == Verdict::Incomplete);
        REQUIRE(ev.missing.size() == 1);
        CHECK(ev.missing[0] == Mineral::Calcium);
        CHECK(ev.mentionedNotDeclared.empty());
        CHECK_FALSE(ev.database);
        CHECK(ev.confidence == doctest::Approx(0.9));
    }

    TEST_CASE("all four declared is complete")
    {
        LabelFindings l = lmnt();
        l.minerals[index(Mineral::Calcium)] = mg(20);
        Evaluation ev = evaluate(l, std::nullopt, false);
        CHECK(ev.verdict == Verdict::Complete);
        CHECK(ev.missing.empty());
    }

    TEST_CASE("a declared zero is missing")
    {
        LabelFindings l = lmnt();
        l.minerals[index(Mineral::Calcium)] = mg(20);
        l.minerals[index(Mineral::Potassium)] = mg(0);
        Evaluation ev = evaluate(l, std::nullopt, false);
        CHECK(ev.verdict == Verdict::Incomplete);
        REQUIRE(ev.missing.size() == 1);
        CHECK(ev.missing[0] == Mineral::Potassium);
        REQUIRE(ev.minerals[index(Mineral::Potassium)]);
        CHECK(ev.minerals[index(Mineral::Potassium)]->mg == 0);
    }

    TEST_CASE("no claim is not_electrolyte, with missing still reported")
    {
        LabelFindings l = lmnt();
        l.electrolyteClaim = false;
        Evaluation ev = evaluate(l, std::nullopt, false);
        CHECK(ev.verdict == Verdict::NotElectrolyte);
        CHECK(ev.missing.size() == 1);
    }

    TEST_CASE("the record's claim counts")
    {
        LabelFindings l = lmnt();
        l.electrolyteClaim = false;
        ReferenceMinerals ref;
        ref.mg = {1000.0, 200.0, std::nullopt, 60.0};
        ref.electrolyteClaim = true;
        Evaluation ev = evaluate(l, ref, true);
        CHECK(ev.electrolyteClaim);
        CHECK(ev.verdict == Verdict::Incomplete);
        REQUIRE(ev.database);
        CHECK(ev.database->found);
        CHECK(ev.database->mismatches.empty());
    }

    TEST_CASE("unreadable: no panel, no record")
    {
        LabelFindings l;
        l.electrolyteClaim = true;
        Evaluation ev = evaluate(l, std::nullopt, true);
        CHECK(ev.verdict == Verdict::Unreadable);
        CHECK(ev.confidence == 0);
        REQUIRE(ev.database);
        CHECK_FALSE(ev.database->found);
    }

    TEST_CASE("no panel but a record: the record decides")
    {
        LabelFindings l;
        l.electrolyteClaim = true;
        ReferenceMinerals ref;
        ref.mg = {500.0, 370.0, std::nullopt, 25.0};
        Evaluation ev = evaluate(l, ref, true);
        CHECK(ev.mineralsFromDatabase);
        CHECK(ev.verdict == Verdict::Incomplete);
        REQUIRE(ev.missing.size() == 1);
        CHECK(ev.missing[0] == Mineral::Calcium);
        REQUIRE(ev.minerals[index(Mineral::Sodium)]);
        CHECK(ev.minerals[index(Mineral::Sodium)]->mg == 500);
        CHECK(ev.database->mismatches.empty());
        ref.mg[index(Mineral::Calcium)] = 20.0;
        CHECK(evaluate(l, ref, true).verdict == Verdict::Complete);
    }

    TEST_CASE("an unreadable row is not called missing; confidence drops")
    {
        LabelFindings l = lmnt();
        l.minerals[index(Mineral::Calcium)] = std::nullopt;
        l.unreadable[index(Mineral::Calcium)] = true;
        Evaluation ev = evaluate(l, std::nullopt, false);
        CHECK(ev.missing.empty());
        CHECK(ev.verdict == Verdict::Complete);
        REQUIRE(ev.uncertain.size() == 1);
        CHECK(ev.uncertain[0] == Mineral::Calcium);
        CHECK(ev.confidence <= 0.5);
        // The contract's invariant holds: a mineral not in `missing` is not null. It is declared, amount unknown.
        REQUIRE(ev.minerals[index(Mineral::Calcium)]);
        CHECK(ev.minerals[index(Mineral::Calcium)]->unreadable);
        CHECK_FALSE(ev.minerals[index(Mineral::Calcium)]->amount);
        CHECK(ev.minerals[index(Mineral::Calcium)]->confidence == 0.0);
    }

    TEST_CASE("a panel whose every mineral row is unreadable is unreadable, not complete")
    {
        LabelFindings l = lmnt();
        for (Mineral m : kMinerals) {
            l.minerals[index(m)] = std::nullopt;
            l.unreadable[index(m)] = true;
        }
        Evaluation ev = evaluate(l, std::nullopt, false);
        CHECK(ev.verdict == Verdict::Unreadable);
        CHECK(ev.missing.empty());
        CHECK(ev.confidence == 0);
        // One mineral read: the others are declared, amounts unknown.
        l.minerals[index(Mineral::Sodium)] = mg(300);
        l.unreadable[index(Mineral::Sodium)] = false;
        ev = evaluate(l, std::nullopt, false);
        CHECK(ev.verdict == Verdict::Complete);
        CHECK(ev.confidence <= 0.5);
    }

    TEST_CASE("an unreadable row is resolved by the record")
    {
        LabelFindings l = lmnt();
        l.unreadable[index(Mineral::Calcium)] = true;
        ReferenceMinerals ref;
        ref.mg = {1000.0, 200.0, 20.0, 60.0};
        Evaluation ev = evaluate(l, ref, true);
        CHECK(ev.verdict == Verdict::Complete);
        CHECK(ev.uncertain.empty());
        REQUIRE(ev.minerals[index(Mineral::Calcium)]);
        CHECK(ev.minerals[index(Mineral::Calcium)]->mg == 20);
        // A record stating zero confirms it missing.
        ref.mg[index(Mineral::Calcium)] = 0.0;
        ev = evaluate(l, ref, true);
        CHECK(ev.verdict == Verdict::Incomplete);
        CHECK(ev.missing == std::vector<Mineral>{Mineral::Calcium});
    }

    TEST_CASE("mentioned but not declared")
    {
        LabelFindings l;
        l.panelRead = true;
        l.electrolyteClaim = true;
        l.minerals = {std::nullopt, std::nullopt, mg(40), std::nullopt};
        l.mentioned = {true, true, true, true};
        Evaluation ev = evaluate(l, std::nullopt, false);
        CHECK(ev.verdict == Verdict::Incomplete);
        CHECK(ev.mentionedNotDeclared == std::vector<Mineral>{Mineral::Sodium, Mineral::Potassium, Mineral::Magnesium});
    }

    TEST_CASE("mismatches are reported with the database")
    {
        ReferenceMinerals ref;
        ref.mg = {1000.0, 400.0, std::nullopt, 60.0};
        Evaluation ev = evaluate(lmnt(), ref, true);
        REQUIRE(ev.database);
        REQUIRE(ev.database->mismatches.size() == 1);
        CHECK(ev.database->mismatches[0].mineral == Mineral::Potassium);
    }

    TEST_CASE("applyEvaluation fills the contract fields only")
    {
        CheckResult r;
        r.file = "samples/lmnt-back.jpg";
        r.ok = true;
        r.panel = PanelType::SupplementFacts;
        ReferenceMinerals ref;
        ref.mg = {1000.0, 200.0, std::nullopt, 60.0};
        applyEvaluation(evaluate(lmnt(), ref, true), r);
        CHECK(r.file == "samples/lmnt-back.jpg");
        CHECK(r.ok);
        CHECK(r.panel == PanelType::SupplementFacts);
        CHECK(r.electrolyteClaim);
        CHECK(r.verdict == Verdict::Incomplete);
        CHECK(r.missing == std::vector<Mineral>{Mineral::Calcium});
        REQUIRE(r.minerals[index(Mineral::Sodium)]);
        CHECK(r.minerals[index(Mineral::Sodium)]->mg == 1000);
        REQUIRE(r.database);
        CHECK(r.database->found);
    }

} // TEST_SUITE
