#include "labelcheck/facts/electrolyte_claim.hpp"
#include "labelcheck/facts/facts.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("front-of-pack claims")
    {
        CHECK(claimsElectrolytes("Electrolyte Drink Mix"));
        CHECK(claimsElectrolytes("ELECTROLYTES"));
        CHECK(claimsElectrolytes("Hydration + Electrolytes"));
        CHECK(claimsElectrolytes("Electrolyte Blend 1.2 g"));
        CHECK(claimsElectrolytes("Bebida con electrolitos"));
        CHECK(claimsElectrolytes("Oral Rehydration Solution"));
    }

    TEST_CASE("OCR noise")
    {
        CHECK(claimsElectrolytes("E1ectrolytes"));
        CHECK(claimsElectrolytes("ELECTR0LYTE DRINK MIX"));
        CHECK(claimsElectrolytes("Electrolvtes"));
        CHECK(claimsElectrolytes("ELECTRO LYTES"));
        CHECK(claimsElectrolytes(std::vector<std::string>{"Zero Sugar Electro-", "lytes for hydration"}));
        // Split after three letters (seed 4242's 041, red type on green: "Essential Fle" / "Clrolytes").
        CHECK(claimsElectrolytes(std::vector<std::string>{"Essential Fle", "Clrolytes"}));
        CHECK_FALSE(claimsElectrolytes(std::vector<std::string>{"Essential Fle", "Clrolyxxs"}));
        // A dropped space (read on a generated photo: "with Electrolytes" in yellow on green, blurred).
        CHECK(claimsElectrolytes("withElectrolytes"));
        CHECK(claimsElectrolytes("Hydration+Electrolytes"));
        CHECK(claimsElectrolytes("ElectrolyteDrink Mix"));
        CHECK(claimsElectrolytes("EssentialE1ectrolytes"));
        // Cut short where blur ended what OCR could read.
        CHECK(claimsElectrolytes(std::vector<std::string>{"Drink Mix", "Electrol", "Grape"}));
        CHECK(claimsElectrolytes("ELECTROLY"));
    }

    TEST_CASE("negations are not claims")
    {
        CHECK_FALSE(claimsElectrolytes("non-electrolyte"));
        CHECK_FALSE(claimsElectrolytes("Non electrolyte sports water"));
        CHECK_FALSE(claimsElectrolytes("electrolyte-free"));
        CHECK_FALSE(claimsElectrolytes("contains no electrolytes"));
        CHECK_FALSE(claimsElectrolytes("without electrolytes"));
        CHECK_FALSE(claimsElectrolytes("0 electrolytes"));
        CHECK_FALSE(claimsElectrolytes(std::vector<std::string>{"Non-", "electrolyte"}));
        CHECK_FALSE(claimsElectrolytes("noelectrolytes"));
        CHECK_FALSE(claimsElectrolytes("Nonelectrolyte"));
        CHECK_FALSE(claimsElectrolytes("withoutelectrolytes"));
        CHECK_FALSE(claimsElectrolytes("electrolytefree"));
        // One real claim anywhere is enough.
        CHECK(claimsElectrolytes("non-electrolyte version also available. Electrolyte Drink Mix"));
    }

    TEST_CASE("unrelated words")
    {
        CHECK_FALSE(claimsElectrolytes("Supplement Facts Serving Size 1 Scoop"));
        CHECK_FALSE(claimsElectrolytes("electrolytic"));
        CHECK_FALSE(claimsElectrolytes("electrolysis"));
        CHECK_FALSE(claimsElectrolytes("electrolyticcapacitor"));
        CHECK_FALSE(claimsElectrolytes("electrolyzed water"));
        CHECK_FALSE(claimsElectrolytes("electro"));
        CHECK_FALSE(claimsElectrolytes("Electric Lemonade"));
        CHECK_FALSE(claimsElectrolytes(""));
    }

    TEST_CASE("TextLine overload reads every line")
    {
        std::vector<TextLine> lines(2);
        lines[0].words = {Word{"Lemon", 0.9f, {}}, Word{"Lime", 0.9f, {}}};
        lines[1].words = {Word{"ELECTROLYTES", 0.7f, {}}};
        CHECK(claimsElectrolytes(lines));
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("disclaimers are not claims")
    {
        CHECK_FALSE(claimsElectrolytes("This product is not an electrolyte replacement."));
        CHECK(claimsElectrolytes("Not just water: electrolytes for hydration"));
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("a %DV column before the claim is not a zero count")
    {
        // Regression: "0% Electrolytes" was read as "0 electrolytes".
        CHECK(claimsElectrolytes("Total Fat 0g 0% Electrolytes"));
        CHECK_FALSE(claimsElectrolytes("Sugar free, 0 electrolytes"));
    }

    TEST_CASE("a 0 ending the line before is a row's value, not a count")
    {
        // Regression (labelgen seed 20261125 #53): a claim printed under a panel's "Calories from Fat 0" row.
        CHECK(claimsElectrolytes(std::vector<std::string>{"Calories from Fat 0", "Electrolyte Hydration", "Formula"}));
        CHECK_FALSE(claimsElectrolytes(std::vector<std::string>{"Sugar free, 0 electrolytes"}));
        // Words still negate across a wrapped line.
        CHECK_FALSE(claimsElectrolytes(std::vector<std::string>{"This drink contains no", "electrolytes."}));
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("a broken piece of the claim word is a hint, not a claim")
    {
        // Seed 4242's 041: the package face's two looks at "Essential Electrolytes" in pink type.
        const auto first = toTextLines({"Drink", "TOlytes,", "FL oz,"});
        const auto second = toTextLines({"Hydration Drink", "Vssenti", "al Ble Lrolyvtes", "Lemon | ime"});
        CHECK_FALSE(claimsElectrolytes(first));
        CHECK_FALSE(claimsElectrolytes(second));
        CHECK(hintsAtElectrolytes(first));
        CHECK(hintsAtElectrolytes(second));
        CHECK(hintsAtElectrolytes(toTextLines({"Hydration + Electrolytes"})));
        // Front and panel words of a product with no claim, and pieces too short or too far off to tell.
        CHECK_FALSE(hintsAtElectrolytes(toTextLines({"Keto Hydrate", "Supplement Facts", "Total Sugars 3g",
                                                     "Lemon Lime", "Calories 110", "Magnesium (as malate)"})));
        CHECK_FALSE(hintsAtElectrolytes(toTextLines({"lyte", "ect", "Lrxlyvtqs"})));
        CHECK_FALSE(hintsAtElectrolytes({}));
    }

} // TEST_SUITE
