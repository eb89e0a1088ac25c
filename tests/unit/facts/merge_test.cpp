// Merging the minerals of several reads of one panel.
#include "labelcheck/facts/merge.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("a read fills the minerals another lacks, and replaces an estimate or an unconfirmed amount")
    {
        Facts best = parseFacts(std::vector<std::string>{"Sodium 250mg 11%", "Magnesium | 30mg", "Calcium 2%"});
        const Facts other =
            parseFacts(std::vector<std::string>{"Potassium 99mg 2%", "Magnesium 130mg 31%", "Calcium 20mg 2%"});
        REQUIRE(best.minerals[index(Mineral::Calcium)]);
        CHECK(best.minerals[index(Mineral::Calcium)]->estimated);
        mergeMinerals(best, other);
        CHECK(best.minerals[index(Mineral::Sodium)]->mg == 250);
        CHECK(best.minerals[index(Mineral::Potassium)]->mg == 99);
        CHECK(best.minerals[index(Mineral::Magnesium)]->mg == 130); // confirmed by its 31 %
        CHECK(best.minerals[index(Mineral::Calcium)]->mg == 20);    // printed beats estimated
        CHECK_FALSE(best.minerals[index(Mineral::Calcium)]->estimated);
    }

    TEST_CASE("of two amounts that no %DV confirms, the one read clearly more confidently")
    {
        // Seed 4242's 106: "Potassium = =-ss« 20mg" (words at 0.32) kept, "Potassium 420mg %" (0.86) read later.
        Facts best = parseFacts(std::vector<std::string>{"Potassium 20mg"});
        best.minerals[index(Mineral::Potassium)]->confidence = 0.32;
        Facts other = parseFacts(std::vector<std::string>{"Potassium 420mg"});
        other.minerals[index(Mineral::Potassium)]->confidence = 0.86;
        Facts close = best;
        mergeMinerals(best, other);
        CHECK(best.minerals[index(Mineral::Potassium)]->mg == 420);
        // A little more confident is not enough: the kept read's stays.
        other.minerals[index(Mineral::Potassium)]->confidence = 0.55;
        mergeMinerals(close, other);
        CHECK(close.minerals[index(Mineral::Potassium)]->mg == 20);
    }

    TEST_CASE("an estimate is not replaced by an amount, read without a %DV, that its %DV rules out")
    {
        // Seed 4242's 138: the grey read "Magnesium 19%", the binarised one "Magnesium 1996" (the % read as 96).
        Facts best = parseFacts(std::vector<std::string>{"Sodium 140mg 6%", "Magnesium 19%"});
        REQUIRE(best.minerals[index(Mineral::Magnesium)]->estimated);
        mergeMinerals(best, parseFacts(std::vector<std::string>{"Sodium 140mg 6%", "Magnesium 1996"}));
        CHECK(best.minerals[index(Mineral::Magnesium)]->estimated);
        CHECK(best.minerals[index(Mineral::Magnesium)]->mg == doctest::Approx(79.8));
        // An amount near the estimate replaces it, as does one that a %DV of its own confirms.
        Facts near = parseFacts(std::vector<std::string>{"Magnesium 19%"});
        mergeMinerals(near, parseFacts(std::vector<std::string>{"Magnesium 75mg"}));
        CHECK(near.minerals[index(Mineral::Magnesium)]->mg == 75);
        Facts confirmed = parseFacts(std::vector<std::string>{"Magnesium 19%"});
        mergeMinerals(confirmed, parseFacts(std::vector<std::string>{"Magnesium 400mg 95%"}));
        CHECK(confirmed.minerals[index(Mineral::Magnesium)]->mg == 400);
    }

    TEST_CASE("a %DV-only mineral taken from another read is estimated under the kept read's Daily Values")
    {
        // Seed 4242's 179: the kept read holds the old panel's footnote table; a fragment read alone
        // "Magnesium 11%" under the current Daily Values (46.2 mg of 420).
        Facts best = parseFacts(std::vector<std::string>{"Nutrition Facts", "Calories 50", "Calories from Fat 0",
                                                         "Sodium 790mg 33%", "Potassium 60mg 2%",
                                                         "Percent Daily Values are based on a 2,000 calorie diet."});
        REQUIRE(best.dvEra == DvEra::Pre2016);
        const Facts fragment = parseFacts(std::vector<std::string>{"Magnesium 11%"});
        REQUIRE(fragment.dvEra == DvEra::Current);
        REQUIRE(fragment.minerals[index(Mineral::Magnesium)]->mg == doctest::Approx(46.2));
        mergeMinerals(best, fragment);
        const auto& mg = best.minerals[index(Mineral::Magnesium)];
        REQUIRE(mg);
        CHECK(mg->estimated);
        CHECK(mg->dailyValuePct == 11);
        CHECK(mg->mg == doctest::Approx(44.0));
        CHECK(best.minerals[index(Mineral::Sodium)]->mg == 790);
    }

    // Lines as a recogniser gives them: every word at `confidence`.
    std::vector<TextLine> readLines(const std::vector<std::string>& texts, float confidence)
    {
        std::vector<TextLine> lines = toTextLines(texts);
        for (auto& line : lines)
            for (auto& word : line.words)
                word.confidence = confidence;
        return lines;
    }

    TEST_CASE("a row read weakly takes the amount that another read at another scale gives it confidently")
    {
        // Seed 777's 045: the panel's read "Calcium 1mg <1%" at 0.14; the package face's read "Calcium 11mg" at 0.94.
        const auto panelRead = [] {
            Facts f = parseFacts(readLines({"Supplement Facts", "Sodium 30mg 1%", "Calcium 1mg <1%"}, 0.9f));
            f.minerals[index(Mineral::Calcium)]->confidence = 0.14;
            return f;
        };
        Facts f = panelRead();
        crossCheckMinerals(f, readLines({"Other ingredients: calcium citrate", "Calcium 11mg", "Sodium 80mg"}, 0.94f));
        const auto& ca = f.minerals[index(Mineral::Calcium)];
        REQUIRE(ca);
        CHECK(ca->mg == 11);
        CHECK(ca->dailyValuePct == 0.5); // the panel's %DV, which the other line lacks
        CHECK(ca->confidence == doctest::Approx(0.94));
        CHECK(f.minerals[index(Mineral::Sodium)]->mg == 30); // read confidently in the panel: kept

        // Not taken: a line read less than surely, an amount the panel's %DV rules out, a name and an amount on
        // two lines (another row's amount under "Magnesium (as" in a sparse read).
        for (const auto& other : {readLines({"Calcium 11mg"}, 0.7f), readLines({"Calcium 600mg"}, 0.95f),
                                  readLines({"Calcium (as", "11 mg"}, 0.95f)}) {
            Facts g = panelRead();
            crossCheckMinerals(g, other);
            CHECK(g.minerals[index(Mineral::Calcium)]->mg == 1);
        }
        // Nor is a row read at 0.3 or more, or one whose whole %DV confirms it.
        Facts sure = panelRead();
        sure.minerals[index(Mineral::Calcium)]->confidence = 0.3;
        crossCheckMinerals(sure, readLines({"Calcium 11mg"}, 0.94f));
        CHECK(sure.minerals[index(Mineral::Calcium)]->mg == 1);
        Facts confirmed = parseFacts(readLines({"Supplement Facts", "Calcium 130mg 10%"}, 0.9f));
        confirmed.minerals[index(Mineral::Calcium)]->confidence = 0.14;
        crossCheckMinerals(confirmed, readLines({"Calcium 30mg"}, 0.94f));
        CHECK(confirmed.minerals[index(Mineral::Calcium)]->mg == 130);
    }

    TEST_CASE("the package face's read gives the minerals that the panel's reads lack or could not read")
    {
        // Seed 4242's 073: a narrow panel seen steeply; its reads lost the potassium and calcium rows (the ingredient
        // list names both compounds), the package face's read has them wrapped over three lines each.
        const auto panelRead = [] {
            return parseFacts(readLines({"Supplement Facts", "Sodium 0.2g 9%", "Magnesium 0.1g 24%", "Potassium",
                                         "Other ingredients: calcium lactate, potassium citrate"},
                                        0.9f));
        };
        Facts f = panelRead();
        REQUIRE_FALSE(f.minerals[index(Mineral::Potassium)]);
        REQUIRE(f.unreadable[index(Mineral::Potassium)]); // its name read alone
        REQUIRE_FALSE(f.minerals[index(Mineral::Calcium)]);
        const auto face = [](float confidence) {
            return parseFacts(readLines({"Potassium (as", "potassium", "Citrate) 90 mq", "Magnesium 0.3g",
                                         "Calcium (as", "Calcium", "Lactate) 110 mg", "Sodium 20mg"},
                                        confidence));
        };
        takeMissingMinerals(f, face(0.62f));
        REQUIRE(f.minerals[index(Mineral::Potassium)]);
        CHECK(f.minerals[index(Mineral::Potassium)]->mg == 90);
        CHECK_FALSE(f.unreadable[index(Mineral::Potassium)]);
        REQUIRE(f.minerals[index(Mineral::Calcium)]);
        CHECK(f.minerals[index(Mineral::Calcium)]->mg == 110);
        CHECK(f.minerals[index(Mineral::Sodium)]->mg == 200);    // the panel's own read is kept
        CHECK(f.minerals[index(Mineral::Magnesium)]->mg == 100); // even where the face's differs

        // Not taken: a face read under 0.5, a %DV alone (an estimate), a mineral the panel says it lacks.
        Facts weak = panelRead();
        takeMissingMinerals(weak, face(0.45f));
        CHECK_FALSE(weak.minerals[index(Mineral::Potassium)]);
        CHECK(weak.unreadable[index(Mineral::Potassium)]);
        Facts dvOnly = panelRead();
        takeMissingMinerals(dvOnly, parseFacts(readLines({"Calcium 8%"}, 0.9f)));
        CHECK_FALSE(dvOnly.minerals[index(Mineral::Calcium)]);
        Facts lacks =
            parseFacts(readLines({"Nutrition Facts", "Sodium 160mg 7%", "Not a significant source of calcium"}, 0.9f));
        REQUIRE(lacks.notSignificant[index(Mineral::Calcium)]);
        takeMissingMinerals(lacks, parseFacts(readLines({"Calcium 20mg"}, 0.9f)));
        CHECK_FALSE(lacks.minerals[index(Mineral::Calcium)]);
    }

    TEST_CASE("a claim or a compound that one read of a panel saw is kept when another read is kept")
    {
        // Seed 4242's 158: the outline clips the panel's left edge; the read kept has "actrolyte Blend", the read
        // widened to the left "Electrolyte Blend" and the blend's compounds whole.
        Facts best = parseFacts(std::vector<std::string>{"ipplement Facts", "actrolyte Blend 850mg t", "Sodium (from",
                                                         "Sodium Citrate) 510mg 22%"});
        REQUIRE_FALSE(best.electrolyteClaim);
        REQUIRE_FALSE(best.mentioned[index(Mineral::Calcium)]);
        const Facts widened =
            parseFacts(std::vector<std::string>{"Supplement Facts", "Electrolyte Blend 850mg t",
                                                "Potassium Chloride, Pink Himalayan", "Salt, Calcium Citrate"});
        REQUIRE(widened.electrolyteClaim);
        REQUIRE(widened.mentioned[index(Mineral::Calcium)]);
        mergeMentions(best, widened);
        CHECK(best.electrolyteClaim);
        CHECK(best.mentioned[index(Mineral::Calcium)]);
        CHECK(best.minerals[index(Mineral::Sodium)]->mg == 510); // the minerals are mergeMinerals' business
        CHECK_FALSE(best.minerals[index(Mineral::Calcium)]);

        // Nothing is taken away: a read that saw neither leaves them.
        mergeMentions(best, parseFacts(std::vector<std::string>{"Supplement Facts"}));
        CHECK(best.electrolyteClaim);
        CHECK(best.mentioned[index(Mineral::Calcium)]);
    }
}
