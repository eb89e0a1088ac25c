// Bad input through the real binary: every broken file gets ok:false and a one-line error, the batch goes
// on, and the exit status follows ../shared/contract/check-output.md.

#include "../golden/run_program.hpp"

#include <nlohmann/json.hpp>

using namespace labelcheck::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = LABELCHECK_SOURCE_DIR;
const fs::path kBad = kSource / "tests/fixtures/bad_input";
const fs::path kGood = kSource / "tests/fixtures/golden/ean13_box.jpg";

std::vector<nlohmann::json> parseLines(const std::string& out)
{
    std::vector<nlohmann::json> v;
    for (const auto& line : splitLines(out))
        v.push_back(nlohmann::json::parse(line));
    return v;
}

void checkFailed(const nlohmann::json& j, const std::string& file, const std::string& errorPart)
{
    INFO("file " << file << ": " << j.dump());
    CHECK(j["file"] == file);
    CHECK(j["ok"] == false);
    CHECK(j["error"].is_string());
    const std::string error = j["error"].is_string() ? j["error"].get<std::string>() : "";
    CHECK_FALSE(error.empty());
    CHECK(error.find('\n') == std::string::npos);
    CHECK_MESSAGE(error.find(errorPart) != std::string::npos, "error '" << error << "' lacks '" << errorPart << "'");
    CHECK(j["barcode"].is_null());
    CHECK(j["minerals"].size() == 4);
}

} // namespace

TEST_SUITE("bad_input")
{
    TEST_CASE("a batch of bad files between good ones: each reported, the batch goes on, exit 3")
    {
        TempDir tmp;
        for (const char* name : {"empty.jpg", "not_an_image.jpg", "truncated.jpg", "one_pixel.png"})
            fs::copy_file(kBad / name, tmp.path / name);
        fs::copy_file(kGood, tmp.path / "good.jpg");
        fs::create_directories(tmp.path / "no_images");
        std::ofstream(tmp.path / "no_images" / "notes.txt") << "nothing to see";

        RunResult r = runLabelcheck({"check", "--format", "jsonl", "--no-db", "--jobs", "2", "good.jpg", "empty.jpg",
                                     "not_an_image.jpg", "truncated.jpg", "one_pixel.png", "missing.jpg", "no_images",
                                     "good.jpg"},
                                    tmp.path);
        CHECK(r.status == 3);
        auto lines = parseLines(r.out);
        REQUIRE(lines.size() == 8);
        CHECK(lines[0]["ok"] == true);
        CHECK(lines[0]["barcode"]["gtin14"] == "02001234567893");
        checkFailed(lines[1], "empty.jpg", "empty");
        checkFailed(lines[2], "not_an_image.jpg", "not an image");
        checkFailed(lines[3], "truncated.jpg", "truncated");
        checkFailed(lines[4], "one_pixel.png", "too small");
        checkFailed(lines[5], "missing.jpg", "no such file");
        checkFailed(lines[6], "no_images", "no images");
        CHECK(lines[7]["ok"] == true);
        CHECK(lines[7]["file"] == "good.jpg");
        // One diagnostic line per failed file on stderr, none for the good ones.
        CHECK(splitLines(r.err).size() == 6);
    }

    TEST_CASE("each bad input alone exits 3; the table names the error")
    {
        for (std::string name : {"empty.jpg", "not_an_image.jpg", "truncated.jpg", "one_pixel.png"}) {
            CAPTURE(name);
            RunResult r = runLabelcheck({"check", "--no-db", (kBad / name).string()}, kSource);
            CHECK(r.status == 3);
            CHECK(r.out.find("error: ") != std::string::npos);
        }
        RunResult missing = runLabelcheck({"check", "--no-db", "does/not/exist.jpg"}, kSource);
        CHECK(missing.status == 3);
    }

    // libjpeg pads the rows of a JPEG cut off mid-scan with grey and reports success; the loader must refuse it.
    TEST_CASE("a truncated JPEG is refused with ok:false and exit 3")
    {
        RunResult r =
            runLabelcheck({"check", "--format", "jsonl", "--no-db", (kBad / "truncated.jpg").string()}, kSource);
        CHECK(r.status == 3);
        auto lines = parseLines(r.out);
        REQUIRE(lines.size() == 1);
        checkFailed(lines[0], (kBad / "truncated.jpg").string(), "truncated");
    }

    TEST_CASE("a good file exits 0, with or without --fail-on-incomplete")
    {
        CHECK(runLabelcheck({"check", "--no-db", kGood.string()}, kSource).status == 0);
        RunResult r =
            runLabelcheck({"check", "--no-db", "--fail-on-incomplete", "--format", "jsonl", kGood.string()}, kSource);
        auto lines = parseLines(r.out);
        REQUIRE(lines.size() == 1);
        CHECK(r.status == (lines[0]["verdict"] == "incomplete" ? 1 : 0));
    }

    TEST_CASE("usage errors exit 2 and print nothing on stdout")
    {
        for (const std::vector<std::string>& args :
             std::vector<std::vector<std::string>>{{"check"},
                                                   {"check", "--format", "xml", kGood.string()},
                                                   {"check", "--jobs", "0", kGood.string()},
                                                   {"check", "--jobs", "many", kGood.string()},
                                                   {"check", "--bogus", kGood.string()},
                                                   {"check", "--db", "x.db", "--no-db", kGood.string()},
                                                   {"check", "--db", "/nonexistent/dir/products.db", kGood.string()},
                                                   {"frobnicate"},
                                                   {}}) {
            std::string joined;
            for (const auto& a : args)
                joined += a + " ";
            CAPTURE(joined);
            RunResult r = runLabelcheck(args, kSource);
            CHECK(r.status == 2);
            CHECK(r.out.empty());
            CHECK_FALSE(r.err.empty());
        }
    }

    TEST_CASE("a binary copied away from its models says so once, and still answers")
    {
        // In place (the build tree has an install's shape), nothing is said.
        RunResult inPlace = runLabelcheck({"check", "--no-db", "--format", "jsonl", kGood.string()}, kSource);
        CHECK(inPlace.status == 0);
        CHECK(inPlace.err.find("warning") == std::string::npos);
        // Copied alone: no share/labelcheck/models beside it.
        TempDir tmp;
        fs::create_directories(tmp.path / "bin");
        fs::copy_file(LABELCHECK_EXE, tmp.path / "bin" / "labelcheck");
        const fs::path err = tmp.path / "stderr", out = tmp.path / "stdout";
        const std::string cmd = shellQuote((tmp.path / "bin" / "labelcheck").string()) +
                                " check --no-db --format jsonl --jobs 2 " + shellQuote(kGood.string()) + " " +
                                shellQuote(kGood.string()) + " >" + shellQuote(out.string()) + " 2>" +
                                shellQuote(err.string());
        const int raw = std::system(cmd.c_str());
        CHECK((WIFEXITED(raw) ? WEXITSTATUS(raw) : -1) == 0);
        const auto warnings = splitLines(readFile(err));
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].find("labelcheck check: warning: models directory not found") == 0);
        CHECK(parseLines(readFile(out)).size() == 2);
    }
}
