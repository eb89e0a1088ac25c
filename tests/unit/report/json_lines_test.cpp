#include "labelcheck/report/json_lines.hpp"

#include "sample_results.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::report;

TEST_SUITE("report")
{
    TEST_CASE("the contract's example is written byte for byte, keys in contract order")
    {
        CHECK(toJsonLine(testing::contractExample()) ==
              R"({"file":"samples/lmnt-back.jpg","ok":true,"error":null,)"
              R"("barcode":{"text":"012345678905","format":"UPC-A","gtin14":"00012345678905"},)"
              R"("panel":"supplement_facts",)"
              R"("product":{"name":"Citrus Electrolyte Drink Mix","brand":"Example Co","source":"database"},)"
              R"("electrolyte_claim":true,"minerals":{)"
              R"("sodium":{"amount":200,"unit":"mg","mg":200,"daily_value_pct":9},)"
              R"("potassium":{"amount":99,"unit":"mg","mg":99,"daily_value_pct":2},)"
              R"("calcium":null,)"
              R"("magnesium":{"amount":0.06,"unit":"g","mg":60,"daily_value_pct":14}},)"
              R"("missing":["calcium"],"verdict":"incomplete","database":{"found":true,"mismatches":[]}})");
    }

    TEST_CASE("a failed file has ok false, a one-line error and nulls")
    {
        CHECK(toJsonLine(testing::failed()) ==
              R"({"file":"photos/empty.jpg","ok":false,"error":"empty file","barcode":null,"panel":null,)"
              R"("product":null,"electrolyte_claim":false,)"
              R"("minerals":{"sodium":null,"potassium":null,"calcium":null,"magnesium":null},)"
              R"("missing":["sodium","potassium","calcium","magnesium"],"verdict":"unreadable","database":null})");
    }

    TEST_CASE("estimated minerals, confidences, <1% and mentioned_not_declared")
    {
        CheckResult r;
        r.file = "a.png";
        r.ok = true;
        r.panel = PanelType::NutritionFacts;
        r.minerals[index(Mineral::Calcium)] = MineralAmount{std::nullopt, std::nullopt, 130.0, 10.0, true, 0.875};
        r.minerals[index(Mineral::Sodium)] = MineralAmount{5.0, AmountUnit::Mg, 5.0, 0.5, false, 0.9};
        r.missing = {Mineral::Potassium, Mineral::Magnesium};
        r.mentionedNotDeclared = {Mineral::Magnesium};
        r.verdict = Verdict::NotElectrolyte;
        const std::string line = toJsonLine(r);
        CHECK(line.find(R"("sodium":{"amount":5,"unit":"mg","mg":5,"daily_value_pct":0.5,"confidence":0.9})") !=
              std::string::npos);
        CHECK(line.find(R"("calcium":{"amount":null,"unit":null,"mg":130,"daily_value_pct":10,"estimated":true,)"
                        R"("confidence":0.875})") != std::string::npos);
        CHECK(line.find(R"("missing":["potassium","magnesium"],"mentioned_not_declared":["magnesium"],)"
                        R"("verdict":"not_electrolyte")") != std::string::npos);
        CHECK(line.find('\n') == std::string::npos);
    }

    TEST_CASE("a row on the label whose amount is unreadable: declared, every value null")
    {
        CheckResult r = testing::contractExample();
        MineralAmount unreadable;
        unreadable.unreadable = true;
        unreadable.confidence = 0.0;
        r.minerals[index(Mineral::Calcium)] = unreadable;
        r.missing.clear();
        const std::string line = toJsonLine(r);
        CHECK(line.find(R"("calcium":{"amount":null,"unit":null,"mg":null,"daily_value_pct":null,"confidence":0})") !=
              std::string::npos);
        CHECK(line.find(R"("missing":[])") != std::string::npos);
    }

    TEST_CASE("floating-point residue is not printed: 1.1 g is 1100 mg")
    {
        CheckResult r = testing::contractExample();
        r.minerals[index(Mineral::Sodium)] = MineralAmount{1.1, AmountUnit::G, 1.1 * 1000, std::nullopt, false, {}};
        CHECK(toJsonLine(r).find(R"("sodium":{"amount":1.1,"unit":"g","mg":1100,"daily_value_pct":null})") !=
              std::string::npos);
    }

    TEST_CASE("mismatches and a database miss")
    {
        CheckResult r = testing::contractExample();
        r.database = DatabaseInfo{true, {Mismatch{Mineral::Sodium, 200.0, 250.0}}};
        CHECK(
            toJsonLine(r).find(
                R"("database":{"found":true,"mismatches":[{"mineral":"sodium","label_mg":200,"database_mg":250}]}})") !=
            std::string::npos);
        r.database = DatabaseInfo{false, {}};
        CHECK(toJsonLine(r).ends_with(R"("database":{"found":false,"mismatches":[]}})"));
    }

    TEST_CASE("quotes, backslashes and control characters in paths are escaped; bad UTF-8 does not throw")
    {
        CheckResult r = testing::failed();
        r.file = "dir \"x\"\\y\t.jpg";
        CHECK(toJsonLine(r).starts_with(R"({"file":"dir \"x\"\\y\t.jpg",)"));
        r.file = std::string("caf\xe9.jpg");
        CHECK(toJsonLine(r).starts_with("{\"file\":\"caf\xef\xbf\xbd.jpg\","));
    }
}
