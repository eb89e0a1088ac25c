// Generated label photos on which the reader once returned a WRONG GTIN (valid check digit, 2-4 digits
// off): plain ZXing on the whole photo misread a blurred, foreshortened symbol and, being "trusted", decided
// alone. A wrong product is worse than none, so each of these must now read either the right GTIN or
// nothing. A few photos of the same run that read correctly are kept as controls, so the fix cannot pass by
// reading nothing at all.
// Usage: barcode_labelgen_misreads_suite <labelgen> <work dir>. Exit codes: 0 pass, 1 fail.

#include "labelcheck/barcode/reader.hpp"
#include "labelcheck/image/load.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace labelcheck;

namespace {

struct Case {
    const char* seed;
    int index;
};
// Wrong GTINs before the fix: right or nothing now. Seed 20261125: the whole-photo pass deciding alone;
// seed 777 #32: an unsharp-masked variant and its own verification crop agreeing on one misread.
constexpr Case kMisread[] = {{"20261125", 73}, {"20261125", 88}, {"20261125", 141}, {"20261125", 204}, {"777", 32}};
// Read correctly before and after: must stay correct.
constexpr Case kControl[] = {{"20261125", 0}, {"20261125", 2}, {"20261125", 3}, {"20261125", 72}, {"20261125", 74}};

struct Photo {
    fs::path image;
    std::string gtin14; // ground truth
};

std::optional<Photo> generate(const std::string& labelgen, const fs::path& root, const Case& c)
{
    const fs::path dir = root / c.seed;
    const int index = c.index;
    const std::string cmd = "\"" + labelgen + "\" --seed " + c.seed + " --start " + std::to_string(index) +
                            " --count 1 --difficulty normal --out \"" + dir.string() + "\" > /dev/null";
    if (std::system(cmd.c_str()) != 0)
        return std::nullopt;
    char name[32];
    std::snprintf(name, sizeof name, "label-%06d", index);
    Photo p{dir / (std::string(name) + ".jpg"), {}};
    std::ifstream in(dir / (std::string(name) + ".expected.json"));
    if (!in)
        return std::nullopt;
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.contains("barcode") || !j["barcode"].contains("gtin14") ||
        !j["barcode"]["gtin14"].is_string())
        return std::nullopt;
    p.gtin14 = j["barcode"]["gtin14"].get<std::string>();
    return p;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s <labelgen> <work dir>\n", argv[0]);
        return 1;
    }
    const fs::path dir = argv[2];
    std::error_code ec;
    fs::create_directories(dir, ec);
    const auto options = barcode::ReadOptions().setTimeBudgetMs(0); // whole finite ladder: deterministic
    int failures = 0;
    const auto check = [&](const Case& c, bool mustRead) {
        const std::string index = std::string("seed ") + c.seed + " #" + std::to_string(c.index);
        auto photo = generate(argv[1], dir, c);
        if (!photo) {
            std::printf("FAIL photo %s: labelgen or its ground truth failed\n", index.c_str());
            ++failures;
            return;
        }
        auto img = image::loadImage(photo->image);
        if (!img) {
            std::printf("FAIL photo %s: cannot load %s\n", index.c_str(), photo->image.string().c_str());
            ++failures;
            return;
        }
        barcode::ReadStats stats;
        auto r = barcode::readBarcode(*img, options, stats);
        const std::string got = r ? r->gtin14 : "";
        const bool wrong = !got.empty() && got != photo->gtin14;
        const bool fail = wrong || (mustRead && got != photo->gtin14);
        std::printf("%s photo %s: expected %s got %s by %s\n", fail ? "FAIL" : "ok  ", index.c_str(), photo->gtin14.c_str(),
                    got.empty() ? "-" : got.c_str(), stats.decidedBy.c_str());
        failures += fail;
    };
    for (const auto& c : kMisread)
        check(c, false);
    for (const auto& c : kControl)
        check(c, true);
    std::printf("%s: %d failure(s)\n", failures ? "FAILED" : "PASSED", failures);
    return failures ? 1 : 0;
}
