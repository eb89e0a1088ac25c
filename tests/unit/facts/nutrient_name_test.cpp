#include "labelcheck/facts/nutrient_name.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("the four minerals in English and Spanish")
    {
        CHECK(matchMineralWord("Sodium") == Mineral::Sodium);
        CHECK(matchMineralWord("SODIUM") == Mineral::Sodium);
        CHECK(matchMineralWord("Potassium") == Mineral::Potassium);
        CHECK(matchMineralWord("Calcium") == Mineral::Calcium);
        CHECK(matchMineralWord("Magnesium") == Mineral::Magnesium);
        CHECK(matchMineralWord("Sodio") == Mineral::Sodium);
        CHECK(matchMineralWord("Potasio") == Mineral::Potassium);
        CHECK(matchMineralWord("Calcio") == Mineral::Calcium);
        CHECK(matchMineralWord("Magnesio") == Mineral::Magnesium);
        CHECK(matchMineralWord("Sodium/Sodio") == Mineral::Sodium);
    }

    TEST_CASE("OCR misspellings of the minerals")
    {
        CHECK(matchMineralWord("Sodiurn") == Mineral::Sodium);
        CHECK(matchMineralWord("S0dium") == Mineral::Sodium);
        CHECK(matchMineralWord("Sodlum") == Mineral::Sodium);
        CHECK(matchMineralWord("Potasslum") == Mineral::Potassium);
        CHECK(matchMineralWord("Potassiurn") == Mineral::Potassium);
        CHECK(matchMineralWord("Calclum") == Mineral::Calcium);
        CHECK(matchMineralWord("Magneslum") == Mineral::Magnesium);
        CHECK(matchMineralWord("Magnesiurn") == Mineral::Magnesium);
        // A narrow S read as 3 (a 3 inside a word stands for e).
        CHECK(matchMineralWord("3odium") == Mineral::Sodium);
        CHECK(matchMineralWord("(3odium") == Mineral::Sodium);
        CHECK(matchMineralWord("Magn3sium") == Mineral::Magnesium);
        CHECK_FALSE(matchMineralWord("3elenium"));
        // Two edits in a seven-letter name read as six letters or more (calcium's l and i garbled together).
        CHECK(matchMineralWord("Caicum") == Mineral::Calcium);
        CHECK(matchMineralWord("Catcum") == Mineral::Calcium);
        CHECK(matchMineralWord("Cakium") == Mineral::Calcium);
        // Not for a six-letter name, nor for a word of five letters.
        CHECK_FALSE(matchMineralWord("Sodkem"));
        CHECK_FALSE(matchMineralWord("Calum"));
        // A word of seven letters or more whose first three letters are the name's keeps one edit more, up to three
        // (seed 777's 148 "Sodrumn 30mg 1%"; a condensed face's "ium" read as "asn", three photos of seed 4242).
        CHECK(matchMineralWord("Sodrumn") == Mineral::Sodium);
        CHECK(matchMineralWord("Potassasn") == Mineral::Potassium);
        CHECK(matchMineralWord("Magnesasn") == Mineral::Magnesium);
        CHECK(matchMineralWord("Calcrurmn") == Mineral::Calcium);
        // Read as "ium" at the cost of one edit, "asn" lets a name whose head is not whole match too (seed 4242's
        // 179, "Caicasn 22%"), but not one three edits off with it ("Maxresasn").
        CHECK(matchMineralWord("Caicasn") == Mineral::Calcium);
        CHECK(matchMineralWord("Catcasn") == Mineral::Calcium);
        CHECK_FALSE(matchMineralWord("Maxresasn"));
        CHECK_FALSE(matchMineralWord("Cakkasn"));
        CHECK_FALSE(matchMineralWord("Sodomite")); // four edits or more
        CHECK_FALSE(matchMineralWord("Sodkemn"));  // "sodkem" three edits off, but a six-letter name keeps one
        CHECK_FALSE(matchMineralWord("Podrumn"));  // the head not whole
        // The first letter cut off with the panel's edge, the rest read whole.
        CHECK(matchMineralWord("\xe2\x80\x98"
                               "alcium") == Mineral::Calcium);
        CHECK(matchMineralWord("otassium") == Mineral::Potassium);
        CHECK(matchMineralWord("agnesium") == Mineral::Magnesium);
        CHECK_FALSE(matchMineralWord("dium"));
        CHECK_FALSE(matchMineralWord("alcum"));
        // Thin letters (i, l, t) lost to blur, one or two, the first letter kept (photo 156: "Sodum SRmg 17%",
        // "Cacum 186mg 12%").
        CHECK(matchMineralWord("Sodum") == Mineral::Sodium);
        CHECK(matchMineralWord("Cacum") == Mineral::Calcium);
        CHECK(matchMineralWord("Cacium") == Mineral::Calcium);
        CHECK_FALSE(matchMineralWord("Soum"));  // four letters are too few
        CHECK_FALSE(matchMineralWord("Sodim")); // a u is not thin
        CHECK_FALSE(matchMineralWord("Cacm"));
        CHECK_FALSE(matchMineralWord("odum"));
    }

    TEST_CASE("near misses are never minerals")
    {
        CHECK_FALSE(matchMineralWord("Manganese"));
        CHECK_FALSE(matchMineralWord("Manganes"));
        CHECK_FALSE(matchMineralWord("Molybdenum"));
        CHECK_FALSE(matchMineralWord("Chloride"));
        CHECK_FALSE(matchMineralWord("Chlorlde"));
        CHECK_FALSE(matchMineralWord("Selenium"));
        CHECK_FALSE(matchMineralWord("Chromium"));
        CHECK_FALSE(matchMineralWord("Calories"));
        CHECK_FALSE(matchMineralWord("Phosphorus"));
        CHECK_FALSE(matchMineralWord("Zinc"));
        CHECK_FALSE(matchMineralWord("Podium"));
        CHECK_FALSE(matchMineralWord("Calcitriol"));
        // Compounds' names: two edits off "potassium", "dipotassium" passed for it.
        CHECK_FALSE(matchMineralWord("Dipotassium"));
        CHECK_FALSE(matchMineralWord("dipotasslum"));
        CHECK_FALSE(matchMineralWord("Trisodium"));
        CHECK_FALSE(matchMineralWord("Dicalcium"));
        CHECK_FALSE(matchMineralWord("Monopotassium"));
        CHECK(compoundPrefixSize("dipotassium") == 2);
        CHECK(compoundPrefixSize("tetrasodium") == 5);
        CHECK(compoundPrefixSize("monocalcium") == 4);
        CHECK(compoundPrefixSize("sodium") == 0);
        CHECK(compoundPrefixSize("dizzy") == 0); // too short after the prefix
        CHECK_FALSE(matchMineralWord("Caffeine"));
        CHECK_FALSE(matchMineralWord("Chromium"));
    }

    TEST_CASE("multi-word nutrient names")
    {
        auto m = matchNutrientName("Total Fat 0g 0%");
        REQUIRE(m);
        CHECK(m->canonical == "total fat");
        CHECK(m->words == 2);
        CHECK_FALSE(m->mineral);
        m = matchNutrientName("Total Carbohydrate 23g");
        REQUIRE(m);
        CHECK(m->canonical == "total carbohydrate");
        m = matchNutrientName("Calories from Fat 0");
        REQUIRE(m);
        CHECK(m->canonical == "calories from fat");
        m = matchNutrientName("Sodium (as sodium citrate) 250 mg");
        REQUIRE(m);
        CHECK(m->mineral == Mineral::Sodium);
        CHECK(m->words == 1);
        m = matchNutrientName("Manganese 2 mg");
        REQUIRE(m);
        CHECK(m->canonical == "manganese");
        CHECK_FALSE(m->mineral);
        CHECK_FALSE(matchNutrientName("Electrolyte Blend 1.2 g"));
    }

    TEST_CASE("the fuzzy distance is reported")
    {
        auto m = matchNutrientName("Calclum 20 mg");
        REQUIRE(m);
        CHECK(m->mineral == Mineral::Calcium);
        CHECK(m->distance == 1);
        CHECK(matchNutrientName("Calcium")->distance == 0);
    }

    TEST_CASE("names cut at their start by a panel outlined short of its left edge")
    {
        // The end of a name, with a cut glyph's remnant or not.
        CHECK(isCutNutrientWord("ynesium"));
        CHECK(isCutNutrientWord("assium"));
        CHECK(isCutNutrientWord("lassium")); // "l" is what is left of the cut "t"
        CHECK(isCutNutrientWord("bohydrate"));
        CHECK(isCutNutrientWord("dium"));
        // Whole names, and too little of one to tell.
        CHECK_FALSE(isCutNutrientWord("Sodium"));
        CHECK_FALSE(isCutNutrientWord("Vitamin"));
        CHECK_FALSE(isCutNutrientWord("um"));
        CHECK_FALSE(isCutNutrientWord("Serving"));
        CHECK_FALSE(isCutNutrientWord("Citrate)"));

        // Lines that start with one; a name read whole, or close enough to match, does not count.
        const std::vector<std::string> clipped{"rition Facts", "ynesium 380mg 90%", "assium 30mg 1%", "dium Chloride",
                                               "um 25mg 1%"};
        CHECK(cutNameLines(clipped) == 3);
        const std::vector<std::string> whole{"Nutrition Facts", "Magnesium 380mg 90%", "tagnesium Citrate) 75mg",
                                             "Potassium 30mg 1%", "Total Carbohydrate 2g 0%"};
        CHECK(cutNameLines(whole) == 0);
    }

} // TEST_SUITE
