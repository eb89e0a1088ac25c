// barcode_bench: measures labelcheck's multi-pass EAN/UPC reader against one plain ZXing call and, when
// zbarimg is on PATH, against zbar, over a folder of photos with <name>.txt expectations (zxing-cpp's
// sample layout: <folder>/<subfolder>/<name>.png + <name>.txt). A benchmark, not a test.
//
// Usage: barcode_bench [FOLDER] [--budget MS] [--canvas] [--scale F] [--no-zbar] [--passes] [--verbose]
//   --canvas   paste every photo onto a 4000x3000 label-coloured canvas (large-photo case)
//   --scale F  resize every photo by F first (e.g. 4 to make 12 MP photos out of 640x480 ones)
//   --passes   run every pass on every photo and print each pass's correct/wrong counts (tuning)
//   --dump F   like --passes, and write one CSV row per photo and pass to F

#include "labelcheck/barcode/reader.hpp"
#include "labelcheck/core/gtin.hpp"
#include "labelcheck/image/load.hpp"
#include "labelcheck/image/opencv.hpp"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace labelcheck;

namespace {

// CPU time of the calling thread, in ms: unlike wall time, not inflated when the machine is busy.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

struct Tally {
    int total = 0, correct = 0, wrong = 0;
    std::vector<double> ms, cpuMs;
    void add(int outcome, double t) // 1 correct, -1 wrong, 0 nothing
    {
        ++total;
        correct += outcome == 1;
        wrong += outcome == -1;
        ms.push_back(t);
    }
    void add(const Tally& o)
    {
        total += o.total, correct += o.correct, wrong += o.wrong;
        ms.insert(ms.end(), o.ms.begin(), o.ms.end());
        cpuMs.insert(cpuMs.end(), o.cpuMs.begin(), o.cpuMs.end());
    }
    double median() const { return medianOf(ms); }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

std::string readText(const fs::path& p)
{
    std::ifstream in(p);
    std::string s;
    std::getline(in, s);
    return s;
}

std::optional<gtin::Kind> kindForFolder(const std::string& folder)
{
    if (folder.rfind("upce", 0) == 0)
        return gtin::Kind::UpcE;
    return std::nullopt;
}

int outcome(const std::string& got, const std::string& expected)
{
    return got.empty() ? 0 : (got == expected ? 1 : -1);
}

bool zbarAvailable()
{
    return std::system("command -v zbarimg >/dev/null 2>&1") == 0;
}

std::string shellQuote(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// zbarimg's first EAN/UPC symbol as GTIN-14 (add-on lines of 2/5 digits are skipped).
std::string zbarGtin(const fs::path& file, std::optional<gtin::Kind> hint)
{
    std::string cmd = "zbarimg -q --raw " + shellQuote(file.string()) + " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    if (!pipe)
        return {};
    std::array<char, 512> buf{};
    while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get())) {
        std::string line(buf.data());
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.pop_back();
        auto digits = gtin::digitsOnly(line);
        if (!digits || (digits->size() != 8 && digits->size() != 12 && digits->size() != 13))
            continue;
        auto g = gtin::toGtin14(*digits, digits->size() == 8 ? hint : std::nullopt);
        if (g)
            return *g;
    }
    return {};
}

image::Image onCanvas(const image::Image& photo, std::mt19937& rng)
{
    cv::Mat canvas(3000, 4000, CV_8UC3);
    // A label-like background: a pale colour with gentle noise and a few dark text-like strokes.
    std::uniform_int_distribution<int> tone(190, 245);
    canvas.setTo(cv::Scalar(tone(rng), tone(rng), tone(rng)));
    cv::Mat noise(canvas.size(), CV_8UC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(6));
    cv::add(canvas, noise, canvas);
    std::uniform_int_distribution<int> px(0, 3999), py(0, 2999);
    for (int i = 0; i < 40; ++i)
        cv::putText(canvas, "Sodium 120mg 5% Potassium", cv::Point(px(rng), py(rng)), cv::FONT_HERSHEY_SIMPLEX, 2.0,
                    cv::Scalar(40, 40, 40), 4);
    cv::Mat src = image::asMat(photo);
    if (src.cols > canvas.cols || src.rows > canvas.rows)
        return photo;
    std::uniform_int_distribution<int> ox(0, canvas.cols - src.cols), oy(0, canvas.rows - src.rows);
    src.copyTo(canvas(cv::Rect(ox(rng), oy(rng), src.cols, src.rows)));
    return image::fromMat(canvas);
}

} // namespace

