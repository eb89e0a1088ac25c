// Golden-file tests of `labelcheck check` on committed images: the whole program's output compared byte for
// byte with files under tests/suites/golden/, the diff printed on failure. After an intended change of
// output, regenerate them with LABELCHECK_UPDATE_GOLDEN=1 and review the diff in git.

#include "run_program.hpp"

#include <cstdlib>

using namespace labelcheck::testing;

namespace {

const std::filesystem::path kSource = LABELCHECK_SOURCE_DIR;
const std::filesystem::path kGoldenDir = kSource / "tests/suites/golden";

void compareWithGolden(const std::string& name, const std::string& actual)
{
    const auto path = kGoldenDir / name;
    if (const char* update = std::getenv("LABELCHECK_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        MESSAGE("updated " << path.string());
        return;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(path), "missing golden file " << path.string());
    const std::string expected = readFile(path);
    CHECK_MESSAGE(expected == actual, "output differs from " << path.string() << " (- golden, + actual):\n"
                                                             << lineDiff(expected, actual));
}

// Paths relative to the source tree so that the `file` fields do not depend on where it is checked out.
const std::vector<std::string> kFixtures = {"tests/fixtures/golden"};

} // namespace

TEST_SUITE("golden")
{
    TEST_CASE("check --format jsonl on the committed fixtures")
    {
        std::vector<std::string> args = {"check", "--format", "jsonl", "--no-db", "--jobs", "1"};
        args.insert(args.end(), kFixtures.begin(), kFixtures.end());
        RunResult r = runLabelcheck(args, kSource);
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        compareWithGolden("fixtures.jsonl", r.out);
    }

    TEST_CASE("check --format csv on the committed fixtures")
    {
        std::vector<std::string> args = {"check", "--format", "csv", "--no-db", "--jobs", "1"};
        args.insert(args.end(), kFixtures.begin(), kFixtures.end());
        RunResult r = runLabelcheck(args, kSource);
        CHECK(r.status == 0);
        compareWithGolden("fixtures.csv", r.out);
    }

    TEST_CASE("check (table) on the committed fixtures")
    {
        std::vector<std::string> args = {"check", "--no-db", "--jobs", "1"};
        args.insert(args.end(), kFixtures.begin(), kFixtures.end());
        RunResult r = runLabelcheck(args, kSource);
        CHECK(r.status == 0);
        compareWithGolden("fixtures.txt", r.out);
    }

    TEST_CASE("--jobs 2 prints exactly what --jobs 1 prints")
    {
        std::vector<std::string> base = {"check", "--format", "jsonl", "--no-db"};
        // Repeat the fixtures so that workers overtake each other.
        std::vector<std::string> paths;
        for (int i = 0; i < 3; ++i)
            paths.insert(paths.end(), kFixtures.begin(), kFixtures.end());
        paths.push_back("tests/fixtures/bad_input");
        auto run = [&](const char* jobs) {
            std::vector<std::string> args = base;
            args.push_back("--jobs");
            args.push_back(jobs);
            args.insert(args.end(), paths.begin(), paths.end());
            return runLabelcheck(args, kSource);
        };
        RunResult one = run("1"), two = run("2");
        CHECK(one.status == two.status);
        CHECK_MESSAGE(one.out == two.out, "--jobs 2 differs from --jobs 1:\n" << lineDiff(one.out, two.out));
        CHECK(splitLines(one.out).size() == 3 * 4 + 4);
    }
}
