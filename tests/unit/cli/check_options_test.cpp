#include "check_options.hpp"
#include "progress.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::cli;

TEST_SUITE("cli")
{
    TEST_CASE("output format names")
    {
        CHECK(parseOutputFormat("table") == OutputFormat::Table);
        CHECK(parseOutputFormat("jsonl") == OutputFormat::Jsonl);
        CHECK(parseOutputFormat("csv") == OutputFormat::Csv);
        CHECK(parseOutputFormat("html") == OutputFormat::Html);
        CHECK_FALSE(parseOutputFormat("JSON"));
        CHECK_FALSE(parseOutputFormat(""));
    }

    TEST_CASE("exit status follows the contract; a failed file outweighs an incomplete label")
    {
        report::Tally t;
        CHECK(checkExitStatus(t, true) == 0);
        t.total = 3;
        t.incomplete = 1;
        t.complete = 2;
        CHECK(checkExitStatus(t, false) == kExitOk);
        CHECK(checkExitStatus(t, true) == kExitIncomplete);
        t.failed = 1;
        CHECK(checkExitStatus(t, false) == kExitUnprocessed);
        CHECK(checkExitStatus(t, true) == kExitUnprocessed);
    }

    TEST_CASE("jobs default to the number of cores")
    {
        CHECK(effectiveJobs(0, 8) == 8);
        CHECK(effectiveJobs(0, 0) == 1);
        CHECK(effectiveJobs(3, 8) == 3);
    }

    TEST_CASE("progress bar text")
    {
        CHECK(ProgressBar::render(0, 4, 8) == "[        ] 0/4");
        CHECK(ProgressBar::render(1, 4, 8) == "[==>     ] 1/4");
        CHECK(ProgressBar::render(4, 4, 8) == "[========] 4/4");
        CHECK(ProgressBar::render(9, 4, 8) == "[========] 4/4");
    }
}
