// labelscore: score labelcheck's JSONL output against expected JSON files (matched by file basename).
//
//   labelscore --results results.jsonl --expected DIR [--verbose] [--json]
//              [--min-verdict P] [--min-field P] [--min-gtin P]
//
// Figures: verdict accuracy; per-mineral field accuracy (present/absent matches and, when present, mg within
// 1 %; a declared zero counts as present with mg 0); barcode GTIN accuracy (gtin14 equal, an expected null is
// right only when the result is null); panel type and electrolyte_claim accuracy; false "incomplete" count
// (expected complete / not_electrolyte, got incomplete) and wrong barcodes (non-null and different).
// Exit status: 0 when every threshold given is met, 1 when one is not, 2 on usage or input errors.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::array<const char*, 4> kMinerals{"sodium", "potassium", "calcium", "magnesium"};
constexpr std::string_view kSuffix = ".expected.json";

struct Counter {
    int right = 0;
    int total = 0;
    void add(bool ok) {
        total += 1;
        right += ok ? 1 : 0;
    }
    [[nodiscard]] double pct() const { return total == 0 ? 100.0 : 100.0 * right / total; }
};

struct Wrong {
    std::string file;
    std::string field;
    std::string expected;
    std::string got;
};

std::string stemOf(const std::string& path) {
    auto name = fs::path(path).filename().string();
    if (name.size() > kSuffix.size() && name.ends_with(kSuffix)) {
        return name.substr(0, name.size() - kSuffix.size());
    }
    return fs::path(name).stem().string();
}

const json& member(const json& object, const char* key) {
    static const json null;
    if (!object.is_object()) {
        return null;
    }
    auto it = object.find(key);
    return it == object.end() ? null : *it;
}

std::string show(const json& value) { return value.dump(); }

// mg of a mineral entry, or nullopt when the mineral is absent (null or malformed).
std::optional<double> mineralMg(const json& entry) {
    if (!entry.is_object()) {
        return std::nullopt;
    }
    const json& mg = member(entry, "mg");
    if (mg.is_number()) {
        return mg.get<double>();
    }
    return std::nullopt;
}

bool mineralRight(const json& expected, const json& got) {
    auto e = mineralMg(expected);
    auto g = mineralMg(got);
    if (e.has_value() != g.has_value()) {
        return false;
    }
    if (!e) {
        return true;
    }
    return std::fabs(*g - *e) <= 0.01 * std::fabs(*e) + 1e-9;
}

