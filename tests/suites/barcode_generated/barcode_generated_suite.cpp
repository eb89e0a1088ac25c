// Generated barcode photos: for each scenario, a fixed-seed series of EAN-13, EAN-8, UPC-A and UPC-E symbols
// rendered on label canvases and degraded the way phone photos are. Each scenario has a minimum read count,
// set a little below what the reader achieved when tuned; any wrong GTIN fails. Deterministic.
// Usage: barcode_generated_suite [--save DIR]   (--save writes the images for inspection)

#include "barcode_render.hpp"
#include "labelcheck/barcode/reader.hpp"
#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace labelcheck;
using barcode::testing::Symbology;

namespace {

struct Degradation {
    double rotationDeg = 0; // symbol turned on the label
    double blurModules = 0; // Gaussian sigma, in modules
    double noiseSigma = 0;  // additive Gaussian noise, grey levels
    double perspective = 0; // corner jitter as a fraction of the image size
    int jpegQuality = 0;    // 0: none
    bool dim = false;       // low contrast and uneven light
};

struct Scenario {
    const char* name;
    int count;
    int minPass;
    cv::Size canvas;
    std::pair<int, int> modulePx; // inclusive range
    std::function<Degradation(std::mt19937&)> degrade;
};

double uniform(std::mt19937& rng, double a, double b)
{
    return std::uniform_real_distribution<double>(a, b)(rng);
}

cv::Mat makePhoto(const barcode::testing::Code& code, const Scenario& sc, std::mt19937& rng)
{
    const int module = std::uniform_int_distribution<int>(sc.modulePx.first, sc.modulePx.second)(rng);
    const Degradation d = sc.degrade(rng);
    cv::Mat canvas = barcode::testing::labelCanvas(sc.canvas, rng);
    cv::Mat sym =
        barcode::testing::renderSymbol(code, module, module * std::uniform_int_distribution<int>(35, 70)(rng));
    const float margin = static_cast<float>(std::max(sym.cols, sym.rows)) * 0.6f;
    const cv::Point2f center(
        static_cast<float>(uniform(rng, margin, std::max<double>(margin + 1, sc.canvas.width - margin))),
        static_cast<float>(uniform(rng, margin, std::max<double>(margin + 1, sc.canvas.height - margin))));
    barcode::testing::paste(canvas, sym, center, d.rotationDeg);
    if (d.perspective > 0) {
        const float w = static_cast<float>(canvas.cols), h = static_cast<float>(canvas.rows);
        const cv::Point2f src[4] = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        cv::Point2f dst[4];
        for (int i = 0; i < 4; ++i)
            dst[i] = src[i] + cv::Point2f(static_cast<float>(uniform(rng, -d.perspective, d.perspective) * w),
                                          static_cast<float>(uniform(rng, -d.perspective, d.perspective) * h));
        cv::warpPerspective(canvas, canvas, cv::getPerspectiveTransform(src, dst), canvas.size(), cv::INTER_LINEAR,
                            cv::BORDER_REPLICATE);
    }
    if (d.dim) {
        cv::Mat ramp(canvas.size(), CV_32F);
        for (int y = 0; y < ramp.rows; ++y)
            ramp.row(y).setTo(0.35 + 0.45 * y / ramp.rows);
        cv::Mat f;
        canvas.convertTo(f, CV_32FC3);
        std::vector<cv::Mat> ch;
        cv::split(f, ch);
        for (auto& c : ch)
            c = c.mul(ramp) + 40;
        cv::merge(ch, f);
        f.convertTo(canvas, CV_8UC3);
    }
    if (d.blurModules > 0)
        cv::GaussianBlur(canvas, canvas, cv::Size(0, 0), d.blurModules * module);
    if (d.noiseSigma > 0) {
        cv::Mat noise(canvas.size(), CV_16SC3);
        cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(d.noiseSigma));
        cv::Mat c16;
        canvas.convertTo(c16, CV_16SC3);
        c16 += noise;
        c16.convertTo(canvas, CV_8UC3);
    }
    if (d.jpegQuality > 0) {
        std::vector<uchar> buf;
        cv::imencode(".jpg", canvas, buf, {cv::IMWRITE_JPEG_QUALITY, d.jpegQuality});
        canvas = cv::imdecode(buf, cv::IMREAD_COLOR);
    }
    return canvas;
}

} // namespace

