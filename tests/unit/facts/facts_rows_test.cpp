// Single rows and small fragments of real panels, one quirk per case.
#include "labelcheck/facts/facts.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::facts;

namespace {

Facts parse(std::initializer_list<const char*> lines)
{
    std::vector<std::string> v;
    for (const char* l : lines)
        v.emplace_back(l);
    return parseFacts(v);
}

const MineralAmount& mineral(const Facts& f, Mineral m)
{
    REQUIRE_MESSAGE(f.minerals[index(m)].has_value(), mineralName(m));
    return *f.minerals[index(m)];
}

bool absent(const Facts& f, Mineral m)
{
    return !f.minerals[index(m)].has_value();
}

// A line of words 60 px wide and `height` high, each starting at its x, all at `y`.
TextLine boxedLine(const std::vector<std::pair<const char*, int>>& words, int y, int height)
{
    TextLine l;
    for (auto [t, x] : words)
        l.words.push_back(Word{t, 0.9f, Box{x, y, 60, height}});
    l.box = Box{words.front().second, y, words.back().second + 60 - words.front().second, height};
    return l;
}

} // namespace

TEST_SUITE("facts")
{
    TEST_CASE("an amount behind a speck of symbols is read when its %DV agrees")
    {
        // Read from generated photos: a rule's end and a leader's dots before the amount, a glyph read as '?'.
        Facts f = parse({"Sodium (as Sodium bicarbonate) §=150mg 7%", "Calcium l?7mg 1%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 150);
        CHECK_FALSE(mineral(f, Mineral::Sodium).estimated);
        CHECK(mineral(f, Mineral::Calcium).mg == 17);
        // The %DV rules a reading out: estimated from it, not taken from the specks.
        Facts g = parse({"Sodium §=15mg 7%"});
        CHECK(mineral(g, Mineral::Sodium).estimated);
    }

    TEST_CASE("a degree sign glued to a number is its percent sign")
    {
        // Seed 4242's 091: "660mg 29%" read as "GbOMg 29°"; the %DV then picks the garbled amount's reading.
        Facts f = parse({"Sodium GbOMg 29°"});
        CHECK(mineral(f, Mineral::Sodium).mg == 660);
        CHECK(mineral(f, Mineral::Sodium).dailyValuePct == 29);
        // Seed 20261125's 069: "257mg 11%" cut at the outline's edge to "257mg 1°"; the amount, read well, stays.
        Facts cut = parseFacts(std::vector<TextLine>{
            TextLine{{Word{"Sodium", 0.9f, {}}, Word{"257mg", 0.7f, {}}, Word{"1\xc2\xb0", 0.8f, {}}}}});
        CHECK(mineral(cut, Mineral::Sodium).mg == 257);
        CHECK_FALSE(mineral(cut, Mineral::Sodium).estimated);
        // A bullet read as a degree sign between two rows still parts them.
        Facts g = parse({"Potassium 13% ° Magnesium 22%"});
        CHECK(mineral(g, Mineral::Potassium).dailyValuePct == 13);
        CHECK(mineral(g, Mineral::Magnesium).dailyValuePct == 22);
    }

    TEST_CASE("a bare number before an amount in a unit: the row's %DV picks")
    {
        // A footnote mark or a speck before the amount ...
        Facts f = parse({"Magnesium 1] 10mg 2%"});
        CHECK(mineral(f, Mineral::Magnesium).mg == 10);
        CHECK_FALSE(mineral(f, Mineral::Magnesium).estimated);
        // ... or one number split in two.
        Facts g = parse({"Magnesium 1 10mg 26%"});
        CHECK(mineral(g, Mineral::Magnesium).mg == 110);
        // Neither fits: the %DV's estimate.
        Facts h = parse({"Magnesium 1 10mg 50%"});
        CHECK(mineral(h, Mineral::Magnesium).estimated);
    }

    TEST_CASE("sodium with a source parenthetical")
    {
        Facts f = parse({"Sodium (as sodium citrate) 250 mg 11%"});
        const auto& na = mineral(f, Mineral::Sodium);
        CHECK(na.amount == 250);
        CHECK(na.unit == AmountUnit::Mg);
        CHECK(na.mg == 250);
        CHECK(na.dailyValuePct == 11);
        CHECK_FALSE(na.estimated);
        REQUIRE(f.nutrients.size() == 1);
        CHECK(f.nutrients[0].name == "Sodium (as sodium citrate)");
        CHECK(f.nutrients[0].canonical == "sodium");
    }

    TEST_CASE("potassium in grams")
    {
        Facts f = parse({"Potassium 0.2 g 4%"});
        const auto& k = mineral(f, Mineral::Potassium);
        CHECK(k.amount == doctest::Approx(0.2));
        CHECK(k.unit == AmountUnit::G);
        CHECK(k.mg == doctest::Approx(200));
        CHECK(k.dailyValuePct == 4);
    }

    TEST_CASE("magnesium with no space before the unit and calcium")
    {
        Facts f = parse({"Magnesium 60mg 14%", "Calcium 20 mg 2%"});
        CHECK(mineral(f, Mineral::Magnesium).mg == 60);
        CHECK(mineral(f, Mineral::Magnesium).dailyValuePct == 14);
        CHECK(mineral(f, Mineral::Calcium).mg == 20);
        CHECK(mineral(f, Mineral::Calcium).dailyValuePct == 2);
    }

    TEST_CASE("micrograms are converted")
    {
        Facts f = parse({"Calcium 20000 mcg 2%", "Magnesium 60000\xc2\xb5g 14%"});
        CHECK(mineral(f, Mineral::Calcium).unit == AmountUnit::Mcg);
        CHECK(mineral(f, Mineral::Calcium).mg == doctest::Approx(20));
        CHECK(mineral(f, Mineral::Magnesium).mg == doctest::Approx(60));
    }

    TEST_CASE("less than one percent, dagger and absent %DV")
    {
        Facts f = parse({"Potassium 30mg <1%", "Sodium 250 mg \xe2\x80\xa0", "Magnesium 60 mg"});
        CHECK(mineral(f, Mineral::Potassium).dailyValuePct == 0.5);
        CHECK_FALSE(mineral(f, Mineral::Sodium).dailyValuePct);
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK_FALSE(mineral(f, Mineral::Magnesium).dailyValuePct);
        CHECK(mineral(f, Mineral::Magnesium).mg == 60);
        bool dagger = false;
        for (const auto& n : f.nutrients)
            if (n.mineral == Mineral::Sodium)
                dagger = n.noDailyValue;
        CHECK(dagger);
    }

    TEST_CASE("dagger read by OCR as t or asterisk")
    {
        Facts f = parse({"Sodium 250mg t", "Potassium 100mg *"});
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK_FALSE(mineral(f, Mineral::Sodium).dailyValuePct);
        CHECK(mineral(f, Mineral::Potassium).mg == 100);
    }

    TEST_CASE("row wrapped over two lines")
    {
        Facts f = parse({"Magnesium (as Magnesium", "Bisglycinate) 130mg 31%"});
        const auto& mg = mineral(f, Mineral::Magnesium);
        CHECK(mg.mg == 130);
        CHECK(mg.dailyValuePct == 31);
        CHECK_FALSE(f.unreadable[index(Mineral::Magnesium)]);
        CHECK(f.nutrients.at(0).name == "Magnesium (as Magnesium Bisglycinate)");
    }

    TEST_CASE("row wrapped over three lines")
    {
        Facts f = parse({"Sodium (as sodium", "citrate and sodium", "chloride) 500 mg 22%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 500);
    }

    TEST_CASE("a parenthetical naming another mineral is not that mineral")
    {
        Facts f = parse({"Phosphorus (as dipotassium phosphate) 50mg 4%", "Chloride (as sodium chloride) 380mg 17%",
                         "Zinc (as zinc citrate) 5mg 45%"});
        for (Mineral m : kMinerals) {
            CHECK(absent(f, m));
            CHECK_FALSE(f.unreadable[index(m)]);
        }
        CHECK(f.mentioned[index(Mineral::Potassium)]);
        CHECK(f.mentioned[index(Mineral::Sodium)]);
        CHECK(f.nutrients.size() == 3);
        // Seed 777's 121: the phosphorus row's name read garbled, its parenthetical on lines of its own.
        Facts lost = parse({"Magnesium (as", "Magnesium", "Lactate) 9mg 2%", "anon", "(as", "dipotassium",
                            "phosphate) 75mg 6%", "Sodium 0.3g 13%"});
        CHECK(absent(lost, Mineral::Potassium));
        CHECK(mineral(lost, Mineral::Magnesium).mg == 9);
        CHECK(mineral(lost, Mineral::Sodium).mg == 300);
        CHECK(lost.mentioned[index(Mineral::Potassium)]);
    }

    TEST_CASE("compounds under a blend are mentions, not declarations")
    {
        Facts f = parse({"Electrolyte Blend 1.2 g *", "Sodium Citrate, Magnesium Lactate"});
        CHECK(absent(f, Mineral::Sodium));
        CHECK(absent(f, Mineral::Magnesium));
        CHECK_FALSE(f.unreadable[index(Mineral::Sodium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Magnesium)]);
        CHECK(f.mentioned[index(Mineral::Sodium)]);
        CHECK(f.mentioned[index(Mineral::Magnesium)]);
        CHECK_FALSE(f.mentioned[index(Mineral::Potassium)]);
        CHECK(f.electrolyteClaim);
    }

    TEST_CASE("a blend whose name OCR misread one letter off still holds mentions")
    {
        for (const char* header : {"Electrolyte Biend 1.2 g *", "Eiectrolyte Bend 1,050 mg"}) {
            Facts f = parse({header, "Sodium", "Potassium"});
            CHECK_MESSAGE(absent(f, Mineral::Sodium), header);
            CHECK_FALSE(f.unreadable[index(Mineral::Sodium)]);
            CHECK(f.mentioned[index(Mineral::Potassium)]);
        }
        // A word merely like it is not a blend.
        Facts f = parse({"Supplement Facts", "Vitamin C 60 mg", "Sodium"});
        CHECK(f.unreadable[index(Mineral::Sodium)]);
    }

    TEST_CASE("bare mineral names listed under a blend are mentions")
    {
        Facts f = parse({"Proprietary Electrolyte Blend 500 mg \xe2\x80\xa0", "Sodium, Potassium, Magnesium"});
        CHECK(absent(f, Mineral::Sodium));
        CHECK(f.mentioned[index(Mineral::Potassium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Potassium)]);
        f = parse({"Hydration Blend 800mg \xe2\x80\xa0", "Sodium", "Potassium"});
        CHECK(absent(f, Mineral::Sodium));
        CHECK_FALSE(f.unreadable[index(Mineral::Sodium)]);
        CHECK(f.mentioned[index(Mineral::Sodium)]);
    }

    TEST_CASE("blend contents inline after the amount")
    {
        Facts f =
            parse({"Electrolyte Blend 1.2 g (Sodium Citrate, Potassium Chloride) \xe2\x80\xa0", "Calcium 20 mg 2%"});
        CHECK(absent(f, Mineral::Sodium));
        CHECK(absent(f, Mineral::Potassium));
        CHECK(f.mentioned[index(Mineral::Potassium)]);
        CHECK(mineral(f, Mineral::Calcium).mg == 20);
    }

    TEST_CASE("amount on its own line under the name")
    {
        Facts f = parse({"Sodium", "250 mg 11%", "Potassium (as potassium citrate)", "0.2 g 4%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK(mineral(f, Mineral::Potassium).mg == doctest::Approx(200));
    }

    TEST_CASE("a block of names followed by a block of amounts (no boxes)")
    {
        Facts f = parse({"Sodium", "Potassium", "Magnesium", "250 mg 11%", "0.2 g 4%", "60 mg 14%"});
        // Without boxes only the last name can take the first value line directly; pairing in order is
        // used when the blocks have the same size.
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK(mineral(f, Mineral::Potassium).mg == doctest::Approx(200));
        CHECK(mineral(f, Mineral::Magnesium).mg == 60);
    }

    TEST_CASE("columns paired by word boxes")
    {
        auto line = [](std::vector<std::pair<const char*, int>> words, int y, float conf = 0.9f) {
            TextLine l;
            for (auto [t, x] : words)
                l.words.push_back(Word{t, conf, Box{x, y, 40, 20}});
            int x0 = words.front().second, x1 = words.back().second + 40;
            l.box = Box{x0, y, x1 - x0, 20};
            return l;
        };
        // Tesseract read the name column first, then the amount column.
        std::vector<TextLine> lines = {
            line({{"Supplement", 10}, {"Facts", 120}}, 0),
            line({{"Sodium", 10}}, 100),
            line({{"Potassium", 10}}, 130),
            line({{"Magnesium", 10}}, 160),
            line({{"250", 300}, {"mg", 340}, {"11%", 400}}, 101),
            line({{"60", 300}, {"mg", 340}, {"14%", 400}}, 161),
            line({{"0.2", 300}, {"g", 340}, {"4%", 400}}, 131),
        };
        Facts f = parseFacts(lines);
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK(mineral(f, Mineral::Potassium).mg == doctest::Approx(200));
        CHECK(mineral(f, Mineral::Magnesium).mg == 60);
        CHECK(f.panel == PanelType::SupplementFacts);
    }

    TEST_CASE("values alone on the line below a name wrapped over three lines (word boxes)")
    {
        // Photo 086: the row's name ends its parenthetical on its third line, and its amount and %DV stand on a
        // fourth line of their own, right of the name.
        auto line = [](std::vector<std::pair<const char*, int>> words, int y) { return boxedLine(words, y, 30); };
        std::vector<TextLine> lines = {
            line({{"Supplement", 120}, {"Facts", 590}}, 200),
            line({{"Sodium", 115}, {"(as", 315}}, 720),
            line({{"Sodium", 140}}, 770),
            line({{"Bicarbonate)", 140}}, 820),
            line({{"480", 440}, {"mg", 550}, {"21%", 690}}, 870),
            line({{"Magnesium", 115}, {"18", 480}, {"mg", 550}, {"4%", 690}}, 930),
        };
        Facts f = parseFacts(lines);
        CHECK(mineral(f, Mineral::Sodium).mg == 480);
        CHECK(mineral(f, Mineral::Sodium).dailyValuePct == 21);
        CHECK(mineral(f, Mineral::Magnesium).mg == 18);
    }

    TEST_CASE("values alone below a name whose parenthetical opens on a line of its own (word boxes)")
    {
        // Seed 777's 084 as read: "(as" alone on the second line, the parenthetical closed on the fourth, the values
        // on the fifth; the row lost them.
        auto line = [](std::vector<std::pair<const char*, int>> words, int y) { return boxedLine(words, y, 38); };
        std::vector<TextLine> lines = {
            line({{"Supplement", 60}, {"Facts", 400}}, 20),
            line({{"Magnesium", 56}}, 391),
            line({{"(as", 78}}, 440),
            line({{"Magnesium", 79}}, 488),
            line({{"Bisglycinate)", 79}}, 535),
            line({{"160mg", 354}, {"38%", 600}}, 582),
            line({{"Sodium", 56}, {"30mg", 400}, {"1%", 620}}, 632),
        };
        Facts f = parseFacts(lines);
        CHECK(mineral(f, Mineral::Magnesium).mg == 160);
        CHECK(mineral(f, Mineral::Magnesium).dailyValuePct == 38);
        CHECK(mineral(f, Mineral::Sodium).mg == 30);
    }

    TEST_CASE("OCR confusions in numbers and units")
    {
        Facts f = parse({"S0dium 25O mg 1l%", "Potasslum l30rng 3%", "Calclum 2O mq 2%", "Magneslum 60mg14%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK(mineral(f, Mineral::Sodium).dailyValuePct == 11);
        CHECK(mineral(f, Mineral::Potassium).mg == 130);
        CHECK(mineral(f, Mineral::Calcium).mg == 20);
        CHECK(mineral(f, Mineral::Magnesium).mg == 60);
        CHECK(mineral(f, Mineral::Magnesium).dailyValuePct == 14);
        // Corrections lower the confidence.
        CHECK(*mineral(f, Mineral::Sodium).confidence < 1.0);
    }

    TEST_CASE("Sodiurn with rn for m")
    {
        Facts f = parse({"Sodiurn 130 rng 6%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 130);
    }

    TEST_CASE("9 read for g is resolved by the %DV")
    {
        Facts f = parse({"Potassium 0.29 4%"});
        const auto& k = mineral(f, Mineral::Potassium);
        CHECK(k.amount == doctest::Approx(0.2));
        CHECK(k.unit == AmountUnit::G);
        CHECK(k.mg == doctest::Approx(200));
        CHECK(*k.confidence < 0.8);
    }

    TEST_CASE("a bare number that fits the %DV as mg stays mg")
    {
        // "Sodium 29 1%": 29 mg is 1.3% of 2300 mg, 2 g would be 87%.
        Facts f = parse({"Sodium 29 1%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 29);
        CHECK(mineral(f, Mineral::Sodium).unit == AmountUnit::Mg);
    }

    TEST_CASE("a unit contradicted by the %DV is corrected")
    {
        // "200 g" with 4% potassium is 200 mg whose m was lost.
        Facts f = parse({"Potassium 200 g 4%"});
        CHECK(mineral(f, Mineral::Potassium).mg == 200);
        CHECK(mineral(f, Mineral::Potassium).unit == AmountUnit::Mg);
    }

    TEST_CASE("mg whose g was cut off, taken when the %DV agrees")
    {
        Facts f = parse({"Sodium (from pink", "Himalayan salt) 130m 6%", "Calcium 23m 2%", "Potassium 900m 1%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 130);
        CHECK(mineral(f, Mineral::Sodium).unit == AmountUnit::Mg);
        CHECK_FALSE(mineral(f, Mineral::Sodium).estimated);
        CHECK(*mineral(f, Mineral::Sodium).confidence < 0.8);
        CHECK(mineral(f, Mineral::Calcium).mg == 23);
        // 900 mg is 19 % of potassium's Daily Value, not 1 %: the %DV's estimate stands.
        CHECK(mineral(f, Mineral::Potassium).estimated);
        // A printed 0 % agrees with any amount below half a percent: 20 mg of potassium, not an estimated zero.
        f = parse({"Potassium (from", "potassium ciioride) 20m O%", "Magnesium 90m 0%"});
        CHECK(mineral(f, Mineral::Potassium).mg == 20);
        CHECK_FALSE(mineral(f, Mineral::Potassium).estimated);
        CHECK(mineral(f, Mineral::Magnesium).estimated); // 90 mg is 21 % of magnesium's
    }

    TEST_CASE("a garbled amount read as the one reading its %DV rounds from")
    {
        Facts f = parse({"Sodium somg 1%", "Calcium (as calcium", "lactate) iS img 1%", "Magnesium (as magnesium",
                         "malate) llimg 3%", "Potassium (as potassium citrate) a5mg 2%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 30); // not 50 mg: 2.2 % rounds to 2 %
        CHECK(mineral(f, Mineral::Sodium).unit == AmountUnit::Mg);
        CHECK_FALSE(mineral(f, Mineral::Sodium).estimated);
        CHECK(*mineral(f, Mineral::Sodium).confidence < 0.8);
        CHECK(mineral(f, Mineral::Calcium).mg == 15); // "img" alone would read 1 mg
        CHECK(mineral(f, Mineral::Magnesium).mg == 11);
        CHECK(mineral(f, Mineral::Potassium).mg == 85);
        // Of two readings that fit, the one with more glyphs read as their likeliest digit: 45 mg, not 43 (and not
        // 85 or 83, which are 6 % of calcium's Daily Value); "ssmg 1%" is 35 mg, not 33.
        f = parse(
            {"Calcium (from Calcium", "Citrate) asmg 3%", "Potassium (as", "Phosphate) 4smg 1%", "Sodium ssmg 1%"});
        CHECK(mineral(f, Mineral::Calcium).mg == 45);
        CHECK_FALSE(mineral(f, Mineral::Calcium).estimated);
        CHECK(mineral(f, Mineral::Potassium).mg == 45);
        CHECK(mineral(f, Mineral::Sodium).mg == 35);
    }

    TEST_CASE("a garbled amount stays the %DV's estimate when no reading or two readings fit")
    {
        // "1samg 6%": 158, 154, 138 and 134 mg; 154 and 138, each with one glyph read as its less likely digit,
        // both round to 6 % of sodium's Daily Value (of 2,400 mg and of 2,300). "Somg <1%": no whole %DV to round
        // to. "xqmg 4%": no reading at all.
        Facts f = parse({"Sodium 1samg 6%", "Calcium Somg <1%", "Magnesium xqmg 4%"});
        CHECK(mineral(f, Mineral::Sodium).estimated);
        CHECK(mineral(f, Mineral::Sodium).mg == doctest::Approx(138));
        CHECK(mineral(f, Mineral::Magnesium).estimated);
        CHECK(mineral(f, Mineral::Calcium).estimated);
    }

    TEST_CASE("manganese, molybdenum and chloride never become electrolyte minerals")
    {
        Facts f = parse({"Manganese 2 mg 87%", "Molybdenum 45 mcg 100%", "Chloride 380 mg 17%", "Chromium 35mcg 100%"});
        for (Mineral m : kMinerals) {
            CHECK(absent(f, m));
            CHECK_FALSE(f.unreadable[index(m)]);
        }
        CHECK(f.nutrients.size() == 4);
    }

    TEST_CASE("older %DV-only calcium and potassium are estimated")
    {
        Facts f = parse({"Nutrition Facts", "Calories 50 Calories from Fat 0", "Sodium 35mg 1%", "Potassium 10%",
                         "Vitamin A 0% \xe2\x80\xa2 Vitamin C 0%", "Calcium 2% \xe2\x80\xa2 Iron 0%"});
        CHECK(f.dvEra == DvEra::Pre2016);
        const auto& ca = mineral(f, Mineral::Calcium);
        CHECK(ca.estimated);
        CHECK_FALSE(ca.amount);
        CHECK_FALSE(ca.unit);
        CHECK(ca.mg == doctest::Approx(20));
        CHECK(ca.dailyValuePct == 2);
        const auto& k = mineral(f, Mineral::Potassium);
        CHECK(k.estimated);
        CHECK(k.mg == doctest::Approx(350));
        CHECK_FALSE(mineral(f, Mineral::Sodium).estimated);
    }

    TEST_CASE("a Nutrition Facts read without sodium lost rows: the minerals it did not see are unreadable")
    {
        // Read so on a generated photo of a bottle curved 99 degrees: the title and the first rows only.
        Facts f = parse(
            {"Nutrition Facts", "Serving Size 1 cup (240 mL)", "Calories 80", "Total Fat 0g 0%", "Cholesterol 0mg 0%"});
        REQUIRE(f.panel == PanelType::NutritionFacts);
        for (Mineral m : kMinerals) {
            CHECK(absent(f, m));
            CHECK(f.unreadable[index(m)]);
        }
        // With sodium read, a mineral not on the panel is absent.
        f = parse({"Nutrition Facts", "Calories 80", "Total Fat 0g 0%", "Sodium 200mg 9%", "Potassium 60mg 1%"});
        CHECK_FALSE(f.unreadable[index(Mineral::Magnesium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Calcium)]);
        // A Supplement Facts panel need not declare sodium.
        f = parse({"Supplement Facts", "Serving Size 1 Stick", "Magnesium 60mg 14%", "Potassium 200mg 4%"});
        CHECK_FALSE(f.unreadable[index(Mineral::Sodium)]);
        // "Not a significant source of calcium" keeps calcium absent.
        f = parse({"Nutrition Facts", "Calories 80", "Total Fat 0g 0%", "Not a significant source of calcium"});
        CHECK(f.unreadable[index(Mineral::Sodium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Calcium)]);
    }

    TEST_CASE("a bare number that fits the row's %DV in no unit is not its amount")
    {
        // Read so on a generated photo: "Calcium 11% â¢ Iron 90%" with the bullet as "e" and Iron's % as 4.
        Facts f = parse({"Nutrition Facts", "Calories 50 Calories from Fat 0", "Sodium 0mg 0%",
                         "Vitamin A 10% â¢ Vitamin C 16%", "Calcitim 11% e Iran 904"});
        const auto& ca = mineral(f, Mineral::Calcium);
        CHECK(ca.estimated);
        CHECK(ca.mg == doctest::Approx(110));
        // "190mg" read as "1909" (the m lost, the g read as 9), with no %DV to check it against.
        f = parse({"Nutrition Facts", "Calories 80", "Sodium 1909", "Potassium 2609"});
        CHECK(mineral(f, Mineral::Sodium).mg == 190);
        CHECK(mineral(f, Mineral::Potassium).mg == 260);
        // One that fits is kept, its unit taken as mg.
        f = parse({"Supplement Facts", "Sodium (as sodium citrate) 250 11%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK_FALSE(mineral(f, Mineral::Sodium).estimated);
    }

    TEST_CASE("two %DV-only items on one line whose bullet OCR read as other marks, or lost")
    {
        // Read so on a generated photo of an older panel: the bullets came out as "+", "=*" and "»*".
        Facts f =
            parse({"Nutrition Facts", "Calories 200 Calories from Fat 0", "Sodium 390mg 16%",
                   "Vitamin A0% + Vitamin C 14%", "Calcium 3% =* Iron 2%", "Potassium 13% \xc2\xbb* Magnesium 22%"});
        CHECK(f.dvEra == DvEra::Pre2016);
        CHECK(mineral(f, Mineral::Calcium).dailyValuePct == 3);
        CHECK(mineral(f, Mineral::Potassium).dailyValuePct == 13);
        CHECK(mineral(f, Mineral::Magnesium).dailyValuePct == 22);
        CHECK(mineral(f, Mineral::Magnesium).mg == doctest::Approx(88));
        Facts g = parse({"Nutrition Facts", "Calories 50 Calories from Fat 0", "Sodium 35mg 1%", "Iron 2% Calcium 5%",
                         "Magnesium 21%"});
        CHECK(mineral(g, Mineral::Calcium).dailyValuePct == 5);
        CHECK(mineral(g, Mineral::Magnesium).dailyValuePct == 21);
        // Any marks without a letter or digit between two items; a letter still ends the list.
        for (const char* bullet : {"\xc2\xa2", "=*", "\xc2\xa9", "~", "$"}) {
            CAPTURE(bullet);
            const std::string line = std::string("Iron 5% ") + bullet + " Magnesium 22%";
            Facts h = parse({"Nutrition Facts", "Sodium 30mg 1%", line.c_str()});
            CHECK(mineral(h, Mineral::Magnesium).dailyValuePct == 22);
        }
        CHECK(absent(parse({"Nutrition Facts", "Sodium 30mg 1%", "Iron 5% e Magnesium 22%"}), Mineral::Magnesium));
    }

    TEST_CASE("%DV-only magnesium on a current panel uses the current Daily Value")
    {
        Facts f = parse({"Nutrition Facts", "Total Sugars 12g", "Includes 10g Added Sugars 20%", "Sodium 230mg 10%",
                         "Magnesium 10%"});
        CHECK(f.dvEra == DvEra::Current);
        CHECK(mineral(f, Mineral::Magnesium).mg == doctest::Approx(42));
        CHECK(mineral(f, Mineral::Magnesium).estimated);
    }

    TEST_CASE("the old footnote table is not the product's sodium")
    {
        Facts f = parse({"Nutrition Facts", "Sodium 0mg 0%", "*Percent Daily Values are based on a 2,000 calorie diet.",
                         "Calories: 2,000 2,500", "Total Fat Less than 65g 80g", "Sodium Less than 2,400mg 2,400mg",
                         "Potassium 3,500mg 3,500mg", "Dietary Fiber 25g 30g"});
        CHECK(mineral(f, Mineral::Sodium).mg == 0);
        CHECK(absent(f, Mineral::Potassium));
        CHECK_FALSE(f.unreadable[index(Mineral::Potassium)]);
        CHECK(f.dvEra == DvEra::Pre2016);
    }

    TEST_CASE("preparation notes are not the product's")
    {
        Facts f = parse({"Sodium 150mg 6%", "Amount in cereal. One half cup of", "skim milk provides 65mg sodium,",
                         "plus skim milk provides 220mg sodium and 200mg potassium"});
        CHECK(mineral(f, Mineral::Sodium).mg == 150);
        CHECK(absent(f, Mineral::Potassium));
        CHECK_FALSE(f.unreadable[index(Mineral::Potassium)]);
    }

    TEST_CASE("ingredient lists and warnings")
    {
        Facts f = parse({"Supplement Facts", "Calcium 20 mg 2%", "Other ingredients: Citric acid, magnesium stearate,",
                         "Sodium Chloride 300 mg, natural flavor.", "WARNING: Not for use by persons on a",
                         "low-sodium diet. Consult your physician.", "Magnesium"});
        CHECK(absent(f, Mineral::Magnesium));
        CHECK(absent(f, Mineral::Sodium));
        CHECK_FALSE(f.unreadable[index(Mineral::Magnesium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Sodium)]);
        CHECK(f.mentioned[index(Mineral::Sodium)]);
        CHECK_FALSE(f.mentioned[index(Mineral::Magnesium)]);
    }

    TEST_CASE("a warning line starting with a mineral word is prose")
    {
        Facts f = parse({"Sodium 10mg 0%", "If you are on a low-", "potassium diet consult a doctor"});
        CHECK(absent(f, Mineral::Potassium));
        CHECK_FALSE(f.unreadable[index(Mineral::Potassium)]);
    }

    TEST_CASE("not a significant source of calcium")
    {
        Facts f = parse({"Nutrition Facts", "Sodium 200mg 9%", "Potassium 50mg 1%",
                         "Not a significant source of saturated fat, trans fat,", "cholesterol, calcium and iron."});
        CHECK(absent(f, Mineral::Calcium));
        CHECK_FALSE(f.unreadable[index(Mineral::Calcium)]);
        CHECK(f.notSignificant[index(Mineral::Calcium)]);
        CHECK(mineral(f, Mineral::Potassium).mg == 50);
        // As OCR reads it: a letter dropped from "significant".
        f = parse({"Nutrition Facts", "Potassium 60mg 1%", "Magnesium 50mg 12%", "Not a signficant source of calcium"});
        CHECK(absent(f, Mineral::Calcium));
        CHECK_FALSE(f.unreadable[index(Mineral::Calcium)]);
        CHECK(f.notSignificant[index(Mineral::Calcium)]);
        // Nor does any word near "significant" make a sentence of it.
        f = parse({"Nutrition Facts", "Potassium 60mg 1%", "Not a signature blend of calcium"});
        CHECK_FALSE(f.notSignificant[index(Mineral::Calcium)]);
    }

    TEST_CASE("dual columns report the first")
    {
        Facts f = parse({"Per serving Per container", "Sodium 250mg 11% 500mg 22%", "Potassium 0mg 0% 0mg 0%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK(mineral(f, Mineral::Sodium).dailyValuePct == 11);
        CHECK(mineral(f, Mineral::Potassium).mg == 0);
    }

    TEST_CASE("run-in linear rows")
    {
        Facts f = parse({"Nutrition Facts Serv. size 1 packet (5g), Amount per serving: Calories 15,",
                         "Total Fat 0g (0% DV), Sodium 115mg (5% DV), Potassium 30mg (1% DV), Total Carb. 4g",
                         "(1% DV), Sugars 3g, Protein 0g."});
        CHECK(mineral(f, Mineral::Sodium).mg == 115);
        CHECK(mineral(f, Mineral::Sodium).dailyValuePct == 5);
        CHECK(mineral(f, Mineral::Potassium).mg == 30);
        CHECK(mineral(f, Mineral::Potassium).dailyValuePct == 1);
        CHECK(absent(f, Mineral::Calcium));
    }

    TEST_CASE("run-in rows separated by bullets and side by side")
    {
        Facts f = parse({"Total Fat 0g 0% \xe2\x80\xa2 Sodium 160mg 7%", "Total Carb. 14g 5% Potassium 45mg 1%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 160);
        CHECK(mineral(f, Mineral::Potassium).mg == 45);
    }

    TEST_CASE("bilingual names")
    {
        Facts f =
            parse({"Sodium/Sodio 250mg 11%", "Potasio / Potassium 200mg 4%", "Calcio 20mg 2%", "Magnesio 60mg 14%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK(mineral(f, Mineral::Potassium).mg == 200);
        CHECK(mineral(f, Mineral::Calcium).mg == 20);
        CHECK(mineral(f, Mineral::Magnesium).mg == 60);
    }

    TEST_CASE("explicit zero is declared")
    {
        Facts f = parse({"Sodium 0mg 0%"});
        const auto& na = mineral(f, Mineral::Sodium);
        CHECK(na.mg == 0);
        CHECK(na.amount == 0);
        CHECK(na.dailyValuePct == 0);
    }

    TEST_CASE("a present row with unreadable values")
    {
        Facts f = parse({"Sodium 250mg 11%", "Potassium ~~ ,'", "Magnesium"});
        CHECK(absent(f, Mineral::Potassium));
        CHECK(f.unreadable[index(Mineral::Potassium)]);
        CHECK(f.unreadable[index(Mineral::Magnesium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Sodium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Calcium)]);
    }

    TEST_CASE("an unreadable amount with a readable %DV is estimated with low confidence")
    {
        Facts f = parse({"Sodium 2#0mg 11%"});
        const auto& na = mineral(f, Mineral::Sodium);
        CHECK(na.estimated);
        CHECK(na.mg == doctest::Approx(253));
        CHECK(*na.confidence <= 0.5);
    }

    TEST_CASE("the line of an amount that did not read is given for a second read")
    {
        // Seed 4242's 056: "95 mg 2%" read as "9mg 2%" (the amount read less surely than the %DV), the last line of a
        // row wrapped over three.
        std::vector<TextLine> lines = toTextLines({"Sodium 250mg 11%", "Potassium (as", "dipotassium",
                                                   "phosphate) 9mg 2%", "Calcium 2#0mg 15%", "Magnesium 6%"});
        lines[3].words[1].confidence = 0.84f;
        lines[3].words[2].confidence = 0.91f;
        Facts f = parseFacts(lines);
        CHECK(mineral(f, Mineral::Potassium).estimated);
        CHECK(f.amountUnreadLine[index(Mineral::Potassium)] == 3);
        CHECK(f.amountUnreadLine[index(Mineral::Calcium)] == 4);
        // Read right, or declared as a %DV only: nothing to read again.
        CHECK(f.amountUnreadLine[index(Mineral::Sodium)] == -1);
        CHECK(mineral(f, Mineral::Magnesium).estimated);
        CHECK(f.amountUnreadLine[index(Mineral::Magnesium)] == -1);
    }

    TEST_CASE("confidence comes from the row's words")
    {
        TextLine l;
        l.words = {Word{"Sodium", 0.95f, {}}, Word{"250", 0.6f, {}}, Word{"mg", 0.9f, {}}, Word{"11%", 0.8f, {}}};
        TextLine other;
        other.words = {Word{"Calcium", 0.3f, {}}, Word{"20", 0.99f, {}}, Word{"mg", 0.99f, {}}};
        Facts f = parseFacts(std::vector<TextLine>{l, other});
        CHECK(*mineral(f, Mineral::Sodium).confidence == doctest::Approx(0.6));
        CHECK(*mineral(f, Mineral::Calcium).confidence == doctest::Approx(0.3));
    }

    TEST_CASE("serving size")
    {
        CHECK(parse({"Supplement Facts", "Serving Size 1 Stick (6 g)"}).servingSize == "1 Stick (6 g)");
        CHECK(parse({"Serving Size/Tama\xc3\xb1o por Porci\xc3\xb3n 1 Stick (6 g)"}).servingSize == "1 Stick (6 g)");
        CHECK(parse({"Serving size: 2 scoops (15g)"}).servingSize == "2 scoops (15g)");
    }

    TEST_CASE("no panel")
    {
        Facts f = parse({"Lemon Lime", "Net Wt 6.4 oz"});
        CHECK_FALSE(f.panel);
        CHECK(f.nutrients.empty());
        for (Mineral m : kMinerals)
            CHECK(absent(f, m));
        f = parseFacts(std::vector<std::string>{});
        CHECK_FALSE(f.panel);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("garbage standing for values keeps the row unreadable, not prose")
    {
        Facts f = parse({"Sodium 250mg 11%", "Calcium ZSOmg ~"});
        CHECK(absent(f, Mineral::Calcium));
        CHECK(f.unreadable[index(Mineral::Calcium)]);
    }

    TEST_CASE("a title alone is not a readable panel")
    {
        CHECK_FALSE(panelReadable(parse({"Supplement Facts", "~~~ ## ~~"})));
        CHECK(panelReadable(parse({"Supplement Facts", "Sodium 250mg 11%"})));
    }

    TEST_CASE("sodium-free and magnesium stearate are not rows")
    {
        Facts f = parse({"SODIUM FREE", "Sodium-free", "Magnesium Stearate"});
        CHECK(absent(f, Mineral::Sodium));
        CHECK_FALSE(f.unreadable[index(Mineral::Sodium)]);
        CHECK_FALSE(f.unreadable[index(Mineral::Magnesium)]);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("a row with a source parenthetical right under a blend's contents")
    {
        // Regression: the OCR lost "20 mg 1%"; the sodium row must read as present-but-unreadable, not as
        // blend contents.
        Facts f =
            parse({"Electrolyte", "Complex 850 mg \xe2\x80\xa0", "Calcium Lactate, Coconut", "Water Powder, Potassium",
                   "Citrate", "Sodium (as", "sodium", "chloride and", "sodium", "citrate)", "Magnesium", "(as",
                   "magnesium", "oxide) 15mg 4%", "Calcium 150 mg 12%", "Potassium 0.8 g"});
        CHECK(f.unreadable[index(Mineral::Sodium)]);
        CHECK(mineral(f, Mineral::Magnesium).mg == 15);
        CHECK(mineral(f, Mineral::Calcium).mg == 150);
        CHECK(mineral(f, Mineral::Potassium).mg == 800);
    }

    TEST_CASE("a narrow column wraps a row over five lines")
    {
        Facts f = parse({"Sodium (as", "sodium", "chloride and", "sodium", "citrate) 20 mg 1%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 20);
    }

    TEST_CASE("0.4 g read as 04g")
    {
        Facts f = parse({"Sodium 04g 17%"});
        CHECK(mineral(f, Mineral::Sodium).mg == doctest::Approx(400));
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("a closing parenthesis glued to the amount")
    {
        Facts f = parse({"Potassium (as", "Potassium Chloride)45 mg <1%", "Sodium115mg 5%"});
        CHECK(mineral(f, Mineral::Potassium).mg == 45);
        CHECK(mineral(f, Mineral::Potassium).dailyValuePct == 0.5);
        CHECK(mineral(f, Mineral::Sodium).mg == 115);
    }

    TEST_CASE("a name glued to a zero read as the letter O")
    {
        Facts f = parse({"Nutrition Facts", "CholesterolOmg 0%", "PotassiumOmg 0%", "Sodium 35mg 2%"});
        CHECK(mineral(f, Mineral::Potassium).mg == 0);
        CHECK(mineral(f, Mineral::Potassium).dailyValuePct == 0);
        CHECK(mineral(f, Mineral::Sodium).mg == 35);
    }

    TEST_CASE("an amount glued to a rule's stub or a dagger after it")
    {
        // Photo 084: "citrate) 7mg__*=" (a leader and the dagger read into the amount's word).
        Facts f = parse({"Magnesium (as", "magnesium", "citrate) 7mg__*=", "Sodium 250mg- 11%", "Calcium 20mg_"});
        CHECK(mineral(f, Mineral::Magnesium).mg == 7);
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        CHECK(mineral(f, Mineral::Sodium).dailyValuePct == 11);
        CHECK(mineral(f, Mineral::Calcium).mg == 20);
    }

    TEST_CASE("an amount glued to a rule's stub before it")
    {
        // Seed 4242's 052: "Sodium _970 mg" (the leader read into the amount's word).
        Facts f = parse({"Sodium _970 mg", "Calcium =54mg 4%", "Potassium ~_20mg 1%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 970);
        CHECK(mineral(f, Mineral::Calcium).mg == 54);
        CHECK(mineral(f, Mineral::Calcium).dailyValuePct == 4);
        CHECK(mineral(f, Mineral::Potassium).mg == 20);
    }

    TEST_CASE("a bare number read through two fixes is a reading only when its %DV agrees")
    {
        // Photo 177: "Sodium 079" for "Sodium 0mg"; photo 002: "carbonate) 029 15%" for 0.2g.
        Facts f = parse({"Sodium 079", "Calcium (as calcium", "carbonate) 029 15%"});
        CHECK_FALSE(f.minerals[index(Mineral::Sodium)]);
        CHECK(f.unreadable[index(Mineral::Sodium)]);
        CHECK(mineral(f, Mineral::Calcium).mg == 200);
        CHECK(mineral(f, Mineral::Calcium).unit == AmountUnit::G);
    }

    TEST_CASE("a panel title after an ingredient list starts the panel again")
    {
        Facts f = parse({"Ingredients: Sodium citrate, potassium chloride", "Supplement Facts",
                         "Electrolyte Blend 1.2 g t", "Sodium Bicarbonate, Trace Minerals", "Calcium 20 mg 2%"});
        CHECK(mineral(f, Mineral::Calcium).mg == 20);
        bool blend = false;
        for (const auto& n : f.nutrients)
            blend = blend || n.name == "Electrolyte Blend";
        CHECK(blend);
    }

    TEST_CASE("a nutrient with values ends an unclosed parenthetical")
    {
        // The OCR read the ')' as ']' and the next row must not be swallowed.
        Facts f = parse({"Selenium", "(as", "selenomethionine] 70mcg 127%", "Sodium 95mg 4%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 95);
        f = parse({"Selenium (as L-selenomethionine", "Sodium 95mg 4%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 95);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("a space inside a number")
    {
        // Regression from a photo: "Sodium 230mg 10%" read as "Sodium 2 30mg 10%".
        Facts f = parse({"Sodium 2 30mg 10%", "Cholesterol Ong 0%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 230);
        CHECK(*mineral(f, Mineral::Sodium).confidence < 1.0f);
        // Dual columns with units on both sides stay apart.
        f = parse({"Sodium 250mg 11% 500mg 22%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 250);
        // Regression from a generated photo: the narrow 1 set apart and the unit a word apart.
        f = parse({"Supplement Facts", "Potassium (as", "potassium chloride) 1 10 mg MN"});
        CHECK(mineral(f, Mineral::Potassium).mg == 110);
        CHECK(*mineral(f, Mineral::Potassium).confidence < 1.0f);
        // A speck before the amount that was its first digit, the %DV rounding from it alone (seed 777's 006,
        // "Sodium 130mg 6%" read "Sodium | 30mg 6%" and, its % lost as well, "Sodaum | 30mg 6").
        f = parse({"Supplement Facts", "Sodium | 30mg 6%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 130);
        f = parse({"Supplement Facts", "Sodium | 30mg 6"});
        CHECK(mineral(f, Mineral::Sodium).mg == 130);
        CHECK(mineral(f, Mineral::Sodium).dailyValuePct == 6);
        // Without a %DV to decide, or with one that the amount as read fits, the amount stays as read.
        for (const char* row : {"Sodium | 30mg oo", "Sodium | 30mg 1%", "Sodium | 30mg 1", "Sodium 30mg 6"}) {
            f = parse({"Supplement Facts", row});
            CHECK_MESSAGE(mineral(f, Mineral::Sodium).mg == 30, row);
        }
        f = parse({"Nutrition Facts", "Sodium 75mo0 3%"}); // seed 4242's 190
        CHECK(mineral(f, Mineral::Sodium).mg == 75);
        CHECK_FALSE(mineral(f, Mineral::Sodium).estimated);
        // A decimal point lost after a 0 (seed 4242's 073: "Sodium 0.2 g" read "Sodium 0 2g"): 200 mg, not 0.
        f = parse({"Supplement Facts", "Sodium 0 2g 9%"});
        CHECK(mineral(f, Mineral::Sodium).mg == doctest::Approx(200));
        // Two numbers without a unit after them are not joined ("5 10" is not 510 mg).
        f = parse({"Supplement Facts", "Sodium 5 10 20%"});
        CHECK_FALSE(mineral(f, Mineral::Sodium).mg == 510);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("text above the panel title is not a row")
    {
        // Regression from a photo: the product name "Magnesium" and "NET WT 7402" above the panel.
        Facts f = parse({"Bright D", "Magnesium", "NET WT 7402", "Supplement Facts", "Serving Size 1 Stick Pack (6 g)",
                         "Manganese (as", "manganese", "gluconate) 1mg 43%"});
        CHECK(absent(f, Mineral::Magnesium));
        CHECK_FALSE(f.unreadable[index(Mineral::Magnesium)]);
    }

    TEST_CASE("implausible bare numbers are not readings")
    {
        // "260mg 11%" read as "Soong 1".
        Facts f = parse({"Sodium (from Sodium", "Citrate) Soong 1"});
        CHECK(absent(f, Mineral::Sodium));
        CHECK(f.unreadable[index(Mineral::Sodium)]);
        f = parse({"Potassium 7402"});
        CHECK(absent(f, Mineral::Potassium));
        CHECK(f.unreadable[index(Mineral::Potassium)]);
        f = parse({"Potassium 250"});
        CHECK(mineral(f, Mineral::Potassium).mg == 250);
    }

    TEST_CASE("an amount OCR read only as lookalikes, its unit a word apart")
    {
        Facts f = parse({"Calcium (as Calcium", "Lactate) ll mg 1%", "Magnesium (as magnesium", "citrate) Img <1%"});
        CHECK(mineral(f, Mineral::Calcium).mg == 11);
        CHECK(mineral(f, Mineral::Magnesium).mg == 1);
    }

    TEST_CASE("mcg read as mg, next to \"<1%\"")
    {
        // 800 mg of calcium would be 62 % of its Daily Value; 800 mcg is 0.06 %.
        Facts f = parse({"Calcium (as calcium citrate) 800 mg <1%", "Magnesium B00 mg <1%", "Sodium 5 mg <1%"});
        CHECK(mineral(f, Mineral::Calcium).unit == AmountUnit::Mcg);
        CHECK(mineral(f, Mineral::Calcium).mg == doctest::Approx(0.8));
        CHECK(mineral(f, Mineral::Magnesium).mg == doctest::Approx(0.8));
        CHECK_FALSE(mineral(f, Mineral::Magnesium).estimated);
        CHECK(mineral(f, Mineral::Sodium).mg == 5);
        // Under a whole %DV the same amount stays in mg.
        f = parse({"Calcium 800 mg 62%"});
        CHECK(mineral(f, Mineral::Calcium).mg == 800);
        // Also when the %DV lost a digit ("1%" for 11 %): 270 mcg would be 0.01 % of sodium's Daily Value, which does
        // not round to 1 %. A unit that the %DV does round from is taken ("0.2 mg 9%": 0.2 g).
        f = parse({"Nutrition Facts", "Sodium 270mg 1%", "Potassium 0.2 mg 4%"});
        CHECK(mineral(f, Mineral::Sodium).mg == 270);
        CHECK(mineral(f, Mineral::Sodium).unit == AmountUnit::Mg);
        CHECK(mineral(f, Mineral::Potassium).mg == 200);
    }

    TEST_CASE("a name garbled past matching is the one mineral its amount and %DV fit, or its first letters say")
    {
        // 30 mg at 2 % is calcium's Daily Value only (sodium's would be 1 %, magnesium's 7 %).
        // ("Magrcxasn" is four edits off magnesium, its "asn" one of them; "Magresasn" now matches by name.)
        Facts f = parse({"Supplement Facts", "Cachan 30mg 2%", "Magrcxasn 10mg", "Sodan 202mg m"});
        CHECK(mineral(f, Mineral::Calcium).mg == 30);
        CHECK(mineral(f, Mineral::Calcium).confidence < 0.7);
        // No %DV to tell the Daily Value: the first three letters, a mass unit and the name's length do.
        CHECK(mineral(f, Mineral::Magnesium).mg == 10);
        CHECK(mineral(f, Mineral::Magnesium).confidence < 0.7);
        CHECK(mineral(f, Mineral::Sodium).mg == 202);
        // Not when only two letters are alike, the name is much longer or shorter, no mass unit was read, or a %DV
        // fits no mineral's.
        f = parse({"Supplement Facts", "Maxresasn 10mg", "Sodiumchloridex 202mg", "Potas 100mg", "Calories 10",
                   "Calorics 30mg 9%"});
        for (Mineral m : {Mineral::Sodium, Mineral::Potassium, Mineral::Calcium, Mineral::Magnesium})
            CHECK(absent(f, m));
        // Not when the name's first letter is another's, another row declares the mineral, or two fit.
        f = parse({"Supplement Facts", "Dachan 30mg 2%"});
        CHECK(absent(f, Mineral::Calcium));
        f = parse({"Supplement Facts", "Calcium 20 mg 2%", "Cachan 30mg 2%"});
        CHECK(mineral(f, Mineral::Calcium).mg == 20);
        f = parse({"Supplement Facts", "Mxxxxxxx 0mg 0%", "Sxxxxx 0mg 0%"});
        CHECK(absent(f, Mineral::Magnesium));
        CHECK(absent(f, Mineral::Sodium));
    }

    TEST_CASE("a zero read poorly, with no 0% beside it, is unreadable rather than missing")
    {
        auto words = [](std::vector<const char*> texts, float conf) {
            TextLine l;
            for (const char* t : texts)
                l.words.push_back(Word{t, conf, {}});
            return l;
        };
        // "Potassium Omg" read from a blurred "Potassium 70mg", every word at 0.2.
        Facts f =
            parseFacts(std::vector<TextLine>{words({"Supplement", "Facts"}, 0.9f), words({"Potassium", "Omg"}, 0.2f),
                                             words({"Calcium", "0mg", "0%"}, 0.2f), words({"Sodium", "0mg"}, 0.6f)});
        CHECK(absent(f, Mineral::Potassium));
        CHECK(f.unreadable[index(Mineral::Potassium)]);
        // A "0%" confirms a zero however poorly read; a zero read well needs nothing to confirm it.
        CHECK(mineral(f, Mineral::Calcium).mg == 0);
        CHECK(mineral(f, Mineral::Sodium).mg == 0);
    }

    TEST_CASE("a zero next to a percent that lost its sign")
    {
        // "140mg 4%" read as "Omg 4".
        Facts f = parse({"Potassium Omg 4"});
        CHECK(absent(f, Mineral::Potassium));
        CHECK(f.unreadable[index(Mineral::Potassium)]);
        f = parse({"Potassium 0mg 0%"});
        CHECK(mineral(f, Mineral::Potassium).mg == 0);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{

    TEST_CASE("leading specks and bullets before a row")
    {
        Facts f = parse({"- Potassium 90mg 2%", "| Sodium 35mg 2%", "* Calcium 60 mg 5%"});
        CHECK(mineral(f, Mineral::Potassium).mg == 90);
        CHECK(mineral(f, Mineral::Sodium).mg == 35);
        CHECK(mineral(f, Mineral::Calcium).mg == 60);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{
    TEST_CASE("a garbled row does not take the next row's amount")
    {
        // Regression from a photo: "Magnesium 5mg 1%" read as "Magnesium Smg 1." and the next rows'
        // "Electrolyte Blend 1.2g" read as "12g".
        Facts f = parse({"Magnesium Smg 1.", "Propnelary", "Electrotyte Blend 12g t"});
        CHECK(absent(f, Mineral::Magnesium));
        CHECK(f.unreadable[index(Mineral::Magnesium)]);
        f = parse({"Magnesium", "Electrolyte Blend 1.2g t"});
        CHECK(absent(f, Mineral::Magnesium));
        CHECK(f.unreadable[index(Mineral::Magnesium)]);
    }

    TEST_CASE("an amount that contradicts its %DV gives way when it was the shakier read")
    {
        TextLine l;
        l.words = {Word{"Potassium", 0.95f, {}}, Word{"3270mq", 0.55f, {}}, Word{"7%", 0.93f, {}}};
        Facts f = parseFacts(std::vector<TextLine>{l});
        const auto& k = mineral(f, Mineral::Potassium);
        CHECK(k.estimated);
        CHECK(k.mg == doctest::Approx(329));
        // Equally sure: kept as printed, with a lower confidence.
        f = parse({"Potassium 3270mg 7%"});
        CHECK(mineral(f, Mineral::Potassium).mg == 3270);
        CHECK(*mineral(f, Mineral::Potassium).confidence < 1.0f);
    }

    TEST_CASE("a garbled amount with a %DV on a supplement panel keeps the current Daily Values")
    {
        Facts f = parse({"Supplement Facts", "Calcium (as Calcium", "Carbonate) 17\xe2\x84\xa2 9q 1%"});
        CHECK(f.dvEra == DvEra::Current);
        CHECK(mineral(f, Mineral::Calcium).mg == doctest::Approx(13));
    }

    TEST_CASE("no serving holds 10 g of a mineral")
    {
        Facts f = parse({"Magnesium 12 g"});
        CHECK(absent(f, Mineral::Magnesium));
        CHECK(f.unreadable[index(Mineral::Magnesium)]);
    }

} // TEST_SUITE

TEST_SUITE("facts")
{
    TEST_CASE("a mineral row with its source ends a warning section")
    {
        Facts f = parse({"Keep out of reach of children. Store in a", "cool, dry place.", "Magnesium (as",
                         "magnesium malate) 100mg 24%"});
        CHECK(mineral(f, Mineral::Magnesium).mg == 100);
    }

} // TEST_SUITE
