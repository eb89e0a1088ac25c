#include "labelcheck/facts/amount.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace labelcheck;
using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("amounts with and without a space")
    {
        auto a = parseAmount("250 mg");
        REQUIRE(a);
        CHECK(a->value == 250);
        CHECK(a->unit == AmountUnit::Mg);
        CHECK_FALSE(a->ocrFixed);
        a = parseAmount("130mg");
        REQUIRE(a);
        CHECK(a->value == 130);
        CHECK(a->unit == AmountUnit::Mg);
        a = parseAmount("0.2 g");
        REQUIRE(a);
        CHECK(a->value == doctest::Approx(0.2));
        CHECK(a->unit == AmountUnit::G);
        CHECK(toMg(a->value, *a->unit) == doctest::Approx(200));
    }

    TEST_CASE("micrograms in every spelling")
    {
        for (const char* s : {"150mcg", "150 mcg", "150\xc2\xb5g", "150 \xce\xbcg", "150ug", "150 meg"}) {
            auto a = parseAmount(s);
            REQUIRE_MESSAGE(a, s);
            CHECK(a->value == 150);
            CHECK(a->unit == AmountUnit::Mcg);
        }
        CHECK(toMg(150, AmountUnit::Mcg) == doctest::Approx(0.15));
    }

    TEST_CASE("thousands comma and decimal comma")
    {
        CHECK(parseAmount("2,400mg")->value == 2400);
        CHECK(parseAmount("1,000 mg")->value == 1000);
        CHECK(parseAmount("0,2 g")->value == doctest::Approx(0.2));
        CHECK(parseNumber("12,5") == doctest::Approx(12.5));
    }

    TEST_CASE("OCR digit lookalikes inside numbers")
    {
        bool fixed = false;
        CHECK(parseNumber("25O", &fixed) == 250);
        CHECK(fixed);
        CHECK(parseNumber("l30") == 130);
        CHECK(parseNumber("I0") == 10);
        CHECK(parseNumber("1S") == 15);
        auto a = parseAmount("25Omg");
        REQUIRE(a);
        CHECK(a->value == 250);
        CHECK(a->unit == AmountUnit::Mg);
        CHECK(a->ocrFixed);
        a = parseAmount("O mg");
        REQUIRE(a);
        CHECK(a->value == 0);
        // Words are not numbers.
        CHECK_FALSE(parseNumber("lO"));
        CHECK_FALSE(parseNumber("Sodium"));
        CHECK_FALSE(parseAmount("Iron"));
        CHECK_FALSE(parseAmount("Is"));
    }

    TEST_CASE("a number made only of lookalikes reads before a mass unit")
    {
        for (auto [text, value] : {std::pair{"llmg", 11.0},
                                   {"limg", 11.0},
                                   {"Img", 1.0},
                                   {"lO mg", 10.0},
                                   {"Il mcg", 11.0},
                                   {"LOmg", 10.0}}) {
            auto a = parseAmount(text);
            REQUIRE_MESSAGE(a, text);
            CHECK(a->value == value);
            CHECK(a->unit);
            CHECK(a->ocrFixed);
        }
        // Not before grams or other units, and not as a bare number: those are words.
        CHECK_FALSE(parseAmount("log"));
        CHECK_FALSE(parseAmount("Ill"));
        CHECK_FALSE(parseAmount("lO IU"));
        CHECK_FALSE(parseAmount("llllmg"));
        // L only as a 1's foot, first.
        CHECK_FALSE(parseAmount("lLmg"));
    }

    TEST_CASE("OCR specks between the number and its unit")
    {
        CHECK(parseAmount("17:mg,.")->value == 17);
        CHECK(parseAmount("17:mg,.")->unit == AmountUnit::Mg);
        CHECK(parseAmount("35 .mg")->value == 35);
        CHECK(parseAmount("\xe2\x80\x9c"
                          "500 meg")
                  ->value == 500);
        CHECK(parseAmount("'45mg")->value == 45);
        CHECK(parseAmount("0.2g")->value == doctest::Approx(0.2));
        CHECK(parseAmount("1,000 mg")->value == 1000);
    }

    TEST_CASE("OCR unit misreadings")
    {
        for (const char* s : {"130 rng", "130rng", "130mq", "130 m9", "130mg."}) {
            auto a = parseAmount(s);
            REQUIRE_MESSAGE(a, s);
            CHECK(a->value == 130);
            CHECK(a->unit == AmountUnit::Mg);
        }
        CHECK(parseAmount("130 rng")->ocrFixed);
        // The m's first leg lost to blur: "Sodium Org" (seed 777's 073), where "Orng" read other rows.
        for (const char* s : {"Org", "0rg", "30rg"}) {
            auto a = parseAmount(s);
            REQUIRE_MESSAGE(a, s);
            CHECK(a->unit == AmountUnit::Mg);
            CHECK(a->ocrFixed);
        }
        CHECK(parseAmount("30rg")->value == 30);
        CHECK_FALSE(parseAmount("130 mg")->ocrFixed);
    }

    TEST_CASE("a bare number ending in 9 offers the g reading")
    {
        auto a = parseAmount("0.29");
        REQUIRE(a);
        CHECK_FALSE(a->unit);
        CHECK(a->value == doctest::Approx(0.29));
        REQUIRE(a->trailingNineAsGram);
        CHECK(*a->trailingNineAsGram == doctest::Approx(0.2));
        a = parseAmount("250");
        REQUIRE(a);
        CHECK_FALSE(a->unit);
        CHECK_FALSE(a->trailingNineAsGram);
    }

    TEST_CASE("less-than and non-mass units")
    {
        auto a = parseAmount("<1g");
        REQUIRE(a);
        CHECK(a->lessThan);
        CHECK(a->unit == AmountUnit::G);
        a = parseAmount("400 IU");
        REQUIRE(a);
        CHECK_FALSE(a->unit);
        CHECK(a->unitText == "iu");
        CHECK_FALSE(parseAmount("250 sticks"));
        CHECK_FALSE(parseAmount("mg"));
        CHECK_FALSE(parseAmount(""));
    }

    TEST_CASE("surrounding punctuation is ignored")
    {
        CHECK(parseAmount("(6 g)")->value == 6);
        CHECK(parseAmount("115mg,")->value == 115);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("a lost decimal point after a leading zero")
    {
        bool fixed = false;
        CHECK(parseNumber("04", &fixed) == doctest::Approx(0.4));
        CHECK(fixed);
        CHECK(parseAmount("04g")->value == doctest::Approx(0.4));
        CHECK(parseNumber("0") == 0);
        CHECK(parseNumber("10") == 10);
    }

    TEST_CASE("every reading of a garbled amount")
    {
        auto mgs = [](std::string_view text) {
            std::vector<double> out;
            for (const Amount& a : lookalikeAmounts(text)) {
                CHECK(a.ocrFixed);
                out.push_back(toMg(a.value, *a.unit));
            }
            std::sort(out.begin(), out.end());
            return out;
        };
        // A lower-case s stands for 5 or 3; the number's glyphs may run up to the unit.
        CHECK(mgs("somg") == std::vector<double>{30, 50});
        // The i before mg is a speck or a 1.
        CHECK(mgs("llimg") == std::vector<double>{11, 111});
        CHECK(mgs("iS img") == std::vector<double>{15, 151});
        // An a stands for 8 or, less likely, 4: each reading says how many glyphs took a less likely digit.
        CHECK(mgs("a5mg") == std::vector<double>{45, 85});
        for (const Amount& a : lookalikeAmounts("asmg"))
            CHECK(a.lookalikeRank == (a.value == 85 ? 0 : a.value == 43 ? 2 : 1));
        // Units other than mg; the number keeps its decimal point.
        const auto grams = lookalikeAmounts("O.Zg");
        REQUIRE(grams.size() == 1);
        CHECK(grams[0].value == doctest::Approx(0.2));
        CHECK(grams[0].unit == AmountUnit::G);
        CHECK(mgs("B0 mcg") == std::vector<double>{0.08});
        // No mass unit, a word, or a speck that is itself a lookalike glyph: nothing.
        CHECK(lookalikeAmounts("somewhere").empty());
        CHECK(lookalikeAmounts("Sodium").empty());
        CHECK(lookalikeAmounts("so").empty());
        CHECK(mgs("somg").size() == 2); // not 5 or 3 with the o taken for a speck
        // Symbols that stand for no digit, before or inside the number, are specks.
        CHECK(mgs("§=150mg") == std::vector<double>{150});
        CHECK(mgs("l?7mg") == std::vector<double>{17});
        CHECK(mgs("*0.2g") == std::vector<double>{200});
        CHECK(lookalikeAmounts("=?").empty());
        // The unit's g read as an o, a speck after it (seed 4242's 190: "Sodium 75mo0 3%").
        CHECK(mgs("75mo0") == std::vector<double>{75});
        CHECK(mgs("75mo") == std::vector<double>{75});
        CHECK(mgs("75mg.0") == std::vector<double>{75});
        CHECK(lookalikeAmounts("75moo0").empty()); // one speck at most
    }

} // TEST_SUITE
