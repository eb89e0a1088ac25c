#include "labelcheck/facts/fuzzy.hpp"

#include <doctest/doctest.h>

using namespace labelcheck::facts;

TEST_SUITE("facts")
{

    TEST_CASE("edit distance")
    {
        CHECK(editDistance("sodium", "sodium") == 0);
        CHECK(editDistance("calclum", "calcium") == 1);
        CHECK(editDistance("", "abc") == 3);
        CHECK(editDistance("kitten", "sitting") == 3);
    }

    TEST_CASE("OCR folding to letters")
    {
        CHECK(foldToLetters("Sodiurn") == "sodium");
        CHECK(foldToLetters("E1ectrolytes") == "electrolytes");
        CHECK(foldToLetters("ELECTR0LYTE") == "electrolyte");
        CHECK(foldToLetters("5odium") == "sodium");
        CHECK(foldToLetters("250") == "250"); // numbers are left alone
        CHECK(lettersOnly("sodium/,") == "sodium");
    }

    TEST_CASE("words of a line")
    {
        CHECK(splitWords("Sodium/Potassium (as sodium-citrate),  x") ==
              std::vector<std::string>{"Sodium", "Potassium", "as", "sodium", "citrate", "x"});
        CHECK(splitWords(" ; ").empty());
    }

} // TEST_SUITE
