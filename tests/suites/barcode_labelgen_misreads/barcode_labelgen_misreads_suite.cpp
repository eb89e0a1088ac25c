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

constexpr const char* kSeed = "20261125";
constexpr int kMisread[] = {73, 88, 141, 204}; // wrong GTINs before the fix: right or nothing now
constexpr int kControl[] = {0, 2, 3, 72, 74};        // read correctly before and after: must stay correct

struct Photo {
    fs::path image;
    std::string gtin14; // ground truth
};

std::optional<Photo> generate(const std::string& labelgen, const fs::path& dir, int index)
{
    const std::string cmd = "\"" + labelgen + "\" --seed " + kSeed + " --start " + std::to_string(index) +
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
    const auto check = [&](int index, bool mustRead) {
        auto photo = generate(argv[1], dir, index);
        if (!photo) {
            std::printf("FAIL photo %d: labelgen or its ground truth failed\n", index);
            ++failures;
            return;
        }
        auto img = image::loadImage(photo->image);
        if (!img) {
            std::printf("FAIL photo %d: cannot load %s\n", index, photo->image.string().c_str());
            ++failures;
            return;
        }
        barcode::ReadStats stats;
        auto r = barcode::readBarcode(*img, options, stats);
        const std::string got = r ? r->gtin14 : "";
        const bool wrong = !got.empty() && got != photo->gtin14;
        const bool fail = wrong || (mustRead && got != photo->gtin14);
        std::printf("%s photo %d: expected %s got %s by %s\n", fail ? "FAIL" : "ok  ", index, photo->gtin14.c_str(),
                    got.empty() ? "-" : got.c_str(), stats.decidedBy.c_str());
        failures += fail;
    };
    for (int i : kMisread)
        check(i, false);
    for (int i : kControl)
        check(i, true);
    std::printf("%s: %d failure(s)\n", failures ? "FAILED" : "PASSED", failures);
    return failures ? 1 : 0;
}
