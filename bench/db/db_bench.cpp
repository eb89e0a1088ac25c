// Benchmark of the product database at scale (issue 4 targets: import of 1,000,000 products < 60 s,
// lookup p50 < 50 µs, search p50 < 10 ms).
//
//   db_bench [--products N] [--lookups N] [--searches N] [--dir PATH] [--keep]
//
// Generates a labelcheck product CSV with N synthetic products (deterministic), imports it with the CSV
// importer into a new database, then times findByGtin / findByCode (90% hits, 10% misses) and search over
// one- and two-word queries drawn from the same vocabulary. Prints a table and a JSON line.

#include "labelcheck/core/gtin.hpp"
#include "labelcheck/db/database.hpp"
#include "labelcheck/db/import.hpp"
#include "labelcheck/db/product_format.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace labelcheck;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kFlavors = {
    "lemon",     "lime",      "orange",      "grape",        "berry",      "raspberry", "strawberry", "watermelon",
    "mango",     "peach",     "cherry",      "coconut",      "pineapple",  "citrus",    "tropical",   "apple",
    "cranberry", "blueberry", "pomegranate", "kiwi",         "unflavored", "vanilla",   "chocolate",  "mint",
    "ginger",    "cucumber",  "grapefruit",  "passionfruit", "guava",      "lychee",    "blackberry", "acai",
    "honeydew",  "tangerine", "yuzu",        "hibiscus",     "cola",       "rootbeer"};
const std::vector<std::string> kKinds = {
    "electrolyte drink mix",  "hydration multiplier", "sports drink",        "electrolyte tablets", "recovery powder",
    "magnesium glycinate",    "calcium citrate",      "potassium gluconate", "multivitamin",        "sparkling water",
    "coconut water",          "protein powder",       "energy chews",        "salt capsules",       "mineral drops",
    "oral rehydration salts", "daily greens",         "zinc lozenges",       "iron complex",        "trace minerals",
    "keto electrolytes",      "hydration stick",      "endurance fuel",      "pre workout",         "sleep support"};
const std::vector<std::string> kSizes = {"single", "30 stick", "60 count", "120 count",   "500 g",
                                         "1 kg",   "12 pack",  "travel",   "family size", "value pack"};

std::string makeBrand(std::mt19937_64& rng)
{
    static const std::vector<std::string> a = {"Aqua",   "Hydro", "Salt",  "Peak",   "Pure",  "Nova", "Vita",  "Core",
                                               "Summit", "Trail", "Ocean", "River",  "Stone", "Sun",  "North", "Blue",
                                               "Green",  "Iron",  "Swift", "Bright", "Clear", "Wild", "True",  "Prime"};
    static const std::vector<std::string> b = {"lab", "works", "life",  "fuel",  "well", "line", "co",    "ly",
                                               "ify", "wave",  "point", "field", "gate", "path", "craft", "mix"};
    std::uniform_int_distribution<std::size_t> da(0, a.size() - 1), db(0, b.size() - 1), dn(0, 99);
    return a[da(rng)] + b[db(rng)] + (dn(rng) < 30 ? " " + std::to_string(dn(rng)) : std::string());
}

struct Summary {
    double p50, p99, mean;
};

Summary summarize(std::vector<double>& us)
{
    std::sort(us.begin(), us.end());
    double sum = 0;
    for (double v : us)
        sum += v;
    auto at = [&](double q) {
        return us[std::min(us.size() - 1, static_cast<std::size_t>(q * static_cast<double>(us.size())))];
    };
    return {at(0.50), at(0.99), sum / static_cast<double>(us.size())};
}

// CPU time of this process: on a shared machine, wall time also counts the time other processes ran.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double threadCpuMicros()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) * 1e-3;
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}
double micros(Clock::duration d)
{
    return std::chrono::duration<double, std::micro>(d).count();
}

std::string gtinOf(std::uint64_t i)
{
    // Payload 0 + 12 digits (an EAN-13 with GS1 prefix 80x, not restricted circulation), scattered so that
    // inserts hit the GTIN index in random order as real datasets do; then the check digit.
    char buf[32];
    std::snprintf(buf, sizeof buf, "%013llu",
                  static_cast<unsigned long long>(800000000000ULL + i * 2654435761ULL % 100000000000ULL));
    std::string p(buf);
    return p + static_cast<char>('0' + gtin::checkDigit(p));
}

} // namespace