std::string showMineral(const json& entry) {
    auto mg = mineralMg(entry);
    if (!mg) {
        return "absent";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g mg", *mg);
    std::string s = buffer;
    const json& amount = member(entry, "amount");
    const json& unit = member(entry, "unit");
    if (amount.is_number() && unit.is_string()) {
        s += " (" + amount.dump() + " " + unit.get<std::string>() + ")";
    } else if (member(entry, "estimated").is_boolean() && member(entry, "estimated").get<bool>()) {
        s += " (estimated)";
    }
    return s;
}

std::string gtinOf(const json& record) {
    const json& gtin = member(member(record, "barcode"), "gtin14");
    return gtin.is_string() ? gtin.get<std::string>() : std::string();
}

std::string stringOr(const json& value, const char* fallback) {
    return value.is_string() ? value.get<std::string>() : std::string(fallback);
}

struct Score {
    int photos = 0;
    int missingResults = 0;
    int notOk = 0;
    Counter verdict, gtin, panel, claim, fields;
    std::array<Counter, 4> mineral;
    int falseIncomplete = 0;
    int wrongBarcodes = 0;
    int missedBarcodes = 0;
    std::map<std::string, int> verdictConfusion;  // "expected -> got"
    std::vector<Wrong> wrong;
};

void scorePhoto(const std::string& file, const json& expected, const json& got, Score& score) {
    score.photos += 1;
    auto note = [&](const char* field, std::string e, std::string g) {
        score.wrong.push_back({file, field, std::move(e), std::move(g)});
    };
    if (got.is_null()) {
        score.missingResults += 1;
        note("result", "a result line", "none");
    } else if (!member(got, "ok").is_boolean() || !member(got, "ok").get<bool>()) {
        score.notOk += 1;
        note("ok", "true", stringOr(member(got, "error"), "false"));
    }

    const std::string ev = stringOr(member(expected, "verdict"), "null");
    const std::string gv = stringOr(member(got, "verdict"), "null");
    score.verdict.add(ev == gv);
    if (ev != gv) {
        note("verdict", ev, gv);
        score.verdictConfusion[ev + " -> " + gv] += 1;
        if (gv == "incomplete" && (ev == "complete" || ev == "not_electrolyte")) {
            score.falseIncomplete += 1;
        }
    }

    for (std::size_t i = 0; i < kMinerals.size(); ++i) {
        const json& e = member(member(expected, "minerals"), kMinerals[i]);
        const json& g = member(member(got, "minerals"), kMinerals[i]);
        bool ok = mineralRight(e, g);
        score.mineral[i].add(ok);
        score.fields.add(ok);
        if (!ok) {
            note(kMinerals[i], showMineral(e), showMineral(g));
        }
    }

    const std::string eg = gtinOf(expected);
    const std::string gg = gtinOf(got);
    score.gtin.add(eg == gg);
    if (eg != gg) {
        note("gtin14", eg.empty() ? "null" : eg, gg.empty() ? "null" : gg);
        if (!gg.empty()) {
            score.wrongBarcodes += 1;
        } else {
            score.missedBarcodes += 1;
        }
    }

    const std::string ep = stringOr(member(expected, "panel"), "null");
    const std::string gp = stringOr(member(got, "panel"), "null");
    score.panel.add(ep == gp);
    if (ep != gp) {
        note("panel", ep, gp);
    }

    const json& ec = member(expected, "electrolyte_claim");
    const json& gc = member(got, "electrolyte_claim");
    score.claim.add(ec == gc);
    if (ec != gc) {
        note("electrolyte_claim", show(ec), show(gc));
    }
}

void printLine(const char* name, const Counter& c) {
    std::printf("%-18s %5d/%-5d %7.2f%%\n", name, c.right, c.total, c.pct());
}

json counterJson(const Counter& c) { return {{"right", c.right}, {"total", c.total}, {"pct", c.pct()}}; }

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"labelscore: accuracy of labelcheck JSONL results against expected JSON files"};
    std::string resultsPath;
    std::string expectedDir;
    bool verbose = false;
    bool asJson = false;
    std::optional<double> minVerdict, minField, minGtin;
    app.add_option("-r,--results", resultsPath, "JSONL from `labelcheck check --format jsonl` ('-' = stdin)")
        ->required();
    app.add_option("-e,--expected", expectedDir, "folder holding <name>.expected.json files")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_flag("-v,--verbose", verbose, "list every wrong item (file, field, expected, got)");
    app.add_flag("--json", asJson, "print the figures as one JSON object instead of a table");
    app.add_option("--min-verdict", minVerdict, "fail (exit 1) when verdict accuracy is below this %");
    app.add_option("--min-field", minField, "fail (exit 1) when any mineral field accuracy is below this %");
    app.add_option("--min-gtin", minGtin, "fail (exit 1) when barcode GTIN accuracy is below this %");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }

    // Results by basename stem; the last line for a stem wins (duplicates are reported).
    std::map<std::string, json> results;
    {
        std::ifstream file;
        std::istream* in = &std::cin;
        if (resultsPath != "-") {
            file.open(resultsPath);
            if (!file) {
                std::cerr << "labelscore: cannot read " << resultsPath << "\n";
                return 2;
            }
            in = &file;
        }
        std::string line;
        int number = 0;
        while (std::getline(*in, line)) {
            number += 1;
            if (line.find_first_not_of(" \t\r") == std::string::npos) {
                continue;
            }
            json record = json::parse(line, nullptr, false);
            if (record.is_discarded() || !member(record, "file").is_string()) {
                std::cerr << "labelscore: " << resultsPath << ":" << number << ": not a result object\n";
                return 2;
            }
            auto stem = stemOf(record["file"].get<std::string>());
            if (results.contains(stem)) {
                std::cerr << "labelscore: duplicate result for " << stem << "\n";
            }
            results[stem] = std::move(record);
        }
    }

    std::vector<fs::path> expectedFiles;
    for (const auto& entry : fs::directory_iterator(expectedDir)) {
        auto name = entry.path().filename().string();
        if (entry.is_regular_file() && name.ends_with(kSuffix)) {
            expectedFiles.push_back(entry.path());
        }
    }
    std::sort(expectedFiles.begin(), expectedFiles.end());
    if (expectedFiles.empty()) {
        std::cerr << "labelscore: no *.expected.json in " << expectedDir << "\n";
        return 2;
    }

    Score score;
    for (const auto& path : expectedFiles) {
        std::ifstream in(path);
        json expected = json::parse(in, nullptr, false);
        if (expected.is_discarded()) {
            std::cerr << "labelscore: cannot parse " << path.string() << "\n";
            return 2;
        }
        auto stem = stemOf(path.string());
        auto it = results.find(stem);
        static const json none;
        const std::string file = it != results.end() ? it->second["file"].get<std::string>()
                                                     : stringOr(member(expected, "file"), stem.c_str());
        scorePhoto(file, expected, it != results.end() ? it->second : none, score);
        if (it != results.end()) {
            results.erase(it);
        }
    }
    for (const auto& [stem, record] : results) {
        std::cerr << "labelscore: no expected JSON for result " << stem << " (ignored)\n";
    }

    if (asJson) {
        json out = {{"photos", score.photos},
                    {"missing_results", score.missingResults},
                    {"not_ok", score.notOk},
                    {"verdict", counterJson(score.verdict)},
                    {"fields", counterJson(score.fields)},
                    {"gtin", counterJson(score.gtin)},
                    {"panel", counterJson(score.panel)},
                    {"electrolyte_claim", counterJson(score.claim)},
                    {"false_incomplete", score.falseIncomplete},
                    {"wrong_barcodes", score.wrongBarcodes},
                    {"missed_barcodes", score.missedBarcodes},
                    {"verdict_confusion", score.verdictConfusion}};
        for (std::size_t i = 0; i < kMinerals.size(); ++i) {
            out[kMinerals[i]] = counterJson(score.mineral[i]);
        }
        if (verbose) {
            out["wrong"] = json::array();
            for (const auto& w : score.wrong) {
                out["wrong"].push_back({{"file", w.file}, {"field", w.field}, {"expected", w.expected}, {"got", w.got}});
            }
        }
        std::cout << out.dump() << "\n";
    } else {
        std::printf("photos             %d (results missing: %d, not ok: %d)\n", score.photos, score.missingResults,
                    score.notOk);
        printLine("verdict", score.verdict);
        for (std::size_t i = 0; i < kMinerals.size(); ++i) {
            printLine(kMinerals[i], score.mineral[i]);
        }
        printLine("fields (all)", score.fields);
        printLine("barcode gtin14", score.gtin);
        printLine("panel type", score.panel);
        printLine("electrolyte_claim", score.claim);
        std::printf("false incomplete   %d\n", score.falseIncomplete);
        std::printf("wrong barcodes     %d (missed: %d)\n", score.wrongBarcodes, score.missedBarcodes);
        for (const auto& [pair, count] : score.verdictConfusion) {
            std::printf("verdict %-28s %d\n", pair.c_str(), count);
        }
        if (verbose) {
            for (const auto& w : score.wrong) {
                std::printf("WRONG %s\t%s\texpected %s\tgot %s\n", w.file.c_str(), w.field.c_str(),
                            w.expected.c_str(), w.got.c_str());
            }
        }
    }
    std::fflush(stdout);

    bool pass = true;
    auto require = [&](const char* what, double pct, const std::optional<double>& minimum) {
        if (minimum && pct + 1e-9 < *minimum) {
            std::fprintf(stderr, "labelscore: %s accuracy %.2f%% is below the required %.2f%%\n", what, pct,
                         *minimum);
            pass = false;
        }
    };
    require("verdict", score.verdict.pct(), minVerdict);
    for (std::size_t i = 0; i < kMinerals.size(); ++i) {
        require(kMinerals[i], score.mineral[i].pct(), minField);
    }
    require("barcode gtin14", score.gtin.pct(), minGtin);
    return pass ? 0 : 1;
}
