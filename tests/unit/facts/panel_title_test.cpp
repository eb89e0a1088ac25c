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

} // TEST_SUITE
