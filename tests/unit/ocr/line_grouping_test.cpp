#include "labelcheck/ocr/line_grouping.hpp"

#include <doctest/doctest.h>

using labelcheck::Box;
using labelcheck::TextLine;
using labelcheck::Word;
using labelcheck::ocr::groupRows;

namespace {

TextLine line(std::initializer_list<std::pair<const char*, Box>> words)
{
    TextLine l;
    for (auto& [t, b] : words) {
        l.words.push_back(Word{t, 0.9f, b});
        l.box = labelcheck::ocr::unite(l.box, b);
    }
    return l;
}

} // namespace

TEST_SUITE("ocr")
{
    TEST_CASE("amount and %DV columns split off by the recogniser go back on the name's row")
    {
        std::vector<TextLine> lines{
            line({{"Sodium", {10, 100, 90, 26}}}),
            line({{"Potassium", {10, 140, 120, 26}}}),
            line({{"250", {500, 102, 50, 25}}, {"mg", {560, 108, 40, 24}}}),
            line({{"11%", {700, 99, 50, 27}}}),
            line({{"4%", {710, 141, 40, 26}}}),
        };
        auto rows = groupRows(lines);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].text() == "Sodium 250 mg 11%");
        CHECK(rows[1].text() == "Potassium 4%");
        CHECK(rows[0].box.x == 10);
        CHECK(rows[0].box.width == 740);
    }

    TEST_CASE("adjacent rows with small vertical overlap stay apart, in top-to-bottom order")
    {
        std::vector<TextLine> lines{
            line({{"Calcium", {10, 136, 100, 26}}, {"20", {500, 136, 30, 26}}}),
            line({{"Magnesium", {10, 112, 120, 26}}, {"60mg", {500, 112, 60, 26}}}),
        };
        auto rows = groupRows(lines);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].text() == "Magnesium 60mg");
        CHECK(rows[1].text() == "Calcium 20");
    }

    TEST_CASE("overlapping lines side by side are not merged when they overlap horizontally")
    {
        std::vector<TextLine> lines{
            line({{"Total", {10, 100, 90, 26}}, {"Fat", {110, 100, 50, 26}}}),
            line({{"0g", {120, 104, 40, 26}}}),
        };
        CHECK(groupRows(lines).size() == 2);
    }

    TEST_CASE("empty words and lines are dropped")
    {
        std::vector<TextLine> lines{line({{" ", {10, 10, 5, 5}}}), TextLine{}, line({{"x", {0, 0, 0, 0}}})};
        CHECK(groupRows(lines).empty());
        CHECK(groupRows({}).empty());
    }

    TEST_CASE("the widest gap between lines is measured in line heights")
    {
        using labelcheck::ocr::widestLineGap;
        // Rows 26 px high every 40 px: gaps of 14 px, 0.54 line heights; a row dropped leaves 54 px, 2.08.
        std::vector<TextLine> rows{line({{"Sodium", {10, 100, 90, 26}}}), line({{"Potassium", {10, 140, 120, 26}}}),
                                   line({{"Calcium", {10, 180, 100, 26}}})};
        CHECK(widestLineGap(rows) == doctest::Approx(14.0 / 26));
        rows.erase(rows.begin() + 1);
        CHECK(widestLineGap(rows) == doctest::Approx(54.0 / 26));
        CHECK(widestLineGap({rows.front()}) == 0);
        CHECK(widestLineGap({}) == 0);
    }
}
