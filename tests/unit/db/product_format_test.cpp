#include "labelcheck/db/product_format.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::db;

TEST_SUITE("db")
{

    TEST_CASE("csv header is the documented column list")
    {
        CHECK(csvHeader() == "gtin14,brand,name,form,serving_size,electrolyte_claim,sodium_mg,sodium_dv,potassium_mg,"
                             "potassium_dv,calcium_mg,calcium_dv,magnesium_mg,magnesium_dv,source,source_id,sample");
        CHECK(csvColumns().size() == 17);
    }

    TEST_CASE("csv rows quote only what needs quoting and keep numbers exact")
    {
        Product p;
        p.gtin14 = "00012345678905";
        p.brand = "Acme, Inc.";
        p.name = "Salt \"Tabs\"";
        p.electrolyteClaim = true;
        p.mineralMg[index(Mineral::Sodium)] = 200;
        p.dailyValuePct[index(Mineral::Sodium)] = 0.5;
        p.mineralMg[index(Mineral::Magnesium)] = 12.345;
        p.source = "manual";
        CHECK(toCsvRow(p) == "00012345678905,\"Acme, Inc.\",\"Salt \"\"Tabs\"\"\",,,1,200,0.5,,,,,12.345,,manual,,0");
    }

    TEST_CASE("csv fields: errors name the column")
    {
        std::vector<std::string> f = {"012345678905", "B", "N", "", "", "1", "x", "", "", "", "", "", "", "",
                                      "csv",          "",  "0"};
        auto r = productFromCsvFields(f);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("sodium_mg 'x'") != std::string::npos);
        f[6] = "5";
        f[5] = "yes";
        CHECK(productFromCsvFields(f).error().message.find("electrolyte_claim") != std::string::npos);
        f[5] = "0";
        auto ok = productFromCsvFields(f);
        REQUIRE(ok.ok());
        CHECK(ok->gtin14 == "00012345678905");
        CHECK(*ok->mg(Mineral::Sodium) == 5);
    }

    TEST_CASE("json: toJson and productFromJson agree")
    {
        Product p;
        p.gtin14 = "00012345678905";
        p.brand = "Acme";
        p.name = "Mix \"Ü\"";
        p.electrolyteClaim = true;
        p.mineralMg[index(Mineral::Potassium)] = 99;
        p.dailyValuePct[index(Mineral::Potassium)] = 2;
        p.source = "off";
        p.sourceId = "123";
        const std::string j = toJson(p);
        CHECK(j.find("\"calcium\":null") != std::string::npos);
        CHECK(j.find("\"potassium\":{\"mg\":99.0,\"daily_value_pct\":2.0}") != std::string::npos);
        auto back = productFromJson(j);
        REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
        CHECK(back->name == p.name);
        CHECK(back->mineralMg == p.mineralMg);
        CHECK(back->dailyValuePct == p.dailyValuePct);
        CHECK(back->source == "off");
    }

    TEST_CASE("json: flat keys, shorthand numbers, defaults and errors")
    {
        auto p = productFromJson(R"({"code": "7 39930 19531 8", "name": "X", "sodium_mg": 200, "magnesium_dv": 14,
                                 "minerals": {"calcium": 30}})");
        REQUIRE_MESSAGE(p.ok(), (p.ok() ? "" : p.error().message));
        CHECK(p->gtin14 == "00739930195318");
        CHECK(p->source == "manual");
        CHECK(*p->mg(Mineral::Sodium) == 200);
        CHECK(*p->dv(Mineral::Magnesium) == 14);
        CHECK(*p->mg(Mineral::Calcium) == 30);
        CHECK_FALSE(productFromJson("{").ok());
        CHECK_FALSE(productFromJson("[]").ok());
        CHECK_FALSE(productFromJson(R"({"name": "no code"})").ok());
        CHECK_FALSE(productFromJson(R"({"gtin14": "012345678906"})").ok());
        CHECK_FALSE(productFromJson(R"({"gtin14": 12345678905})").ok());
        CHECK_FALSE(productFromJson(R"({"gtin14": "012345678905", "colour": "red"})").ok());
        CHECK_FALSE(productFromJson(R"({"gtin14": "012345678905", "sodium_mg": -1})").ok());
        CHECK_FALSE(productFromJson(R"({"gtin14": "012345678905", "minerals": {"iron": 3}})").ok());
    }

    TEST_CASE("numbers: shortest exact text and strict parsing")
    {
        CHECK(formatNumber(200) == "200");
        CHECK(formatNumber(0.5) == "0.5");
        CHECK(formatNumber(0.1 + 0.2) == "0.30000000000000004");
        CHECK(parseNumber(" 12.5 ") == 12.5);
        CHECK(parseNumber("+3") == 3.0);
        CHECK_FALSE(parseNumber("12abc").has_value());
        CHECK_FALSE(parseNumber("").has_value());
        CHECK_FALSE(parseNumber("nan").has_value());
        CHECK_FALSE(parseNumber("inf").has_value());
    }

} // TEST_SUITE
