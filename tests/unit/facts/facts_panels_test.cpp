// Whole panels as OCR reads them, one per label style.
#include "labelcheck/facts/facts.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::facts;

namespace {

std::optional<double> mgOf(const Facts& f, Mineral m)
{
    const auto& v = f.minerals[index(m)];
    return v ? std::optional<double>(v->mg) : std::nullopt;
}

} // namespace

TEST_SUITE("facts")
{

    TEST_CASE("LMNT-like Supplement Facts")
    {
        Facts f = parseFactsText(R"(Supplement Facts
Serving Size 1 Stick (6 g)
Servings Per Container 30
Amount Per Serving % Daily Value
Calories 10
Total Carbohydrate 2 g <1%*
Sodium (as sodium chloride) 1000 mg 43%
Potassium (as potassium chloride) 200 mg 4%
Magnesium (as magnesium malate) 60 mg 14%
*Percent Daily Values are based on a 2,000 calorie diet.
Other ingredients: Citric acid, natural flavors, stevia leaf extract.)");
        CHECK(f.panel == PanelType::SupplementFacts);
        CHECK(f.servingSize == "1 Stick (6 g)");
        CHECK(f.dvEra == DvEra::Current);
        CHECK(mgOf(f, Mineral::Sodium) == 1000);
        CHECK(f.minerals[index(Mineral::Sodium)]->dailyValuePct == 43);
        CHECK(mgOf(f, Mineral::Potassium) == 200);
        CHECK(mgOf(f, Mineral::Magnesium) == 60);
        CHECK_FALSE(mgOf(f, Mineral::Calcium));
        CHECK_FALSE(f.unreadable[index(Mineral::Calcium)]);
        CHECK_FALSE(f.mentioned[index(Mineral::Calcium)]);
        REQUIRE(f.nutrients.size() == 5);
        CHECK(f.nutrients[0].canonical == "calories");
        CHECK(f.nutrients[0].amount == 10);
        CHECK(f.nutrients[1].canonical == "total carbohydrate");
        CHECK(f.nutrients[1].dailyValuePct == 0.5);
    }

    TEST_CASE("a panel read without its title is typed by its rows")
    {
        // Seed 777 of the generator, photo 002: the rule under the title taken for the outline's top.
        Facts supplement = parseFactsText(R"(Serving Size 1 Capsule
Amount Per Serving % Daily Value
Magnesium (as
magnesium malate) 45mg 11%
Sodium (as Sodium
Chloride and Sodium
Citrate) 56mg 2%
Total Carbohydrate 4g 1%
t Daily Value not established)");
        CHECK(supplement.panel == PanelType::SupplementFacts);
        CHECK(mgOf(supplement, Mineral::Sodium) == 56);
        // The dagger's footnote alone says it too.
        CHECK(parseFactsText("Calories 10\nTotal Carbohydrate 2g 1%\nSodium 250mg 11%\n"
                             "Taurine 100mg t\nt Daily Value not established")
                  .panel == PanelType::SupplementFacts);
        // Rows a Nutrition Facts panel always prints outweigh a source named in it.
        Facts nutrition = parseFactsText(R"(Calories 10
Total Fat 0g 0%
Sodium (as sodium citrate) 250mg 11%
Total Carbohydrate 3g 1%
Protein 0g)");
        CHECK(nutrition.panel == PanelType::NutritionFacts);
        // Without either mark, calories and carbohydrate rows say Nutrition Facts, as before.
        CHECK(parseFactsText("Calories 10\nSodium 250mg 11%\nTotal Carbohydrate 3g 1%").panel ==
              PanelType::NutritionFacts);
        CHECK(parseFactsText("Sodium 250mg 11%\nPotassium 100mg 2%").panel == PanelType::SupplementFacts);
    }

    TEST_CASE("Gatorade-like Nutrition Facts (2016 format)")
    {
        Facts f = parseFactsText(R"(Nutrition Facts
about 3 servings per container
Serving size 12 fl oz (355mL)
Amount per serving
Calories 80
% Daily Value*
Total Fat 0g 0%
Sodium 160mg 7%
Total Carbohydrate 21g 8%
Total Sugars 21g
Includes 21g Added Sugars 42%
Protein 0g
Potassium 45mg 1%
Not a significant source of saturated fat, trans fat, cholesterol, dietary fiber, vitamin D, calcium and iron.
*The % Daily Value (DV) tells you how much a nutrient in a serving of food contributes to a daily diet.
2,000 calories a day is used for general nutrition advice.)");
        CHECK(f.panel == PanelType::NutritionFacts);
        CHECK(f.servingSize == "12 fl oz (355mL)");
        CHECK(f.dvEra == DvEra::Current);
        CHECK(mgOf(f, Mineral::Sodium) == 160);
        CHECK(mgOf(f, Mineral::Potassium) == 45);
        CHECK_FALSE(mgOf(f, Mineral::Calcium));
        CHECK_FALSE(mgOf(f, Mineral::Magnesium));
        CHECK(f.notSignificant[index(Mineral::Calcium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Calcium)]);
        CHECK_FALSE(f.electrolyteClaim);
    }

    TEST_CASE("old-style 2010 Nutrition Facts with the footnote table")
    {
        Facts f = parseFactsText(R"(Nutrition Facts
Serving Size 1 packet (28g)
Servings Per Container 8
Amount Per Serving
Calories 100 Calories from Fat 0
% Daily Value*
Total Fat 0g 0%
Saturated Fat 0g 0%
Trans Fat 0g
Cholesterol 0mg 0%
Sodium 110mg 5%
Potassium 190mg 5%
Total Carbohydrate 25g 8%
Dietary Fiber 0g 0%
Sugars 24g
Protein 0g
Vitamin A 0% • Vitamin C 100%
Calcium 10% • Iron 0%
Magnesium 4%
*Percent Daily Values are based on a 2,000
calorie diet. Your daily values may be higher
or lower depending on your calorie needs:
Calories: 2,000 2,500
Total Fat Less than 65g 80g
Sat Fat Less than 20g 25g
Cholesterol Less than 300mg 300mg
Sodium Less than 2,400mg 2,400mg
Potassium 3,500mg 3,500mg
Total Carbohydrate 300g 375g
Dietary Fiber 25g 30g)");
        CHECK(f.panel == PanelType::NutritionFacts);
        CHECK(f.dvEra == DvEra::Pre2016);
        CHECK(mgOf(f, Mineral::Sodium) == 110);
        CHECK(mgOf(f, Mineral::Potassium) == 190);
        const auto& ca = *f.minerals[index(Mineral::Calcium)];
        CHECK(ca.estimated);
        CHECK(ca.mg == doctest::Approx(100));
        CHECK_FALSE(ca.amount);
        CHECK(ca.dailyValuePct == 10);
        const auto& mg = *f.minerals[index(Mineral::Magnesium)];
        CHECK(mg.estimated);
        CHECK(mg.mg == doctest::Approx(16));
        for (const auto& n : f.nutrients)
            CHECK_MESSAGE(n.name.find("Less") == std::string::npos, n.name);
    }

    TEST_CASE("old-style panel without markers: %DV-only calcium alone decides the era")
    {
        Facts f = parseFactsText(R"(Nutrition Facts
Serving Size 1 tbsp (14g)
Sodium 95mg 4%
Calcium 4%)");
        CHECK(f.dvEra == DvEra::Pre2016);
        CHECK(f.minerals[index(Mineral::Calcium)]->mg == doctest::Approx(40));
    }

    TEST_CASE("bilingual English/Spanish panel")
    {
        Facts f = parseFactsText(R"(Nutrition Facts/Datos de Nutrición
Serving size/Tamaño por porción 1 bottle/botella (625mL)
Amount per serving/Cantidad por porción
Calories/Calorías 60
% Daily Value*/% Valor Diario*
Total Fat/Grasa Total 0g 0%
Sodium/Sodio 330mg 14%
Total Carbohydrate/Carbohidrato Total 15g 5%
Total Sugars/Azúcares Totales 15g
Protein/Proteínas 0g
Potassium/Potasio 480mg 10%
Calcium/Calcio 30mg 2%
Magnesium/Magnesio 15mg 4%
ELECTROLYTES / ELECTROLITOS)");
        CHECK(f.panel == PanelType::NutritionFacts);
        CHECK(f.servingSize == "1 bottle/botella (625mL)");
        CHECK(mgOf(f, Mineral::Sodium) == 330);
        CHECK(mgOf(f, Mineral::Potassium) == 480);
        CHECK(mgOf(f, Mineral::Calcium) == 30);
        CHECK(mgOf(f, Mineral::Magnesium) == 15);
        CHECK(f.electrolyteClaim);
    }

    TEST_CASE("dual-column panel reports per serving")
    {
        Facts f = parseFactsText(R"(Nutrition Facts
2 servings per container
Serving size 1 packet (20g)
Per serving Per container
Calories 70 140
% DV* % DV*
Total Fat 0g 0% 0g 0%
Sodium 250mg 11% 500mg 22%
Total Carb. 18g 7% 36g 13%
Total Sugars 17g 34g
Incl. Added Sugars 17g 34% 34g 68%
Protein 0g 0g
Vitamin D 0mcg 0% 0mcg 0%
Calcium 10mg 0% 20mg 2%
Iron 0mg 0% 0mg 0%
Potassium 100mg 2% 200mg 4%
Magnesium 20mg 4% 40mg 10%)");
        CHECK(f.dvEra == DvEra::Current);
        CHECK(mgOf(f, Mineral::Sodium) == 250);
        CHECK(f.minerals[index(Mineral::Sodium)]->dailyValuePct == 11);
        CHECK(mgOf(f, Mineral::Calcium) == 10);
        CHECK(f.minerals[index(Mineral::Calcium)]->dailyValuePct == 0);
        CHECK(mgOf(f, Mineral::Potassium) == 100);
        CHECK(mgOf(f, Mineral::Magnesium) == 20);
        CHECK(f.minerals[index(Mineral::Magnesium)]->dailyValuePct == 4);
    }

    TEST_CASE("as packaged / as prepared columns report as packaged")
    {
        Facts f = parseFactsText(R"(Nutrition Facts
Amount Per Serving Cereal with 1/2 Cup Skim Milk
Calories 110 150
Sodium 210mg 9% 12%
Potassium 35mg 1% 7%
Calcium 0% 15%
Amount in cereal. A serving of cereal plus skim milk provides 1g total fat,
less than 5mg cholesterol, 270mg sodium, 240mg potassium.)");
        CHECK(mgOf(f, Mineral::Sodium) == 210);
        CHECK(f.minerals[index(Mineral::Sodium)]->dailyValuePct == 9);
        CHECK(mgOf(f, Mineral::Potassium) == 35);
        CHECK(f.minerals[index(Mineral::Calcium)]->dailyValuePct == 0);
        CHECK(mgOf(f, Mineral::Calcium) == 0);
    }

    TEST_CASE("linear panel on a small package")
    {
        Facts f = parseFactsText(
            R"(Nutrition Facts Serv. Size: 1 Packet (4.5g), Servings: 1, Amount Per Serving: Calories 15, Total Fat 0g
(0% DV), Sodium 250mg (11% DV), Total Carb. 4g (1% DV), Sugars 3g (Incl. 3g Added Sugars, 6% DV),
Protein 0g, Potassium 190mg (4% DV), Magnesium 40mg (10% DV). Not a significant source of other nutrients.)");
        CHECK(f.panel == PanelType::NutritionFacts);
        CHECK(mgOf(f, Mineral::Sodium) == 250);
        CHECK(f.minerals[index(Mineral::Sodium)]->dailyValuePct == 11);
        CHECK(mgOf(f, Mineral::Potassium) == 190);
        CHECK(f.minerals[index(Mineral::Potassium)]->dailyValuePct == 4);
        CHECK(mgOf(f, Mineral::Magnesium) == 40);
        CHECK_FALSE(mgOf(f, Mineral::Calcium));
        CHECK_FALSE(f.unreadable[index(Mineral::Calcium)]);
    }

    TEST_CASE("Supplement Facts with an Electrolyte Blend")
    {
        Facts f = parseFactsText(R"(Supplement Facts
Serving Size 1 Scoop (7 g)
Servings Per Container 30
Amount Per Serving %DV
Calories 25
Total Carbohydrate 6 g 2%*
Vitamin C (as ascorbic acid) 90 mg 100%
Calcium (as calcium carbonate) 40 mg 3%
Electrolyte Blend 1.2 g †
Sodium Citrate, Potassium Chloride,
Magnesium Lactate
L-Glutamine 1 g †
* Percent Daily Values are based on a 2,000 calorie diet.
† Daily Value not established.
Other Ingredients: Citric Acid, Natural Flavors, Silicon Dioxide.)");
        CHECK(f.panel == PanelType::SupplementFacts);
        CHECK(mgOf(f, Mineral::Calcium) == 40);
        for (Mineral m : {Mineral::Sodium, Mineral::Potassium, Mineral::Magnesium}) {
            CHECK_FALSE(mgOf(f, m));
            CHECK_FALSE(f.unreadable[index(m)]);
            CHECK(f.mentioned[index(m)]);
        }
        CHECK(f.electrolyteClaim);
        bool blend = false, glutamine = false;
        for (const auto& n : f.nutrients) {
            blend = blend || (n.name == "Electrolyte Blend" && n.amount == doctest::Approx(1.2) && n.noDailyValue);
            glutamine = glutamine || n.name == "L-Glutamine";
        }
        CHECK(blend);
        CHECK(glutamine);
    }

    TEST_CASE("OCR-noisy supplement panel")
    {
        Facts f = parseFactsText(R"(Supp1ement Facts
Servlng Size 1 Packet (5.5 g)
Amount Per Serving % Dai1y Value
Sodiurn (as sodlum citrate) 25O rng 1l%
Potasslum (as dipotassium phosphate) 0.29 4%
Magneslum (as Magnesium
Bisglycinate) 130mg 31%
Calclum 2O mg 2%
Manganese 1 mg 43%
Zinc (as zinc citrate) 3 mg 27%)");
        CHECK(f.panel == PanelType::SupplementFacts);
        CHECK(mgOf(f, Mineral::Sodium) == 250);
        CHECK(mgOf(f, Mineral::Potassium) == doctest::Approx(200));
        CHECK(mgOf(f, Mineral::Magnesium) == 130);
        CHECK(mgOf(f, Mineral::Calcium) == 20);
        for (Mineral m : kMinerals)
            CHECK(*f.minerals[index(m)]->confidence < 1.0f);
    }

} // TEST_SUITE
