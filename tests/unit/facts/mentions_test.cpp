#include "labelcheck/facts/mentions.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("compounds in a blend are mentions")
    {
        auto m = findCompoundMentions({"Electrolyte Blend 1.2 g", "Sodium Citrate, Magnesium Lactate"});
        CHECK(m[index(Mineral::Sodium)]);
        CHECK(m[index(Mineral::Magnesium)]);
        CHECK_FALSE(m[index(Mineral::Potassium)]);
        CHECK_FALSE(m[index(Mineral::Calcium)]);
    }

    TEST_CASE("prefixed compounds and parentheticals")
    {
        auto m = findCompoundMentions({"Phosphorus (as dipotassium phosphate) 50mg 4%"});
        CHECK(m[index(Mineral::Potassium)]);
        m = findCompoundMentions({"Chloride (as sodium chloride) 380mg 17%"});
        CHECK(m[index(Mineral::Sodium)]);
        m = findCompoundMentions({"Tricalcium Phosphate"});
        CHECK(m[index(Mineral::Calcium)]);
        m = findCompoundMentions({"Magnesium Amino Acid Chelate"});
        CHECK(m[index(Mineral::Magnesium)]);
    }

    TEST_CASE("a compound wrapped over a line break")
    {
        auto m = findCompoundMentions({"Ingredients: Citric Acid, Potassium", "Citrate, Stevia"});
        CHECK(m[index(Mineral::Potassium)]);
    }

    TEST_CASE("salt is sodium")
    {
        CHECK(findCompoundMentions({"Ingredients: Sugar, Sea Salt, Natural Flavor"})[index(Mineral::Sodium)]);
        CHECK_FALSE(findCompoundMentions({"Oral Rehydration Salts"})[index(Mineral::Sodium)]);
    }

    TEST_CASE("excipients and warnings are not mentions")
    {
        auto m = findCompoundMentions({"Other ingredients: cellulose, magnesium stearate, silica",
                                       "Not for persons on a low-sodium diet", "potassium sorbate (preservative)",
                                       "calcium pantothenate", "Zinc (as zinc citrate) 5mg"});
        CHECK_FALSE(m[index(Mineral::Magnesium)]);
        CHECK_FALSE(m[index(Mineral::Sodium)]);
        CHECK_FALSE(m[index(Mineral::Potassium)]);
        CHECK_FALSE(m[index(Mineral::Calcium)]);
    }

    TEST_CASE("compound word classes")
    {
        CHECK(isElectrolyteCompoundWord("Citrate,"));
        CHECK(isElectrolyteCompoundWord("Bisglycinate)"));
        CHECK(isElectrolyteCompoundWord("chlorides"));
        CHECK_FALSE(isElectrolyteCompoundWord("Stearate"));
        CHECK(isExcipientCompoundWord("stearate"));
        CHECK(prefixedMineralWord("dipotassium") == Mineral::Potassium);
        CHECK(prefixedMineralWord("Trisodium") == Mineral::Sodium);
        CHECK_FALSE(prefixedMineralWord("dimension"));
    }

} // TEST_SUITE