int main(int argc, char** argv)
{
    std::string saveDir;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--save")
            saveDir = argv[i + 1];
    cv::theRNG().state = 42; // cv::randn
    const cv::Size label(1200, 900);
    const std::vector<Scenario> scenarios = {
        {"clean", 12, 12, label, {1, 4}, [](std::mt19937&) { return Degradation{}; }},
        {"rotated", 12, 11, label, {2, 4}, [](std::mt19937& r) { return Degradation{uniform(r, 0, 360)}; }},
        {"blur",
         12,
         4,
         label,
         {2, 4},
         [](std::mt19937& r) {
             return Degradation{0, uniform(r, 0.4, 1.0)};
         }},
        {"noise",
         12,
         11,
         label,
         {2, 4},
         [](std::mt19937& r) {
             return Degradation{0, 0, uniform(r, 15, 45)};
         }},
        {"perspective",
         12,
         11,
         label,
         {2, 4},
         [](std::mt19937& r) {
             return Degradation{uniform(r, -10, 10), 0, 0, uniform(r, 0.04, 0.1)};
         }},
        {"jpeg",
         12,
         11,
         label,
         {2, 4},
         [](std::mt19937& r) {
             Degradation d;
             d.jpegQuality = static_cast<int>(uniform(r, 5, 30));
             return d;
         }},
        {"dim",
         12,
         11,
         label,
         {2, 4},
         [](std::mt19937& r) {
             Degradation d{uniform(r, -5, 5), 0.3, 8};
             d.dim = true;
             return d;
         }},
        {"combined",
         12,
         8,
         label,
         {2, 4},
         [](std::mt19937& r) {
             Degradation d{uniform(r, -45, 45), uniform(r, 0.3, 0.7), uniform(r, 8, 20), uniform(r, 0.03, 0.08)};
             d.jpegQuality = static_cast<int>(uniform(r, 20, 50));
             return d;
         }},
        {"large-4000x3000",
         8,
         7,
         cv::Size(4000, 3000),
         {3, 8},
         [](std::mt19937& r) {
             Degradation d{uniform(r, -20, 20), uniform(r, 0.1, 0.4), uniform(r, 3, 10)};
             d.jpegQuality = 60;
             return d;
         }},
        {"large-small-symbol",
         8,
         6,
         cv::Size(4000, 3000),
         {1, 2},
         [](std::mt19937& r) {
             Degradation d{uniform(r, -8, 8), 0.2, 5};
             d.jpegQuality = 75;
             return d;
         }},
    };
    const Symbology kinds[] = {Symbology::Ean13, Symbology::Ean8, Symbology::UpcA, Symbology::UpcE};
    const auto options = barcode::ReadOptions().setTimeBudgetMs(0); // deterministic: the whole finite ladder
    int failures = 0, totalOk = 0, total = 0;
    for (const auto& sc : scenarios) {
        std::mt19937 rng(std::hash<std::string>{}(sc.name) & 0xffffff);
        int ok = 0, wrong = 0;
        double msSum = 0;
        for (int i = 0; i < sc.count; ++i) {
            const auto code = barcode::testing::randomCode(kinds[i % 4], rng);
            cv::Mat photo = makePhoto(code, sc, rng);
            if (!saveDir.empty())
                cv::imwrite(saveDir + "/" + sc.name + "-" + std::to_string(i) + ".jpg", photo);
            barcode::ReadStats st;
            auto r = barcode::readBarcode(image::fromMat(photo), options, st);
            msSum += st.ms;
            if (r && r->gtin14 == code.gtin14 && r->format == barcode::testing::formatName(code.symbology))
                ++ok;
            else if (r) {
                ++wrong;
                std::printf("  WRONG %s #%d: %s %s, read %s %s by %s\n", sc.name, i,
                            barcode::testing::formatName(code.symbology), code.text.c_str(), r->format.c_str(),
                            r->text.c_str(), st.decidedBy.c_str());
            }
        }
        const bool pass = ok >= sc.minPass && wrong == 0;
        failures += !pass;
        totalOk += ok, total += sc.count;
        std::printf("%-20s %2d/%-2d read, %d wrong (minimum %d), mean %.0f ms %s\n", sc.name, ok, sc.count, wrong,
                    sc.minPass, msSum / sc.count, pass ? "ok" : "FAIL");
    }
    std::printf("total %d/%d\n", totalOk, total);
    return failures == 0 ? 0 : 1;
}
