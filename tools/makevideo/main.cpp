// makevideo: makes a test video for `labelcheck scan` from label photos (or simple rendered labels).
//   makevideo --out scan.avi [--frames dir/%04d.jpg] [--seconds 5] [--gap 0.8] [--fps 30] [--seed 1] [LABEL.jpg ...]
// Without labels it uses samples/*.jpg when there are any, otherwise two rendered labels.
// Prints one JSON line per product to stdout: label, first/last frame in view, the steady frame range.

#include "scene.hpp"

#include <CLI/CLI.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
using namespace labelcheck::tools;

namespace {

std::vector<LabelSpec> builtinLabels()
{
    // GS1 restricted-circulation numbers (prefix 02/20-29): never assigned to real products.
    return {
        {"Citrus Hydration", "2000000000015", true,
         {{"Sodium", "200mg", "9%"}, {"Potassium", "99mg", "2%"}, {"Magnesium", "60mg", "14%"}}},
        {"Berry Electrolytes", "2000000000022", true,
         {{"Sodium", "500mg", "22%"}, {"Potassium", "200mg", "4%"}, {"Calcium", "20mg", "2%"},
          {"Magnesium", "50mg", "12%"}}},
    };
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"makevideo: test videos for labelcheck scan"};
    std::string out, framesPattern, samplesDir = "samples";
    std::vector<std::string> labels;
    SceneOptions opt;
    bool rendered = false;
    int onlyFrame = -1;
    int products = 0;
    app.add_option("--out", out, "MJPG .avi to write");
    app.add_option("--frames", framesPattern, "also/instead write JPEG frames, e.g. dir/%04d.jpg");
    app.add_option("--seconds", opt.secondsPerProduct, "seconds each label is in view")->check(CLI::PositiveNumber);
    app.add_option("--gap", opt.gapSeconds, "seconds without a label before each product")->check(CLI::NonNegativeNumber);
    app.add_option("--fps", opt.fps, "frame rate")->check(CLI::PositiveNumber);
    app.add_option("--seed", opt.seed, "noise seed");
    app.add_option("--width", opt.width, "frame width")->check(CLI::Range(64, 4096));
    app.add_option("--height", opt.height, "frame height")->check(CLI::Range(64, 4096));
    app.add_option("--samples", samplesDir, "folder of label photos used when no LABEL is given");
    app.add_flag("--still", opt.still, "hold each label still in the centre (no pan, zoom, rotation or blur)");
    app.add_option("--products", products, "use only the first N labels")->check(CLI::PositiveNumber);
    app.add_flag("--rendered", rendered, "use the built-in rendered labels even when samples exist");
    app.add_option("--only", onlyFrame, "with --frames: write just this frame (previews)");
    app.add_option("labels", labels, "label photos, one product each, in order");
    CLI11_PARSE(app, argc, argv);
    if (out.empty() && framesPattern.empty()) {
        std::cerr << "makevideo: give --out FILE.avi and/or --frames PATTERN\n";
        return 2;
    }
    if (labels.empty() && !rendered && fs::is_directory(samplesDir)) {
        for (const auto& e : fs::directory_iterator(samplesDir))
            if (e.path().extension() == ".jpg")
                labels.push_back(e.path().string());
        std::sort(labels.begin(), labels.end());
    }
    std::vector<cv::Mat> images;
    std::vector<std::string> names;
    if (labels.empty()) {
        for (const auto& spec : builtinLabels()) {
            images.push_back(renderLabel(spec));
            names.push_back("rendered:" + spec.ean13);
        }
    } else {
        for (const auto& path : labels) {
            cv::Mat img = cv::imread(path, cv::IMREAD_COLOR);
            if (img.empty()) {
                std::cerr << "makevideo: cannot read " << path << "\n";
                return 3;
            }
            images.push_back(img);
            names.push_back(path);
        }
    }
    if (products > 0 && static_cast<int>(images.size()) > products) {
        images.resize(static_cast<std::size_t>(products));
        names.resize(static_cast<std::size_t>(products));
    }
    Scene scene(images, opt);
    if (!out.empty() && !writeVideo(scene, out)) {
        std::cerr << "makevideo: cannot write " << out << " (MJPG)\n";
        return 3;
    }
    if (!framesPattern.empty() && onlyFrame >= 0) {
        char name[4096];
        std::snprintf(name, sizeof name, framesPattern.c_str(), onlyFrame);
        if (!cv::imwrite(name, scene.render(onlyFrame))) {
            std::cerr << "makevideo: cannot write " << name << "\n";
            return 3;
        }
    } else if (!framesPattern.empty() && !writeFrames(scene, framesPattern)) {
        std::cerr << "makevideo: cannot write frames " << framesPattern << "\n";
        return 3;
    }
    for (std::size_t p = 0; p < names.size(); ++p) {
        int first = -1, last = -1;
        for (int f = 0; f < scene.frameCount(); ++f)
            if (auto pl = scene.placement(f); pl && pl->product == static_cast<int>(p)) {
                if (first < 0)
                    first = f;
                last = f;
            }
        const auto [s0, s1] = scene.steadyRange(static_cast<int>(p));
        std::cout << "{\"label\": \"" << names[p] << "\", \"first_frame\": " << first << ", \"last_frame\": " << last
                  << ", \"steady\": [" << s0 << ", " << s1 << "]}\n";
    }
    std::cerr << "makevideo: " << scene.frameCount() << " frames at " << opt.fps << " fps\n";
    return 0;
}
