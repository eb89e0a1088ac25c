// Large inputs for the barcode reader, the size of phone photos of whole labels (12 MP):
//  - every 4th dataset photo pasted at a fixed-seed position onto a 4000x3000 label canvas (the barcode is
//    a small part of the photo, at its original resolution);
//  - every 8th dataset photo upscaled to about 12 MP (a large, soft barcode);
//  - generated 4000x3000 labels with one symbol.
// Each group has a minimum read count set a little below what the reader achieved when tuned; any wrong GTIN
// fails; a crash fails the process. The dataset groups are left out when ../shared is absent.

#include "barcode_render.hpp"
#include "labelcheck/barcode/reader.hpp"
#include "labelcheck/core/gtin.hpp"
#include "labelcheck/image/load.hpp"
#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace labelcheck;

namespace {

struct Group {
    const char* name;
    int minPass;
    int ok = 0, wrong = 0, total = 0;
    double maxMs = 0;
    void add(const std::optional<barcode::Barcode>& r, const std::string& expected, const std::string& what,
             const barcode::ReadStats& st)
    {
        ++total;
        maxMs = std::max(maxMs, st.ms);
        if (r && r->gtin14 == expected)
            ++ok;
        else if (!r && std::getenv("LABELCHECK_VERBOSE")) {
            std::string seen;
            for (const auto& t : st.trace)
                if (!t.gtin14.empty())
                    seen += " " + t.name + "=" + t.gtin14.substr(8);
            std::printf("  none %s %s: %d passes%s\n", name, what.c_str(), st.passes, seen.c_str());
        } else if (r) {
            ++wrong;
            std::printf("  WRONG %s %s: expected %s, read %s by %s\n", name, what.c_str(), expected.c_str(),
                        r->gtin14.c_str(), st.decidedBy.c_str());
        }
    }
    bool report() const
    {
        const bool pass = ok >= minPass && wrong == 0;
        std::printf("%-22s %3d/%-3d read, %d wrong (minimum %d), slowest %.0f ms %s\n", name, ok, total, wrong, minPass,
                    maxMs, pass ? "ok" : "FAIL");
        return pass;
    }
};

struct Photo {
    fs::path file;
    std::string folder;
    std::string gtin14;
};

std::vector<Photo> datasetPhotos(const fs::path& root)
{
    std::vector<Photo> out;
    for (const auto& d : fs::directory_iterator(root)) {
        if (!d.is_directory())
            continue;
        const std::string folder = d.path().filename().string();
        for (const auto& e : fs::directory_iterator(d.path())) {
            if (e.path().extension() != ".png")
                continue;
            std::ifstream in(fs::path(e.path()).replace_extension(".txt"));
            std::string text;
            std::getline(in, text);
            auto g = gtin::toGtin14(text.substr(0, text.find(' ')),
                                    folder.rfind("upce", 0) == 0 ? std::optional(gtin::Kind::UpcE) : std::nullopt);
            if (g)
                out.push_back({e.path(), folder, *g});
        }
    }
    std::sort(out.begin(), out.end(), [](const Photo& a, const Photo& b) { return a.file < b.file; });
    return out;
}

} // namespace

int main()
{
    const auto options = barcode::ReadOptions().setTimeBudgetMs(0); // the whole finite ladder: deterministic
    bool pass = true;

    const fs::path root = fs::path(LABELCHECK_SHARED_DIR) / "data" / "barcode-photos";
    if (fs::is_directory(root)) {
        const auto photos = datasetPhotos(root);
        std::mt19937 rng(2024);
        Group pasted{"dataset-on-4000x3000", 0};
        Group upscaled{"dataset-upscaled-12MP", 0};
        // Measured when tuned (budget unlimited): 36/42 pasted, 18/21 upscaled.
        pasted.minPass = 33;
        upscaled.minPass = 16;
        for (std::size_t i = 0; i < photos.size(); ++i) {
            const auto& p = photos[i];
            auto img = image::loadImage(p.file);
            if (!img)
                continue;
            const std::string what = p.folder + "/" + p.file.filename().string();
            if (i % 4 == 0) {
                cv::Mat canvas = barcode::testing::labelCanvas(cv::Size(4000, 3000), rng);
                cv::Mat src = image::asMat(*img);
                std::uniform_int_distribution<int> ox(0, canvas.cols - src.cols), oy(0, canvas.rows - src.rows);
                src.copyTo(canvas(cv::Rect(ox(rng), oy(rng), src.cols, src.rows)));
                barcode::ReadStats st;
                auto r = barcode::readBarcode(image::fromMat(canvas), options, st);
                pasted.add(r, p.gtin14, what, st);
            }
            if (i % 8 == 1) {
                cv::Mat big;
                const double f = std::sqrt(12e6 / (static_cast<double>(img->width) * img->height));
                cv::resize(image::asMat(*img), big, cv::Size(), f, f, cv::INTER_CUBIC);
                barcode::ReadStats st;
                auto r = barcode::readBarcode(image::fromMat(big), options, st);
                upscaled.add(r, p.gtin14, what, st);
            }
        }
        pass &= pasted.report();
        pass &= upscaled.report();
    } else {
        std::printf("note: %s is absent; dataset groups skipped\n", root.string().c_str());
    }

    Group generated{"generated-4000x3000", 7};
    std::mt19937 rng(99);
    const barcode::testing::Symbology kinds[] = {barcode::testing::Symbology::Ean13, barcode::testing::Symbology::Ean8,
                                                 barcode::testing::Symbology::UpcA, barcode::testing::Symbology::UpcE};
    for (int i = 0; i < 8; ++i) {
        auto code = barcode::testing::randomCode(kinds[i % 4], rng);
        cv::Mat canvas = barcode::testing::labelCanvas(cv::Size(4000, 3000), rng);
        const int module = 2 + i % 5;
        cv::Mat sym = barcode::testing::renderSymbol(code, module, 50 * module);
        std::uniform_real_distribution<float> x(800, 3200), y(600, 2400), a(-25, 25);
        barcode::testing::paste(canvas, sym, cv::Point2f(x(rng), y(rng)), a(rng));
        cv::GaussianBlur(canvas, canvas, cv::Size(0, 0), 0.3 * module);
        barcode::ReadStats st;
        auto r = barcode::readBarcode(image::fromMat(canvas), options, st);
        generated.add(r, code.gtin14, code.text, st);
    }
    pass &= generated.report();
    return pass ? 0 : 1;
}
