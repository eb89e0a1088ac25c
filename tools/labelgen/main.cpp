// labelgen: renders sample label photos with their ground truth in the output contract's format.
// Deterministic: the same --seed gives byte-identical files; photo i depends only on (seed, i).

#include "fonts.hpp"
#include "label_spec.hpp"
#include "photo.hpp"
#include "render.hpp"
#include "rng.hpp"
#include "truth.hpp"

#include <CLI/CLI.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;
using namespace labelgen;

namespace {

const char* difficultyName(Difficulty d)
{
    return d == Difficulty::Easy ? "easy" : d == Difficulty::Hard ? "hard" : "normal";
}

nlohmann::ordered_json quad(const std::array<cv::Point2f, 4>& q)
{
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& p : q)
        a.push_back({std::round(static_cast<double>(p.x) * 10) / 10, std::round(static_cast<double>(p.y) * 10) / 10});
    return a;
}

void writeFile(const fs::path& p, const std::string& data)
{
    std::ofstream f(p, std::ios::binary);
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!f)
        throw std::runtime_error("cannot write " + p.string());
}

void writeJpeg(const fs::path& p, const cv::Mat& image, int quality)
{
    std::vector<unsigned char> bytes;
    cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    writeFile(p, std::string(bytes.begin(), bytes.end()));
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"labelgen: generates supplement/nutrition facts label photos with ground truth"};
    std::uint64_t seed = 1;
    int count = 10, start = 0, minSize = 800, maxSize = 4000;
    std::string out, manifest, csv, prefix = "label", difficulty = "normal";
    bool flat = false;
    int fixedQuality = 0;
    std::string cropDir;
    double cropMargin = 0.03;
    std::vector<std::string> fontDirs = {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2"};
    app.add_option("--seed", seed, "Random seed; the same seed gives byte-identical output")->capture_default_str();
    app.add_option("--count", count, "Number of photos")->capture_default_str()->check(CLI::Range(1, 1000000));
    app.add_option("--start", start, "Index of the first photo (photo i depends only on seed and i)")
        ->capture_default_str();
    app.add_option("--out", out, "Output directory (created)")->required();
    app.add_option("--min-size", minSize, "Smallest long side of a photo, px")
        ->capture_default_str()
        ->check(CLI::Range(200, 8000));
    app.add_option("--max-size", maxSize, "Largest long side of a photo, px")
        ->capture_default_str()
        ->check(CLI::Range(200, 8000));
    app.add_option("--difficulty", difficulty, "easy, normal or hard")
        ->capture_default_str()
        ->check(CLI::IsMember({"easy", "normal", "hard"}));
    app.add_option("--manifest", manifest, "JSON Lines manifest (default OUT/manifest.jsonl)");
    app.add_option("--csv", csv, "Also write the products as docs/csv-format.md CSV to this file");
    app.add_option("--prefix", prefix, "File name prefix")->capture_default_str();
    app.add_option("--font-dir", fontDirs, "Font directories searched in order")->capture_default_str();
    app.add_option("--quality", fixedQuality, "JPEG quality for every photo (default: drawn from 60-95, easy 75-95)")
        ->check(CLI::Range(1, 100));
    app.add_flag("--flat", flat, "Also write the flat label render as NAME.flat.png (for inspection)");
    app.add_option("--panel-crops", cropDir,
                   "Also write each photo cropped to its panel's box (a user's photo of just the panel) to this "
                   "directory, with its ground truth (barcode null; a claim may lie outside the crop)");
    app.add_option("--crop-margin", cropMargin, "Margin of a panel crop, a share of the panel box's size")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    CLI11_PARSE(app, argc, argv);
    if (minSize > maxSize) {
        std::cerr << "labelgen: --min-size must not exceed --max-size\n";
        return 2;
    }

    try {
        const Difficulty diff = difficulty == "easy"   ? Difficulty::Easy
                                : difficulty == "hard" ? Difficulty::Hard
                                                       : Difficulty::Normal;
        fs::create_directories(out);
        if (manifest.empty())
            manifest = (fs::path(out) / "manifest.jsonl").string();
        std::ofstream man(manifest, std::ios::binary);
        std::ofstream csvOut;
        if (!csv.empty()) {
            csvOut.open(csv, std::ios::binary);
            csvOut << productCsvHeader() << "\n";
        }
        if (!cropDir.empty())
            fs::create_directories(cropDir);
        Fonts fonts(fontDirs);
        const auto t0 = std::chrono::steady_clock::now();
        for (int n = 0; n < count; ++n) {
            const int i = start + n;
            // All 16 mineral combinations once per block of 16 photos, in a per-block order.
            Rng blockRng(Rng::derive(seed ^ 0x5bd1e995ull, static_cast<std::uint64_t>(i / 16)));
            std::vector<unsigned> masks(16);
            for (unsigned k = 0; k < 16; ++k)
                masks[k] = k;
            blockRng.shuffle(masks);
            Rng rng(Rng::derive(seed, static_cast<std::uint64_t>(i)));
            unsigned mask = masks[static_cast<std::size_t>(i % 16)];
            const bool claimed = rng.chance(0.72);
            if (claimed && rng.chance(0.3))
                mask = 15u; // complete products are common among real electrolyte mixes

            char name[64];
            std::snprintf(name, sizeof name, "%s-%06d", prefix.c_str(), i);
            const fs::path jpg = fs::path(out) / (std::string(name) + ".jpg");

            LabelSpec spec = makeLabelSpec(rng, mask, claimed, diff);
            spec.truth.file = jpg.string();
            RenderedLabel label = renderLabel(spec, rng, fonts);
            if (flat)
                cv::imwrite((fs::path(out) / (std::string(name) + ".flat.png")).string(), label.image);
            Photo photo = makePhoto(label, rng, PhotoOptions{minSize, maxSize, diff});
            int quality = diff == Difficulty::Easy ? rng.range(75, 95) : rng.range(60, 95);
            if (fixedQuality > 0)
                quality = fixedQuality;

            writeJpeg(jpg, photo.image, quality);
            auto j = toContractJson(spec.truth);
            writeFile(fs::path(out) / (std::string(name) + ".expected.json"), j.dump(2) + "\n");
            if (!cropDir.empty()) {
                cv::Rect box =
                    cv::boundingRect(std::vector<cv::Point2f>(photo.panelQuad.begin(), photo.panelQuad.end()));
                box -= cv::Point(int(box.width * cropMargin), int(box.height * cropMargin));
                box += cv::Size(int(2 * box.width * cropMargin), int(2 * box.height * cropMargin));
                box &= cv::Rect(0, 0, photo.image.cols, photo.image.rows);
                const fs::path cropJpg = fs::path(cropDir) / (std::string(name) + ".jpg");
                writeJpeg(cropJpg, photo.image(box), quality);
                auto c = j;
                c["file"] = cropJpg.string();
                c["barcode"] = nullptr;
                writeFile(fs::path(cropDir) / (std::string(name) + ".expected.json"), c.dump(2) + "\n");
            }

            nlohmann::ordered_json meta;
            meta["seed"] = seed;
            meta["index"] = i;
            meta["difficulty"] = difficultyName(diff);
            meta["width"] = photo.image.cols;
            meta["height"] = photo.image.rows;
            meta["jpeg_quality"] = quality;
            meta["x_height_px"] = std::round(photo.xHeight * 10) / 10;
            meta["panel_font"] = label.font;
            meta["layout"] = label.layout;
            meta["light_on_dark"] = spec.lightOnDark;
            meta["panel_style"] = spec.style == PanelStyle::Supplement      ? "supplement"
                                  : spec.style == PanelStyle::Nutrition2016 ? "nutrition_2016"
                                                                            : "nutrition_pre2016";
            meta["claim_text"] = spec.claim;
            bool blend = false;
            for (const auto& it : spec.items)
                blend |= it.kind == PanelItem::Kind::Row && it.text.find("Electrolyte") != std::string::npos;
            meta["electrolyte_blend"] = blend;
            meta["angle_deg"] = std::round(photo.angleDeg * 10) / 10;
            meta["quarter_turns"] = photo.quarterTurns;
            meta["curvature_deg"] = std::round(photo.curvature);
            meta["blur_sigma"] = std::round(photo.blurSigma * 100) / 100;
            meta["motion_blur_px"] = std::round(photo.motionBlur * 10) / 10;
            meta["noise_sigma"] = std::round(photo.noiseSigma * 10) / 10;
            meta["glare"] = std::round(photo.glare * 100) / 100;
            meta["panel_quad"] = quad(photo.panelQuad);
            meta["barcode_quad"] = quad(photo.barcodeQuad);
            j["generator"] = meta;
            man << j.dump() << "\n";
            if (csvOut.is_open())
                csvOut << productCsvRow(spec, fs::path(jpg).filename().string()) << "\n";
        }
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "labelgen: %d photos in %.1f s (%.2f s each) -> %s\n", count, secs, secs / count,
                     out.c_str());
    } catch (const std::exception& e) {
        std::cerr << "labelgen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
