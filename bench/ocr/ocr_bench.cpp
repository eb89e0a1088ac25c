// Benchmark (not a test) of the vision chain: panel finding, rectification, panel OCR and the whole-photo
// text read, over a folder of photos. Prints median milliseconds per stage (wall clock and this thread's
// CPU time, which is what one core would take on a busy machine) and, when the folder holds labelgen
// ground truth (NAME.expected.json, manifest.jsonl with generator.panel_quad), accuracy figures:
//   panel found / corners within 10% of the panel width, mineral rows read (name, amount and %DV on one
//   OCR row or a row wrapped over up to three lines), electrolyte claim text seen.
//
//   ocr_bench FOLDER [--limit N] [--no-photo-text] [--photo-deadline MS] [--glyph PX] [--verbose]

#include "labelcheck/image/load.hpp"
#include "labelcheck/image/rectify.hpp"
#include "labelcheck/ocr/engine.hpp"
#include "labelcheck/ocr/panel_read.hpp"
#include "labelcheck/ocr/photo_text.hpp"
#include "labelcheck/panel/finder.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace labelcheck;

namespace {

struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu = cpuMs();
    static double cpuMs()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
    }
    // Returns {wall, cpu} ms since the last lap.
    std::pair<double, double> lap()
    {
        auto now = std::chrono::steady_clock::now();
        double c = cpuMs();
        std::pair<double, double> r{std::chrono::duration<double, std::milli>(now - wall).count(), c - cpu};
        wall = now;
        cpu = c;
        return r;
    }
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

