#include "labelcheck/report/table.hpp"
#include "labelcheck/report/tally.hpp"

#include "sample_results.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::report;

TEST_SUITE("report")
{
    TEST_CASE("header and rows line up, byte for byte")
    {
        TableWriter t({"samples/lmnt-back.jpg", "photos/empty.jpg"});
        CHECK(t.header() == "FILE                   GTIN            PANEL       SODIUM     POTASSIUM  CALCIUM    "
                            "MAGNESIUM  VERDICT\n");
        CHECK(t.row(testing::contractExample()) ==
              "samples/lmnt-back.jpg  00012345678905  supplement  200 mg     99 mg      -          60 mg      "
              "incomplete\n");
        CHECK(t.row(testing::failed()) == "photos/empty.jpg       error: empty file\n");
    }

    TEST_CASE("estimated values are marked; no barcode or panel is a dash")
    {
        CheckResult r;
        r.file = "a.jpg";
        r.ok = true;
        r.minerals[index(Mineral::Calcium)] = MineralAmount{std::nullopt, std::nullopt, 130.0, 10.0, true, {}};
        TableWriter t({"a.jpg"});
        CHECK(t.row(r) ==
              "a.jpg  -               -           -          -          ~130 mg    -          unreadable\n");
    }

    TEST_CASE("long names are shortened from the left to the maximum width")
    {
        const std::string longName = std::string(60, 'd') + "/photo.jpg";
        TableWriter t({longName});
        CheckResult r = testing::failed();
        r.file = longName;
        const std::string row = t.row(r);
        CHECK(row.starts_with("..."));
        CHECK(row.substr(0, TableWriter::kMaxFileWidth) == "..." + longName.substr(longName.size() - 45));
    }

    TEST_CASE("the summary counts each outcome")
    {
        Tally tally;
        tally.add(testing::contractExample());
        tally.add(testing::failed());
        tally.add(testing::failed());
        CHECK(tally.total == 3);
        CHECK(tally.failed == 2);
        CHECK(tally.incomplete == 1);
        CHECK(summaryText(tally) == "3 images: 0 complete, 1 incomplete, 0 not electrolyte, 0 unreadable, 2 failed");
    }
}
