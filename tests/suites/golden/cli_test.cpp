// Whole-program tests of the command line: help, version, stdin, --output, HTML, progress.

#include "run_program.hpp"

#include <nlohmann/json.hpp>

using namespace labelcheck::testing;

namespace {
const std::filesystem::path kSource = LABELCHECK_SOURCE_DIR;
}

TEST_SUITE("golden")
{
    TEST_CASE("--help shows usage with examples, for the program and for check")
    {
        RunResult top = runLabelcheck({"--help"}, kSource);
        CHECK(top.status == 0);
        CHECK(top.out.find("Usage: labelcheck") != std::string::npos);
        CHECK(top.out.find("Examples:") != std::string::npos);
        CHECK(top.out.find("check") != std::string::npos);
        RunResult check = runLabelcheck({"check", "--help"}, kSource);
        CHECK(check.status == 0);
        CHECK(check.out.find("Usage: labelcheck check") != std::string::npos);
        CHECK(check.out.find("--format") != std::string::npos);
        CHECK(check.out.find("--jobs") != std::string::npos);
        CHECK(check.out.find("Examples:") != std::string::npos);
        CHECK(check.out.find("Exit status") != std::string::npos);
    }

    TEST_CASE("--version names labelcheck and the libraries in use")
    {
        RunResult r = runLabelcheck({"--version"}, kSource);
        CHECK(r.status == 0);
        auto lines = splitLines(r.out);
        REQUIRE(lines.size() == 5);
        CHECK(lines[0].starts_with("labelcheck "));
        CHECK(lines[1].starts_with("OpenCV 4."));
        CHECK(lines[2].starts_with("ZXing-C++ 1."));
        CHECK(lines[3].starts_with("Tesseract 5."));
        CHECK(lines[4].starts_with("SQLite 3."));
    }

    TEST_CASE("- reads the paths from standard input")
    {
        RunResult r = runLabelcheck({"check", "--format", "jsonl", "--no-db", "-"}, kSource,
                                    "tests/fixtures/golden/ean8.bmp\n\ntests/fixtures/golden/no_barcode.png\n");
        CHECK(r.status == 0);
        auto lines = splitLines(r.out);
        REQUIRE(lines.size() == 2);
        CHECK(nlohmann::json::parse(lines[0])["file"] == "tests/fixtures/golden/ean8.bmp");
        CHECK(nlohmann::json::parse(lines[1])["file"] == "tests/fixtures/golden/no_barcode.png");
    }

    TEST_CASE("--output writes the file and nothing to stdout; no progress bar when stderr is not a terminal")
    {
        TempDir tmp;
        const auto outFile = tmp.path / "out.jsonl";
        RunResult r = runLabelcheck(
            {"check", "--format", "jsonl", "--no-db", "-o", outFile.string(), "tests/fixtures/golden"}, kSource);
        CHECK(r.status == 0);
        CHECK(r.out.empty());
        CHECK(r.err.empty());
        CHECK(splitLines(readFile(outFile)).size() == 4);
    }

    TEST_CASE("--format html writes one self-contained page with annotated thumbnails")
    {
        TempDir tmp;
        const auto page = tmp.path / "report.html";
        RunResult r = runLabelcheck({"check", "--format", "html", "--no-db", "-o", page.string(),
                                     "tests/fixtures/golden", "tests/fixtures/bad_input/empty.jpg"},
                                    kSource);
        CHECK(r.status == 3);
        const std::string html = readFile(page);
        CHECK(html.starts_with("<!DOCTYPE html>"));
        CHECK(html.ends_with("</html>\n"));
        CHECK(html.find("data:image/jpeg;base64,") != std::string::npos);
        CHECK(html.find("<polygon class=\"barcode\"") != std::string::npos);
        CHECK(html.find("class=\"card failed\"") != std::string::npos);
        CHECK(html.find("src=\"http") == std::string::npos); // nothing loaded from elsewhere
        CHECK(html.find("href=\"http") == std::string::npos);
    }
}
