#include "labelcheck/report/csv.hpp"

#include "sample_results.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace labelcheck;
using namespace labelcheck::report;

TEST_SUITE("report")
{
    TEST_CASE("the header names every column once, in the documented order")
    {
        CHECK(csvHeader() ==
              "file,ok,error,barcode,format,gtin14,panel,brand,product,product_source,electrolyte_claim,"
              "sodium_amount,sodium_unit,sodium_mg,sodium_dv,potassium_amount,potassium_unit,potassium_mg,potassium_dv,"
              "calcium_amount,calcium_unit,calcium_mg,calcium_dv,magnesium_amount,magnesium_unit,magnesium_mg,"
              "magnesium_dv,missing,mentioned_not_declared,verdict,database_found,database_mismatches\n");
    }

    TEST_CASE("a full row, byte for byte")
    {
        CHECK(toCsvRow(testing::contractExample()) ==
              "samples/lmnt-back.jpg,true,,012345678905,UPC-A,00012345678905,supplement_facts,Example Co,"
              "Citrus Electrolyte Drink Mix,database,true,200,mg,200,9,99,mg,99,2,,,,,0.06,g,60,14,calcium,,"
              "incomplete,true,\n");
    }

    TEST_CASE("a failed file and mismatches")
    {
        CHECK(toCsvRow(testing::failed()) == "photos/empty.jpg,false,empty file,,,,,,,,false,,,,,,,,,,,,,,,,,"
                                             "sodium;potassium;calcium;magnesium,,unreadable,,\n");
        CheckResult r = testing::contractExample();
        r.database =
            DatabaseInfo{true, {Mismatch{Mineral::Sodium, 200.0, 250.0}, Mismatch{Mineral::Potassium, 99.0, {}}}};
        CHECK(toCsvRow(r).ends_with(",incomplete,true,sodium:200/250;potassium:99/\n"));
    }

    TEST_CASE("RFC 4180 quoting")
    {
        CHECK(csvField("plain") == "plain");
        CHECK(csvField("a,b") == "\"a,b\"");
        CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(csvField("two\nlines") == "\"two\nlines\"");
        CheckResult r = testing::failed();
        r.file = "odd, name.jpg";
        CHECK(toCsvRow(r).starts_with("\"odd, name.jpg\",false,"));
    }

    TEST_CASE("every row has as many cells as the header")
    {
        auto count = [](const std::string& line) { return std::count(line.begin(), line.end(), ','); };
        CHECK(count(toCsvRow(testing::contractExample())) == count(csvHeader()));
        CHECK(count(toCsvRow(testing::failed())) == count(csvHeader()));
    }
}
