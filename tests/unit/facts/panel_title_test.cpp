#include "labelcheck/facts/panel_title.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("titles")
    {
        CHECK(panelTitleOf("Supplement Facts") == PanelType::SupplementFacts);
        CHECK(panelTitleOf("Supp1ement Facts") == PanelType::SupplementFacts);
        CHECK(panelTitleOf("SUPPLEMENTFACTS") == PanelType::SupplementFacts);
        CHECK(panelTitleOf("Nutrition Facts") == PanelType::NutritionFacts);
        CHECK(panelTitleOf("Nutritlon Facts") == PanelType::NutritionFacts);
        CHECK(panelTitleOf("Nutrition Facts/Datos de Nutrición") == PanelType::NutritionFacts);
        CHECK(panelTitleOf("Datos de Nutricion") == PanelType::NutritionFacts);
        CHECK_FALSE(panelTitleOf("Serving Size 1 Stick (6 g)"));
        CHECK_FALSE(panelTitleOf("Facts"));
        CHECK(panelTitle({"LMNT", "Supplement Facts", "Serving Size 1 Stick"}) == PanelType::SupplementFacts);
        CHECK_FALSE(panelTitle({"Sodium 250mg", "Potassium 200mg"}));
    }

    TEST_CASE("the ends of a panel a read holds")
    {
        PanelEnds whole = panelEnds({"Supplement Facts", "Serving Size 1 Stick (6 g)", "Sodium 250 mg 11%",
                                     "\u2020 Daily Value not established."});
        CHECK(whole.head);
        CHECK(whole.foot);
        // Read as OCR garbles them: "Serveng Sere", "Percent Dally Values", "Other ingredlents".
        CHECK(panelEnds({"Serveng Sere 2 Scoops (14 g)"}).head);
        CHECK(panelEnds({"* Percent Dally Values are based on a 2,000 calone diet"}).foot);
        CHECK(panelEnds({"Other ingredlents: citric acid"}).foot);
        CHECK(panelEnds({"* The % Daily Value (DV) tells you how much a nutrient"}).foot);
        // Rows alone: neither end. The footnote's "in a serving of food" is not a head, nor the column
        // header's "% Daily Value" a foot.
        PanelEnds rows =
            panelEnds({"Sodium 0mg 0%", "Calcium 0mg 0%", "% Daily Value*", "much a nutrient in a serving of food"});
        CHECK_FALSE(rows.head);
        CHECK_FALSE(rows.foot);
    }

} // TEST_SUITE
