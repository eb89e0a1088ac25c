// Reads every photo of ../shared/data/barcode-photos and compares the GTIN-14 of the main code with the
// sidecar <name>.txt (extension folders hold "main addon"; only the main code is reported). Like
// zxing-cpp's blackbox tests: each folder has a minimum pass count, set a little below what the reader
// achieved when it was tuned, so a regression shows as a drop below it. A wrong GTIN fails the suite.
// Exit codes: 0 pass, 1 fail, 77 data folder absent (CTest reports SKIPPED).

#include "labelcheck/barcode/reader.hpp"
#include "labelcheck/core/gtin.hpp"
#include "labelcheck/image/load.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace labelcheck;

namespace {

// Measured 2026-11-25 (labelcheck / one ZXing call): 30/29, 19/13, 5/5, 5/5, 12/12, 32/22, 12/10, 6/4, 2/2, 23/18.
const std::map<std::string, int> kMinPass = {
    {"ean13-1", 29}, {"ean13-2", 17}, {"ean13-extension-1", 5}, {"ean8-1", 5}, {"upca-1", 11},
    {"upca-2", 30},  {"upca-3", 10},  {"upca-extension-1", 5},  {"upce-1", 2}, {"upce-2", 21},
};

} // namespace

int main()
{
    const fs::path root = fs::path(LABELCHECK_SHARED_DIR) / "data" / "barcode-photos";
    if (!fs::is_directory(root)) {
        std::printf("SKIP: %s is absent (the shared test data is not checked out)\n", root.string().c_str());
        return 77;
    }
    // Unlimited budget: the pass ladder is finite, and a wall-clock cut-off would make the counts depend on
    // the machine's load.
    const auto options = barcode::ReadOptions().setTimeBudgetMs(0);
    int failures = 0, total = 0, totalOk = 0;
    for (const auto& [folder, minPass] : kMinPass) {
        const fs::path dir = root / folder;
        std::vector<fs::path> files;
        if (fs::is_directory(dir))
            for (const auto& e : fs::directory_iterator(dir))
                if (e.path().extension() == ".png")
                    files.push_back(e.path());
        std::sort(files.begin(), files.end());
        int ok = 0, wrong = 0;
        for (const auto& f : files) {
            std::ifstream in(fs::path(f).replace_extension(".txt"));
            std::string text;
            std::getline(in, text);
            const std::string main = text.substr(0, text.find(' '));
            auto expected =
                gtin::toGtin14(main, folder.rfind("upce", 0) == 0 ? std::optional(gtin::Kind::UpcE) : std::nullopt);
            auto img = image::loadImage(f);
            if (!expected || !img) {
                std::printf("  %s: unreadable test file or expectation\n", f.string().c_str());
                ++failures;
                continue;
            }
            auto r = barcode::readBarcode(*img, options);
            if (r && r->gtin14 == *expected)
                ++ok;
            else if (r) {
                ++wrong;
                std::printf("  WRONG %s/%s: expected %s, read %s (%s %s)\n", folder.c_str(),
                            f.filename().string().c_str(), expected->c_str(), r->gtin14.c_str(), r->format.c_str(),
                            r->text.c_str());
            }
        }
        const bool pass = ok >= minPass && wrong == 0;
        failures += !pass;
        total += static_cast<int>(files.size()), totalOk += ok;
        std::printf("%-18s %3d/%-3zu GTIN-correct, %d wrong (minimum %d) %s\n", folder.c_str(), ok, files.size(), wrong,
                    minPass, pass ? "ok" : "FAIL");
    }
    std::printf("total %d/%d GTIN-correct\n", totalOk, total);
    return failures == 0 ? 0 : 1;
}