std::string lower(std::string s)
{
    for (auto& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string squeeze(const std::string& s)
{
    std::string o;
    for (char c : s)
        if (c != ' ')
            o += c;
    return o;
}

std::string number(double v)
{
    std::ostringstream os;
    os << v;
    return os.str();
}

// The row of a mineral is read when an OCR row names it and that row, or the one or two after it (a row
// wrapped over lines: "Calcium (as" / "dicalcium" / "phosphate) 20mg 2%"), holds its amount with unit
// and its %DV, spaces ignored. OCR confusions (mq for mg, Caicum) count as misses.
bool rowRead(const std::vector<TextLine>& lines, const std::string& name, const nlohmann::json& m)
{
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lower(squeeze(lines[i].text())).find(name) == std::string::npos)
            continue;
        std::string t;
        for (std::size_t k = i; k < std::min(lines.size(), i + 3); ++k)
            t += lower(squeeze(lines[k].text())) + "|";
        bool ok = true;
        if (!m["amount"].is_null())
            ok = ok && t.find(lower(number(m["amount"].get<double>()) + m["unit"].get<std::string>())) != std::string::npos;
        if (!m["daily_value_pct"].is_null()) {
            double dv = m["daily_value_pct"].get<double>();
            ok = ok && t.find(dv == 0.5 ? std::string("<1%") : number(dv) + "%") != std::string::npos;
        }
        if (ok)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FOLDER [--limit N] [--no-photo-text] [--photo-deadline MS] [--glyph PX] [--verbose]\n", argv[0]);
        return 2;
    }
    fs::path folder = argv[1];
    int limit = 1 << 30;
    bool photoText = true, verbose = false;
    int photoDeadline = ocr::PhotoTextOptions{}.deadlineMs;
    float glyph = image::RectifyOptions{}.targetGlyphHeightPx;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--limit" && i + 1 < argc)
            limit = std::atoi(argv[++i]);
        else if (a == "--no-photo-text")
            photoText = false;
        else if (a == "--photo-deadline" && i + 1 < argc)
            photoDeadline = std::atoi(argv[++i]);
        else if (a == "--glyph" && i + 1 < argc)
            glyph = float(std::atof(argv[++i]));
        else if (a == "--verbose")
            verbose = true;
    }
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (e.is_regular_file() && image::hasImageExtension(e.path()) &&
            e.path().string().find(".flat.") == std::string::npos)
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    if (int(files.size()) > limit)
        files.resize(std::size_t(limit));

    std::map<std::string, nlohmann::json> generator; // file name -> generator block of the manifest
    if (std::ifstream mf(folder / "manifest.jsonl"); mf) {
        std::string line;
        while (std::getline(mf, line)) {
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (!j.is_discarded() && j.contains("generator"))
                generator[fs::path(j["file"].get<std::string>()).filename().string()] = j["generator"];
        }
    }

    Clock clock;
    auto engine = ocr::Engine::create();
    if (!engine) {
        std::fprintf(stderr, "engine: %s\n", engine.error().message.c_str());
        return 1;
    }
    auto [engineWall, engineCpu] = clock.lap();

    std::map<std::string, std::vector<double>> wall, cpu;
    int found = 0, cornersOk = 0, withQuad = 0, rows = 0, rowsOk = 0, claims = 0, claimsSeen = 0;
    double megapixels = 0;
    for (const auto& path : files) {
        clock.lap();
        auto img = image::loadImage(path);
        auto t = clock.lap();
        if (!img) {
            std::fprintf(stderr, "%s: %s\n", path.c_str(), img.error().message.c_str());
            continue;
        }
        megapixels += img->width * double(img->height) / 1e6;
        wall["load"].push_back(t.first);
        cpu["load"].push_back(t.second);
        double totalWall = 0, totalCpu = 0;
        auto record = [&](const char* stage) {
            auto l = clock.lap();
            wall[stage].push_back(l.first);
            cpu[stage].push_back(l.second);
            totalWall += l.first;
            totalCpu += l.second;
        };

        auto panel = panel::findPanel(*img);
        record("panel");
        float panelGlyph = 0;
        std::vector<TextLine> lines;
        std::string note;
        if (panel) {
            ++found;
            image::RectifyOptions ro;
            ro.targetGlyphHeightPx = glyph;
            auto rect = image::rectifyPanel(*img, panel->corners, ro);
            record("rectify");
            if (rect) {
                panelGlyph = rect->glyphHeightPx > 0 ? float(rect->glyphHeightPx / rect->scale) : 0.0f;
                auto read = ocr::readPanel(*engine, rect->image);
                record("ocr");
                if (read) {
                    lines = std::move(read->lines);
                    if (read->upsideDown)
                        note += " read-turned";
                }
            }
        }
        std::vector<TextLine> other;
        if (photoText) {
            ocr::PhotoTextOptions po;
            if (panel)
                po.panel = panel->corners;
            po.panelGlyphPx = panelGlyph;
            po.deadlineMs = photoDeadline;
            auto read = ocr::readPhotoText(*engine, *img, po);
            record("photo_text");
            if (read)
                other = std::move(*read);
        }
        wall["total (no load)"].push_back(totalWall);
        cpu["total (no load)"].push_back(totalCpu);

        const std::string name = path.filename().string();
        if (auto g = generator.find(name); g != generator.end() && g->second.contains("panel_quad")) {
            ++withQuad;
            const auto& q = g->second["panel_quad"];
            double width = std::hypot(q[1][0].get<double>() - q[0][0].get<double>(),
                                      q[1][1].get<double>() - q[0][1].get<double>());
            if (panel) {
                double worst = 0;
                for (int k = 0; k < 4; ++k)
                    worst = std::max(worst, std::hypot(panel->corners[k].x - q[k][0].get<double>(),
                                                       panel->corners[k].y - q[k][1].get<double>()));
                if (worst < 0.10 * width)
                    ++cornersOk;
                note += " corner_err=" + number(std::round(100 * worst / width)) + "%";
            }
        }
        fs::path expected = path.parent_path() / (path.stem().string() + ".expected.json");
        if (std::ifstream ef(expected); ef) {
            auto j = nlohmann::json::parse(ef, nullptr, false);
            if (!j.is_discarded()) {
                for (const char* m : {"sodium", "potassium", "calcium", "magnesium"}) {
                    if (!j["minerals"].contains(m) || j["minerals"][m].is_null())
                        continue;
                    ++rows;
                    bool ok = rowRead(lines, m, j["minerals"][m]);
                    rowsOk += ok;
                    if (!ok)
                        note += std::string(" miss:") + m;
                }
                if (j.value("electrolyte_claim", false)) {
                    ++claims;
                    std::string all;
                    for (const auto* set : {&lines, &other})
                        for (const auto& l : *set)
                            all += lower(squeeze(l.text()));
                    bool seen = all.find("electrolyt") != std::string::npos;
                    claimsSeen += seen;
                    if (!seen)
                        note += " claim-unseen";
                }
            }
        }
        if (verbose) {
            std::printf("%s %dx%d panel=%s%s total=%.0fms(cpu %.0f)\n", name.c_str(), img->width, img->height,
                        panel ? "yes" : "no", note.c_str(), totalWall, totalCpu);
            for (const auto& l : lines)
                std::printf("    | %s\n", l.text().c_str());
        }
    }

    const int n = int(wall["load"].size());
    std::printf("ocr_bench: %d photos (%.1f MP median-ish %.1f MP), engine created in %.0f ms (cpu %.0f)\n", n,
                megapixels, n ? megapixels / n : 0.0, engineWall, engineCpu);
    std::printf("%-16s %10s %10s\n", "stage", "median ms", "cpu ms");
    for (const char* stage : {"load", "panel", "rectify", "ocr", "photo_text", "total (no load)"})
        if (wall.count(stage))
            std::printf("%-16s %10.0f %10.0f   (n=%zu)\n", stage, median(wall[stage]), median(cpu[stage]),
                        wall[stage].size());
    std::printf("panel found: %d/%d\n", found, n);
    if (withQuad)
        std::printf("panel corners within 10%% of width: %d/%d (%.1f%%)\n", cornersOk, withQuad,
                    100.0 * cornersOk / withQuad);
    if (rows)
        std::printf("mineral rows read (name+amount+%%DV, wrapped rows allowed): %d/%d (%.1f%%)\n", rowsOk, rows,
                    100.0 * rowsOk / rows);
    if (claims)
        std::printf("electrolyte claim text seen: %d/%d (%.1f%%)\n", claimsSeen, claims, 100.0 * claimsSeen / claims);
    return 0;
}