int main(int argc, char** argv)
{
    cv::setNumThreads(0); // one core, as the pipeline's target is stated: OpenCV runs in the calling thread
    fs::path folder = fs::path(LABELCHECK_SOURCE_DIR) / ".." / "shared" / "data" / "barcode-photos";
    int budget = barcode::ReadOptions().timeBudgetMs();
    bool canvas = false, useZbar = true, passes = false, verbose = false;
    std::string dumpPath;
    double scale = 1.0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--budget" && i + 1 < argc)
            budget = std::atoi(argv[++i]);
        else if (a == "--canvas")
            canvas = true;
        else if (a == "--scale" && i + 1 < argc)
            scale = std::atof(argv[++i]);
        else if (a == "--no-zbar")
            useZbar = false;
        else if (a == "--passes")
            passes = true;
        else if (a == "--dump" && i + 1 < argc)
            dumpPath = argv[++i], passes = true;
        else if (a == "--verbose")
            verbose = true;
        else if (a == "-h" || a == "--help") {
            std::cout << "usage: barcode_bench [FOLDER] [--budget MS] [--canvas] [--scale F] [--no-zbar] [--passes] "
                         "[--verbose]\n";
            return 0;
        } else
            folder = a;
    }
    if (!fs::is_directory(folder)) {
        std::cerr << "barcode_bench: no folder " << folder << "\n";
        return 2;
    }
    useZbar = useZbar && zbarAvailable();
    const bool transformed = canvas || scale != 1.0;
    if (transformed && useZbar) {
        std::cerr << "note: zbar is skipped with --canvas/--scale (it reads files)\n";
        useZbar = false;
    }

    std::vector<fs::path> subdirs;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.is_directory())
            subdirs.push_back(e.path());
    std::sort(subdirs.begin(), subdirs.end());

    std::mt19937 rng(12345);
    std::ofstream dump;
    if (!dumpPath.empty())
        dump.open(dumpPath);
    std::map<std::string, std::array<int, 2>> passTable; // name -> {correct, wrong}
    Tally totOurs, totZx, totZbar;
    std::printf("%-20s %5s | %-22s | %-22s | %-22s\n", "folder", "n", "labelcheck ok/wrong/ms",
                "zxing-once ok/wrong/ms", useZbar ? "zbarimg ok/wrong/ms" : "zbarimg (n/a)");
    for (const auto& dir : subdirs) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir))
            if (image::hasImageExtension(e.path()) && fs::exists(fs::path(e.path()).replace_extension(".txt")))
                files.push_back(e.path());
        std::sort(files.begin(), files.end());
        if (files.empty())
            continue;
        const std::string name = dir.filename().string();
        Tally ours, zx, zb;
        for (const auto& f : files) {
            std::string text = readText(fs::path(f).replace_extension(".txt"));
            std::string mainCode = text.substr(0, text.find(' ')); // extension folders: "main addon"
            auto expected = gtin::toGtin14(mainCode, kindForFolder(name));
            if (!expected) {
                std::cerr << f << ": bad expectation '" << text << "'\n";
                continue;
            }
            auto loaded = image::loadImage(f);
            if (!loaded) {
                std::cerr << f << ": " << loaded.error().message << "\n";
                continue;
            }
            image::Image img = std::move(*loaded);
            if (scale != 1.0) {
                cv::Mat m;
                cv::resize(image::asMat(img), m, cv::Size(), scale, scale, cv::INTER_CUBIC);
                img = image::fromMat(m);
            }
            if (canvas)
                img = onCanvas(img, rng);

            barcode::ReadStats st;
            const double cpu0 = threadCpuMs();
            auto r =
                barcode::readBarcode(img, barcode::ReadOptions().setTimeBudgetMs(budget).setRunAllPasses(passes), st);
            ours.cpuMs.push_back(threadCpuMs() - cpu0);
            const int o = outcome(r ? r->gtin14 : "", *expected);
            ours.add(o, passes ? 0.0 : st.ms);
            if (passes)
                for (const auto& p : st.trace) {
                    auto& row = passTable[p.name + (p.trusted ? "" : " (vote)")];
                    row[0] += !p.gtin14.empty() && p.gtin14 == *expected;
                    row[1] += !p.gtin14.empty() && p.gtin14 != *expected;
                    if (dump)
                        dump << name << "/" << f.filename().string() << "," << *expected << "," << p.name << ","
                             << p.trusted << "," << p.gtin14 << "," << p.ms << "\n";
                }
            if (verbose || o == -1)
                std::printf("  %s: %s expected %s got %s by %s passes=%d %.1f ms\n",
                            o == 1   ? "ok"
                            : o == 0 ? "none"
                                     : "WRONG",
                            (name + "/" + f.filename().string()).c_str(), expected->c_str(),
                            r ? r->gtin14.c_str() : "-", st.decidedBy.c_str(), st.passes, st.ms);

            barcode::ReadStats st1;
            const double cpu1 = threadCpuMs();
            auto r1 = barcode::readBarcode(img, barcode::ReadOptions().setSinglePass(true), st1);
            zx.cpuMs.push_back(threadCpuMs() - cpu1);
            zx.add(outcome(r1 ? r1->gtin14 : "", *expected), st1.ms);

            if (useZbar) {
                const auto t0 = std::chrono::steady_clock::now();
                std::string g = zbarGtin(f, kindForFolder(name));
                zb.add(outcome(g, *expected),
                       std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            }
        }
        auto cell = [](const Tally& t) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%3d / %d / %6.1f", t.correct, t.wrong, t.median());
            return std::string(buf);
        };
        std::printf("%-20s %5d | %-22s | %-22s | %-22s\n", name.c_str(), ours.total, cell(ours).c_str(),
                    cell(zx).c_str(), useZbar ? cell(zb).c_str() : "");
        totOurs.add(ours), totZx.add(zx), totZbar.add(zb);
    }
    auto line = [](const char* who, const Tally& t) {
        std::printf("%-12s %3d/%d GTIN-correct (%.1f%%), %d wrong, median %.1f ms, max %.1f ms per photo", who,
                    t.correct, t.total, t.total ? 100.0 * t.correct / t.total : 0.0, t.wrong, t.median(), t.max());
        if (!t.cpuMs.empty())
            std::printf(" (CPU: median %.1f ms, max %.1f ms)", medianOf(t.cpuMs),
                        *std::max_element(t.cpuMs.begin(), t.cpuMs.end()));
        std::printf("\n");
    };
    std::printf("\n");
    if (!passes)
        line("labelcheck", totOurs);
    else
        std::printf("labelcheck   %d/%d GTIN-correct, %d wrong (times not measured with --passes)\n", totOurs.correct,
                    totOurs.total, totOurs.wrong);
    line("zxing-once", totZx);
    if (useZbar)
        line("zbarimg", totZbar);
    if (useZbar)
        std::printf("(zbarimg times include starting the process)\n");
    if (passes) {
        std::printf("\n%-28s %8s %6s\n", "pass", "correct", "wrong");
        for (const auto& [n, cw] : passTable)
            std::printf("%-28s %8d %6d\n", n.c_str(), cw[0], cw[1]);
    }
    return 0;
}