int main(int argc, char** argv)
{
    std::uint64_t n = 1000000;
    std::size_t lookups = 200000, searches = 3000;
    fs::path dir;
    bool keep = false;
    bool dense = false;
    bool reuse = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--products")
            n = std::stoull(next());
        else if (a == "--lookups")
            lookups = std::stoull(next());
        else if (a == "--searches")
            searches = std::stoull(next());
        else if (a == "--dir")
            dir = next();
        else if (a == "--keep")
            keep = true;
        else if (a == "--dense")
            dense = true;
        else if (a == "--reuse")
            reuse = true;
        else {
            std::cerr << "usage: db_bench [--products N] [--lookups N] [--searches N] [--dir PATH] [--keep] [--dense] "
                         "[--reuse]\n";
            return 2;
        }
    }
    if (dir.empty())
        dir = fs::temp_directory_path() / ("labelcheck-db-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path csv = dir / "products.csv";
    const fs::path dbPath = dir / "bench.db";
    // --reuse: time lookups and searches again on the database a --keep run left in --dir (same --products).
    reuse = reuse && fs::exists(dbPath);
    if (!reuse) {
        fs::remove(dbPath);
        fs::remove(fs::path(dbPath.string() + "-wal"));
        fs::remove(fs::path(dbPath.string() + "-shm"));
    }

    // 1. Generate.
    std::mt19937_64 rng(42);
    std::vector<std::string> brands;
    for (int i = 0; i < (dense ? 5000 : 20000); ++i)
        brands.push_back(makeBrand(rng));
    // Realistic mode: name words from a 40,000-word vocabulary with Zipf frequencies (as in real product
    // names, a few words are everywhere and most are rare), plus a product-kind phrase 40% of the time.
    // Dense mode (--dense): every name is flavour + kind + size from ~70 words, so every query word matches
    // tens of thousands of products: a worst case for ranking.
    std::vector<std::string> vocabulary;
    std::vector<double> cdf;
    {
        static const char* syl[] = {"ba",   "ko",   "ri",  "ta",  "ne", "lu",  "mi",  "sa",  "do",  "ve",  "pho", "gra",
                                    "stel", "quin", "dor", "zen", "ax", "tri", "mon", "cal", "ped", "nor", "fi",  "gu"};
        std::uniform_int_distribution<int> ds(0, 23), dn(2, 4);
        double total = 0;
        for (int i = 0; i < 40000; ++i) {
            std::string w;
            for (int k = dn(rng); k > 0; --k)
                w += syl[ds(rng)];
            vocabulary.push_back(w);
            total += 1.0 / (i + 1);
            cdf.push_back(total);
        }
        for (double& c : cdf)
            c /= total;
    }
    auto zipfWord = [&](std::mt19937_64& r) -> const std::string& {
        const double u = std::uniform_real_distribution<double>(0, 1)(r);
        return vocabulary[std::min<std::size_t>(vocabulary.size() - 1,
                                                std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin())];
    };
    std::vector<std::pair<std::string, std::string>> known; // (brand, name) of every n/5000th product
    const std::uint64_t knownEvery = std::max<std::uint64_t>(1, n / 5000);
    auto t0 = Clock::now();
    if (!reuse) {
        std::ofstream out(csv, std::ios::binary);
        out << db::csvHeader() << "\n";
        std::uniform_int_distribution<std::size_t> pb(0, brands.size() - 1), pf(0, kFlavors.size() - 1),
            pk(0, kKinds.size() - 1), ps(0, kSizes.size() - 1);
        std::uniform_int_distribution<int> pct(0, 99), mg(0, 1000);
        for (std::uint64_t i = 0; i < n; ++i) {
            db::Product p;
            p.gtin14 = gtinOf(i);
            if (dense) {
                p.brand = brands[pb(rng)];
                p.name = kFlavors[pf(rng)] + " " + kKinds[pk(rng)] + " " + kSizes[ps(rng)];
            } else {
                // Brands are Zipf-distributed too: a few brands have thousands of products.
                p.brand =
                    brands[std::min<std::size_t>(brands.size() - 1,
                                                 std::lower_bound(cdf.begin(), cdf.end(),
                                                                  std::uniform_real_distribution<double>(0, 1)(rng)) -
                                                     cdf.begin()) %
                           brands.size()];
                p.name = zipfWord(rng);
                for (int k = std::uniform_int_distribution<int>(1, 3)(rng); k > 0; --k)
                    p.name += " " + zipfWord(rng);
                if (pct(rng) < 40)
                    p.name += " " + kKinds[pk(rng)];
                if (pct(rng) < 30)
                    p.name += " " + kSizes[ps(rng)];
            }
            if (i % knownEvery == 0)
                known.emplace_back(p.brand, p.name);
            p.name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p.name[0])));
            p.form = "powder";
            p.servingSize = "1 serving";
            p.electrolyteClaim = db::mentionsElectrolytes(p.name) || pct(rng) < 10;
            for (Mineral m : kMinerals)
                if (pct(rng) < 70) {
                    p.mineralMg[index(m)] = mg(rng);
                    if (pct(rng) < 50)
                        p.dailyValuePct[index(m)] = pct(rng);
                }
            p.source = "csv";
            p.sourceId = std::to_string(i);
            out << db::toCsvRow(p) << "\n";
        }
    }
    const double genSeconds = seconds(Clock::now() - t0);
    const auto csvBytes = reuse ? 0 : fs::file_size(csv);

    // 2. Import.
    double importSeconds = 0, importCpu = 0;
    db::ImportReport report;
    if (!reuse) {
        db::OpenOptions o;
        o.seed = false;
        auto database = db::Database::open(dbPath, o);
        if (!database) {
            std::cerr << database.error().message << "\n";
            return 3;
        }
        t0 = Clock::now();
        const double c0 = cpuSeconds();
        auto r = db::importFiles(*database, db::ImportFormat::Csv, {csv});
        importSeconds = seconds(Clock::now() - t0);
        importCpu = cpuSeconds() - c0;
        if (!r) {
            std::cerr << r.error().message << "\n";
            return 3;
        }
        report = *r;
    } // closing the last connection checkpoints the WAL into the main file
    const auto dbBytes = fs::file_size(dbPath);
    std::printf("import              %.1f s wall, %.1f s CPU\n", importSeconds, importCpu);
    std::fflush(stdout);

    // 3. Lookups and searches on a fresh read-only connection, as the check workers use it.
    db::OpenOptions ro;
    ro.readOnly = true;
    auto database = db::Database::open(dbPath, ro);
    if (!database) {
        std::cerr << database.error().message << "\n";
        return 3;
    }
    if (reuse) {
        for (std::uint64_t i = 0; i < n; i += knownEvery)
            if (auto p = database->findByGtin(gtinOf(i)); p.ok() && p->has_value())
                known.emplace_back((*p)->brand, (*p)->name);
        if (known.empty()) {
            std::cerr << "--reuse: the database in --dir does not hold this benchmark's products\n";
            return 3;
        }
    }
    std::uniform_int_distribution<std::uint64_t> pick(0, n - 1);
    std::uniform_int_distribution<int> pct(0, 99);
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < lookups; ++i)
        codes.push_back(pct(rng) < 90 ? gtinOf(pick(rng)) : gtinOf(n + pick(rng)));
    // Warm the cache the way a long-running process would be.
    for (std::size_t i = 0; i < std::min<std::size_t>(lookups, 20000); ++i)
        (void)database->findByGtin(codes[i]);
    std::vector<double> lookupUs, codeUs, lookupCpu, searchCpu;
    std::size_t hits = 0;
    double c1 = cpuSeconds();
    for (const auto& c : codes) {
        const double cpu = threadCpuMicros();
        auto s = Clock::now();
        auto r = database->findByGtin(c);
        lookupUs.push_back(micros(Clock::now() - s));
        lookupCpu.push_back(threadCpuMicros() - cpu);
        if (r.ok() && r->has_value())
            ++hits;
    }
    const double lookupCpuUs = (cpuSeconds() - c1) * 1e6 / static_cast<double>(codes.size());
    for (const auto& c : codes) {
        const std::string upc = c.substr(1); // as the EAN-13 a scanner prints
        auto s = Clock::now();
        auto r = database->findByCode(upc);
        codeUs.push_back(micros(Clock::now() - s));
    }

    std::vector<std::string> queries;
    auto wordsOf = [](const std::string& text) {
        std::vector<std::string> w;
        std::istringstream in(text);
        for (std::string x; in >> x;)
            w.push_back(x);
        return w;
    };
    for (std::size_t i = 0; i < searches && !dense; ++i) {
        // Someone looking for a product they know: its brand, words of its name, or a prefix being typed.
        const auto& [brand, name] = known[pick(rng) % known.size()];
        const auto words = wordsOf(name);
        const std::string& w1 = words[pick(rng) % words.size()];
        const std::string& w2 = words[pick(rng) % words.size()];
        switch (i % 5) {
        case 0:
            queries.push_back(brand);
            break;
        case 1:
            queries.push_back(w1 + " " + w2);
            break;
        case 2:
            queries.push_back(brand + " " + w1);
            break;
        case 3:
            queries.push_back(w1.substr(0, std::max<std::size_t>(4, w1.size() - 2)));
            break;
        default:
            queries.push_back(w1);
            break;
        }
    }
    for (std::size_t i = 0; i < searches && dense; ++i) {
        switch (i % 5) {
        case 0:
            queries.push_back(brands[pick(rng) % brands.size()]);
            break;
        case 1:
            queries.push_back(kFlavors[pick(rng) % kFlavors.size()] + " " + kKinds[pick(rng) % kKinds.size()]);
            break;
        case 2:
            queries.push_back(brands[pick(rng) % brands.size()] + " " + kFlavors[pick(rng) % kFlavors.size()]);
            break;
        case 3:
            queries.push_back(kKinds[pick(rng) % kKinds.size()].substr(0, 5));
            break; // prefix while typing
        default:
            queries.push_back(kFlavors[pick(rng) % kFlavors.size()]);
            break;
        }
    }
    std::vector<double> searchUs;
    std::size_t results = 0;
    c1 = cpuSeconds();
    for (const auto& q : queries) {
        const double cpu = threadCpuMicros();
        auto s = Clock::now();
        auto r = database->search(q, 20);
        searchUs.push_back(micros(Clock::now() - s));
        searchCpu.push_back(threadCpuMicros() - cpu);
        if (r.ok())
            results += r->size();
    }

    const double searchCpuMs = (cpuSeconds() - c1) * 1e3 / static_cast<double>(queries.size());
    const auto lc = summarize(lookupCpu);
    const auto sc = summarize(searchCpu);
    const auto l = summarize(lookupUs);
    const auto c = summarize(codeUs);
    const auto s = summarize(searchUs);
    std::printf("products            %llu, %s names (csv %.1f MiB, generated in %.1f s)\n",
                static_cast<unsigned long long>(n), dense ? "dense" : "zipf", static_cast<double>(csvBytes) / 1048576.0,
                genSeconds);
    std::printf(
        "import              %.1f s wall, %.1f s CPU (%.0f products/s wall; read %lld, imported %lld, rejected %lld)\n",
        importSeconds, importCpu, static_cast<double>(n) / importSeconds, static_cast<long long>(report.read),
        static_cast<long long>(report.imported), static_cast<long long>(report.rejected));
    std::printf("database file       %.1f MiB (%.0f bytes/product)\n", static_cast<double>(dbBytes) / 1048576.0,
                static_cast<double>(dbBytes) / static_cast<double>(n));
    std::printf(
        "findByGtin          p50 %.1f us  p99 %.1f us  mean %.1f us  CPU mean %.1f us  (%zu lookups, %zu hits)\n",
        l.p50, l.p99, l.mean, lookupCpuUs, lookups, hits);
    std::printf("  CPU time per call p50 %.1f us  p99 %.1f us\n", lc.p50, lc.p99);
    std::printf("findByCode (EAN-13) p50 %.1f us  p99 %.1f us  mean %.1f us\n", c.p50, c.p99, c.mean);
    std::printf("search (limit 20)   p50 %.2f ms  p99 %.2f ms  mean %.2f ms  CPU mean %.2f ms  (%zu queries, %.1f "
                "results each)\n",
                s.p50 / 1000, s.p99 / 1000, s.mean / 1000, searchCpuMs, searches,
                static_cast<double>(results) / static_cast<double>(searches));
    std::printf("  CPU time per call p50 %.2f ms  p99 %.2f ms\n", sc.p50 / 1000, sc.p99 / 1000);
    std::printf("{\"products\":%llu,\"import_s\":%.2f,\"import_cpu_s\":%.2f,\"file_bytes\":%llu,\"lookup_p50_us\":%.2f,"
                "\"lookup_p99_us\":%.2f,"
                "\"code_p50_us\":%.2f,\"search_p50_ms\":%.3f,\"search_p99_ms\":%.3f}\n",
                static_cast<unsigned long long>(n), importSeconds, importCpu, static_cast<unsigned long long>(dbBytes),
                l.p50, l.p99, c.p50, s.p50 / 1000, s.p99 / 1000);
    if (!keep)
        fs::remove_all(dir);
    return 0;
}
