// `labelcheck db ...`: query and maintain the reference product database.
// Exit codes: 0 found/done, 4 nothing found (like grep), 2 usage (bad flag, bad barcode number),
// 3 any other error (database unreadable, import rolled back or interrupted).

#include "commands.hpp"

#include "labelcheck/core/gtin.hpp"
#include "labelcheck/db/database.hpp"
#include "labelcheck/db/import.hpp"
#include "labelcheck/db/paths.hpp"
#include "labelcheck/db/product_format.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace labelcheck::cli {

namespace {

constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kFailed = 3;
constexpr int kNotFound = 4;

using db::Database;
using db::Product;

struct DbOptions {
    std::string dbPath;
};

void printError(const std::string& message)
{
    std::cerr << "labelcheck db: " << message << "\n";
}

int fail(const Error& e)
{
    printError(e.message);
    return e.code == ErrorCode::InvalidArgument ? kUsage : kFailed;
}

Expected<Database> openDatabase(const DbOptions& o)
{
    std::optional<std::filesystem::path> given;
    if (!o.dbPath.empty())
        given = o.dbPath;
    auto path = db::resolveDatabasePath(given);
    if (!path)
        return path.error();
    return Database::open(*path);
}

// ---- text output ---------------------------------------------------------------------------------------

std::size_t displayWidth(std::string_view s)
{
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

// Cuts to at most `width` code points (never inside a UTF-8 sequence), marking the cut with "...".
std::string fit(std::string s, std::size_t width)
{
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    if (displayWidth(s) <= width)
        return s;
    std::size_t points = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (points == width - 3)
                break;
            ++points;
        }
    }
    return s.substr(0, i) + "...";
}

void printTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                const std::vector<bool>& rightAlign)
{
    std::vector<std::size_t> w(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        w[c] = displayWidth(header[c]);
        for (const auto& r : rows)
            w[c] = std::max(w[c], displayWidth(r[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(w[c] - displayWidth(cells[c]), ' ');
            if (c)
                out += "  ";
            out += rightAlign[c] ? pad + cells[c] : (c + 1 == cells.size() ? cells[c] : cells[c] + pad);
        }
        std::cout << out << "\n";
    };
    line(header);
    std::vector<std::string> rule;
    for (std::size_t c = 0; c < header.size(); ++c)
        rule.push_back(std::string(w[c], '-'));
    line(rule);
    for (const auto& r : rows)
        line(r);
}

std::string amount(const std::optional<double>& v)
{
    return v ? db::formatNumber(*v) : "-";
}

void printProductsTable(const std::vector<Product>& products)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : products)
        rows.push_back({p.gtin14, fit(p.brand, 24), fit(p.name, 44), amount(p.mg(Mineral::Sodium)),
                        amount(p.mg(Mineral::Potassium)), amount(p.mg(Mineral::Calcium)),
                        amount(p.mg(Mineral::Magnesium)), p.electrolyteClaim ? "yes" : "no"});
    printTable({"GTIN-14", "Brand", "Name", "Na mg", "K mg", "Ca mg", "Mg mg", "Electrolytes"}, rows,
               {false, false, false, true, true, true, true, false});
}

void printProductDetail(const Product& p)
{
    auto field = [](const char* name, const std::string& v) {
        std::cout << name << std::string(15 - std::string_view(name).size(), ' ') << v << "\n";
    };
    field("GTIN-14", p.gtin14);
    field("Brand", p.brand);
    field("Name", p.name);
    field("Form", p.form.empty() ? "-" : p.form);
    field("Serving size", p.servingSize.empty() ? "-" : p.servingSize);
    field("Electrolytes", p.electrolyteClaim ? "claimed" : "not claimed");
    field("Source", p.source + (p.sourceId.empty() ? "" : " " + p.sourceId) + (p.sample ? " (sample data)" : ""));
    field("Updated", p.updatedAt);
    std::cout << "\n";
    std::vector<std::vector<std::string>> rows;
    for (Mineral m : kMinerals) {
        std::string dv = p.dv(m) ? db::formatNumber(*p.dv(m)) + "%" : "-";
        rows.push_back({std::string(mineralName(m)), amount(p.mg(m)), dv});
    }
    printTable({"Mineral", "mg/serving", "%DV"}, rows, {false, true, true});
}

enum class Format { Table, Json, Csv };

void printProducts(const std::vector<Product>& products, Format f)
{
    switch (f) {
    case Format::Table:
        printProductsTable(products);
        break;
    case Format::Json:
        std::cout << "[";
        for (std::size_t i = 0; i < products.size(); ++i)
            std::cout << (i ? ",\n " : "") << db::toJson(products[i]);
        std::cout << "]\n";
        break;
    case Format::Csv:
        std::cout << db::csvHeader() << "\n";
        for (const auto& p : products)
            std::cout << db::toCsvRow(p) << "\n";
        break;
    }
}

const std::map<std::string, Format> kFormats = {{"table", Format::Table}, {"json", Format::Json}, {"csv", Format::Csv}};

void addFormatOption(CLI::App* sub, Format& f)
{
    sub->add_option("--format", f, "Output: table (default), json or csv")
        ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case));
}

// ---- import --------------------------------------------------------------------------------------------

std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int)
{
    gInterrupted = true;
    // A second Ctrl-C ends the process at once; SQLite's journal still keeps every product whole.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

struct ImportArgs {
    std::string format;
    std::vector<std::string> files;
    bool strict = false;
    std::size_t batchSize = 10000;
    bool quiet = false;
};

int runImport(const DbOptions& o, const ImportArgs& a)
{
    auto format = db::importFormatFromName(a.format);
    if (!format) {
        printError("unknown import format '" + a.format + "' (off, fdc, dsld or csv)");
        return kUsage;
    }
    auto database = openDatabase(o);
    if (!database)
        return fail(database.error());
    std::vector<std::filesystem::path> files(a.files.begin(), a.files.end());
    db::ImportOptions options;
    options.strict = a.strict;
    options.batchSize = a.batchSize;
    options.cancel = &gInterrupted;
    const bool progress = !a.quiet && ::isatty(STDERR_FILENO);
    if (progress)
        options.onBatch = [](const db::ImportReport& r) {
            std::cerr << "\rread " << r.read << ", imported " << r.imported << ", updated " << r.updated
                      << ", rejected " << r.rejected << std::flush;
        };
    gInterrupted = false;
    auto oldInt = std::signal(SIGINT, onInterrupt);
    auto oldTerm = std::signal(SIGTERM, onInterrupt);
    auto report = db::importFiles(*database, *format, files, options);
    std::signal(SIGINT, oldInt);
    std::signal(SIGTERM, oldTerm);
    if (progress)
        std::cerr << "\r\033[K";
    if (!report)
        return fail(report.error());
    for (const auto& r : report->rejections)
        std::cerr << r.file << ":" << r.line << ": rejected: " << r.reason << "\n";
    std::cout << "read " << report->read << ", imported " << report->imported << ", updated " << report->updated
              << ", rejected " << report->rejected << "\n";
    if (report->rolledBack) {
        printError(report->cancelled ? "interrupted: the strict import was rolled back, the database is unchanged"
                                     : "--strict: rolled back at the first rejected row, the database is unchanged");
        return kFailed;
    }
    if (report->cancelled) {
        printError("interrupted: the products counted above were kept");
        return kFailed;
    }
    return kOk;
}

// ---- add -----------------------------------------------------------------------------------------------

struct AddArgs {
    std::string json;
    std::string code, brand, name, form, servingSize, source = "manual", sourceId;
    bool electrolyte = false, sample = false;
    std::array<std::optional<double>, 4> mg, dv;
};

Expected<Product> productFromFlags(const AddArgs& a)
{
    if (a.code.empty())
        return makeError(ErrorCode::InvalidArgument, "add needs --code (or --json)");
    auto candidates = db::gtinCandidates(a.code);
    if (!candidates)
        return candidates.error();
    Product p;
    p.gtin14 = candidates->front();
    p.brand = a.brand;
    p.name = a.name;
    p.form = a.form;
    p.servingSize = a.servingSize;
    p.electrolyteClaim = a.electrolyte;
    p.source = a.source;
    p.sourceId = a.sourceId;
    p.sample = a.sample;
    p.mineralMg = a.mg;
    p.dailyValuePct = a.dv;
    return p;
}

int runAdd(const DbOptions& o, const AddArgs& a, bool anyFlag)
{
    Expected<Product> p = makeError(ErrorCode::InvalidArgument, "");
    if (!a.json.empty()) {
        if (anyFlag) {
            printError("give the product either as --json or as flags, not both");
            return kUsage;
        }
        std::string text = a.json;
        if (text == "-")
            text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        p = db::productFromJson(text);
    } else {
        p = productFromFlags(a);
    }
    if (!p)
        return fail(p.error());
    auto database = openDatabase(o);
    if (!database)
        return fail(database.error());
    auto r = database->upsert(*p);
    if (!r)
        return fail(r.error());
    std::cout << (*r == db::UpsertOutcome::Inserted ? "added " : "updated ") << p->gtin14 << "\n";
    return kOk;
}

// ---- stats ---------------------------------------------------------------------------------------------

int runStats(const DbOptions& o, Format f)
{
    auto database = openDatabase(o);
    if (!database)
        return fail(database.error());
    auto s = database->stats();
    if (!s)
        return fail(s.error());
    if (f == Format::Json) {
        nlohmann::ordered_json j;
        j["path"] = database->path().string();
        j["schema_version"] = s->schemaVersion;
        j["file_bytes"] = s->fileBytes;
        j["products"] = s->products;
        j["samples"] = s->samples;
        j["electrolyte_claims"] = s->electrolyteClaims;
        j["electrolyte_complete"] = s->electrolyteComplete;
        nlohmann::ordered_json with;
        for (Mineral m : kMinerals)
            with[std::string(mineralName(m))] = s->withMineral[index(m)];
        j["with_mineral"] = with;
        nlohmann::ordered_json sources = nlohmann::ordered_json::object();
        for (const auto& [name, n] : s->bySource)
            sources[name] = n;
        j["by_source"] = sources;
        std::cout << j.dump() << "\n";
        return kOk;
    }
    if (f == Format::Csv) {
        std::cout << "key,value\n";
        std::cout << "products," << s->products << "\nsamples," << s->samples << "\nelectrolyte_claims,"
                  << s->electrolyteClaims << "\nelectrolyte_complete," << s->electrolyteComplete << "\n";
        for (Mineral m : kMinerals)
            std::cout << "with_" << mineralName(m) << "," << s->withMineral[index(m)] << "\n";
        for (const auto& [name, n] : s->bySource)
            std::cout << "source_" << name << "," << n << "\n";
        std::cout << "schema_version," << s->schemaVersion << "\nfile_bytes," << s->fileBytes << "\n";
        return kOk;
    }
    std::vector<std::vector<std::string>> rows = {{"Database", database->path().string()},
                                                  {"Schema version", std::to_string(s->schemaVersion)},
                                                  {"File size", std::to_string(s->fileBytes / 1024) + " KiB"},
                                                  {"Products", std::to_string(s->products)},
                                                  {"Sample products", std::to_string(s->samples)},
                                                  {"Claim electrolytes", std::to_string(s->electrolyteClaims)},
                                                  {"  declaring all four", std::to_string(s->electrolyteComplete)}};
    for (Mineral m : kMinerals)
        rows.push_back({"With " + std::string(mineralName(m)), std::to_string(s->withMineral[index(m)])});
    for (const auto& [name, n] : s->bySource)
        rows.push_back({"From " + name, std::to_string(n)});
    printTable({"Statistic", "Value"}, rows, {false, false});
    return kOk;
}

} // namespace

void registerDb(CLI::App& app, int& exitCode)
{
    auto opts = std::make_shared<DbOptions>();
    CLI::App* dbCmd = app.add_subcommand("db", "Query and maintain the reference product database");
    dbCmd->require_subcommand(1);
    dbCmd->fallthrough(); // --db may also follow the subcommand
    dbCmd->add_option("--db", opts->dbPath,
                      "Database file (default: $LABELCHECK_DB, else $XDG_DATA_HOME/labelcheck/labelcheck.db, "
                      "else ~/.local/share/labelcheck/labelcheck.db; created with the sample products on first use)");
    dbCmd->footer("Exit status: 0 found or done, 4 nothing found, 2 usage error, 3 other errors.");

    // lookup
    {
        auto code = std::make_shared<std::string>();
        auto format = std::make_shared<Format>(Format::Table);
        CLI::App* sub =
            dbCmd->add_subcommand("lookup", "Find a product by barcode number (EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14)");
        sub->add_option("CODE", *code, "Digits as printed; spaces and dashes allowed, e.g. \"7 39930 19531 8\"")
            ->required();
        addFormatOption(sub, *format);
        sub->callback([opts, code, format, &exitCode] {
            auto database = openDatabase(*opts);
            if (!database) {
                exitCode = fail(database.error());
                return;
            }
            auto p = database->findByCode(*code);
            if (!p) {
                exitCode = fail(p.error());
                return;
            }
            if (!*p) {
                auto g = db::gtinCandidates(*code);
                printError("no product with code " + *code + " (GTIN-14 " + g->front() + ")");
                exitCode = kNotFound;
                return;
            }
            if (*format == Format::Table)
                printProductDetail(**p);
            else if (*format == Format::Json)
                std::cout << db::toJson(**p) << "\n";
            else
                printProducts({**p}, Format::Csv);
            exitCode = kOk;
        });
    }

    // search
    {
        auto words = std::make_shared<std::vector<std::string>>();
        auto limit = std::make_shared<int>(20);
        auto format = std::make_shared<Format>(Format::Table);
        CLI::App* sub = dbCmd->add_subcommand("search", "Full-text search over brand and name, best matches first");
        sub->add_option("TEXT", *words, "Words to find (all must match; the last also as a prefix)");
        sub->add_option("-n,--limit", *limit, "At most this many results")->check(CLI::PositiveNumber);
        addFormatOption(sub, *format);
        // "-salt" or "--" inside the text are words to search, not unknown options.
        // Extras stay here instead of falling through to `db`, so --db is repeated on this subcommand.
        sub->allow_extras();
        sub->fallthrough(false);
        sub->add_option("--db", opts->dbPath, "Database file (as for `db`)");
        sub->callback([sub, opts, words, limit, format, &exitCode] {
            std::string text;
            for (const auto& w : *words)
                text += (text.empty() ? "" : " ") + w;
            for (const auto& w : sub->remaining())
                text += (text.empty() ? "" : " ") + w;
            if (text.empty()) {
                printError("search needs TEXT");
                exitCode = kUsage;
                return;
            }
            auto database = openDatabase(*opts);
            if (!database) {
                exitCode = fail(database.error());
                return;
            }
            auto r = database->search(text, *limit);
            if (!r) {
                exitCode = fail(r.error());
                return;
            }
            printProducts(*r, *format);
            exitCode = r->empty() ? kNotFound : kOk;
        });
    }

    // list
    {
        auto filter = std::make_shared<db::ListFilter>();
        auto missing = std::make_shared<std::vector<std::string>>();
        auto format = std::make_shared<Format>(Format::Table);
        CLI::App* sub = dbCmd->add_subcommand("list", "List products, optionally filtered");
        sub->add_flag("--electrolyte", filter->electrolyteOnly, "Only products that claim electrolytes");
        sub->add_flag("--incomplete", filter->incompleteOnly,
                      "Only products that claim electrolytes but lack one of the four minerals");
        sub->add_option("--missing", *missing, "Only products lacking this mineral (repeatable)")
            ->check(CLI::IsMember({"sodium", "potassium", "calcium", "magnesium"}, CLI::ignore_case));
        sub->add_option("-n,--limit", filter->limit, "At most this many products");
        addFormatOption(sub, *format);
        sub->callback([opts, filter, missing, format, &exitCode] {
            filter->missing.clear();
            for (std::string m : *missing) {
                for (char& c : m)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (auto mineral = mineralFromName(m))
                    filter->missing.push_back(*mineral);
            }
            auto database = openDatabase(*opts);
            if (!database) {
                exitCode = fail(database.error());
                return;
            }
            auto r = database->list(*filter);
            if (!r) {
                exitCode = fail(r.error());
                return;
            }
            printProducts(*r, *format);
            exitCode = r->empty() ? kNotFound : kOk;
        });
    }

    // add
    {
        auto a = std::make_shared<AddArgs>();
        CLI::App* sub = dbCmd->add_subcommand("add", "Add or replace a product, from flags or a JSON object");
        sub->add_option("--json", a->json,
                        "The product as a JSON object (the shape `export --format jsonl` writes), or - for stdin");
        std::vector<CLI::Option*> flags;
        flags.push_back(sub->add_option("--code", a->code, "Barcode number (any GTIN form)"));
        flags.push_back(sub->add_option("--brand", a->brand, "Brand"));
        flags.push_back(sub->add_option("--name", a->name, "Product name"));
        flags.push_back(sub->add_option("--form", a->form, "powder, capsule, tablet, liquid, ..."));
        flags.push_back(sub->add_option("--serving-size", a->servingSize, "Serving size as printed"));
        flags.push_back(sub->add_flag("--electrolyte", a->electrolyte, "The product claims electrolytes"));
        for (Mineral m : kMinerals) {
            const std::string n(mineralName(m));
            flags.push_back(
                sub->add_option("--" + n, a->mg[index(m)], n + " per serving, mg")->check(CLI::NonNegativeNumber));
            flags.push_back(
                sub->add_option("--" + n + "-dv", a->dv[index(m)], n + " %DV")->check(CLI::NonNegativeNumber));
        }
        flags.push_back(sub->add_option("--source", a->source, "Dataset name (default: manual)"));
        flags.push_back(sub->add_option("--source-id", a->sourceId, "Record id in that dataset"));
        flags.push_back(sub->add_flag("--sample", a->sample, "Mark as sample data"));
        sub->callback([opts, a, flags, &exitCode] {
            bool anyFlag = false;
            for (auto* f : flags)
                anyFlag = anyFlag || f->count() > 0;
            exitCode = runAdd(*opts, *a, anyFlag);
        });
    }

    // remove
    {
        auto code = std::make_shared<std::string>();
        CLI::App* sub = dbCmd->add_subcommand("remove", "Remove a product by barcode number");
        sub->add_option("CODE", *code, "Barcode number")->required();
        sub->callback([opts, code, &exitCode] {
            auto database = openDatabase(*opts);
            if (!database) {
                exitCode = fail(database.error());
                return;
            }
            auto p = database->findByCode(*code);
            if (!p) {
                exitCode = fail(p.error());
                return;
            }
            if (!*p) {
                printError("no product with code " + *code);
                exitCode = kNotFound;
                return;
            }
            auto r = database->remove((*p)->gtin14);
            if (!r) {
                exitCode = fail(r.error());
                return;
            }
            std::cout << "removed " << (*p)->gtin14 << "\n";
            exitCode = kOk;
        });
    }

    // export
    {
        auto format = std::make_shared<std::string>("csv");
        auto output = std::make_shared<std::string>();
        CLI::App* sub =
            dbCmd->add_subcommand("export", "Write every product as CSV (importable with --format csv) or JSON Lines");
        sub->add_option("--format", *format, "csv (default) or jsonl")->check(CLI::IsMember({"csv", "jsonl"}));
        sub->add_option("-o,--output", *output, "Write to this file instead of standard output");
        sub->callback([opts, format, output, &exitCode] {
            auto database = openDatabase(*opts);
            if (!database) {
                exitCode = fail(database.error());
                return;
            }
            std::ofstream file;
            if (!output->empty()) {
                file.open(*output, std::ios::binary | std::ios::trunc);
                if (!file) {
                    exitCode = fail(makeError(ErrorCode::Io, "cannot write '" + *output + "'"));
                    return;
                }
            }
            std::ostream& out = output->empty() ? std::cout : file;
            const bool csv = *format == "csv";
            if (csv)
                out << db::csvHeader() << "\n";
            auto st = database->forEachProduct([&](const Product& p) {
                out << (csv ? db::toCsvRow(p) : db::toJson(p)) << "\n";
                return static_cast<bool>(out);
            });
            out.flush();
            if (!st) {
                exitCode = fail(st.error());
                return;
            }
            if (!out) {
                exitCode = fail(makeError(ErrorCode::Io, "write failed"));
                return;
            }
            exitCode = kOk;
        });
    }

    // stats
    {
        auto format = std::make_shared<Format>(Format::Table);
        CLI::App* sub = dbCmd->add_subcommand("stats", "Counts of products, claims, minerals and sources");
        addFormatOption(sub, *format);
        sub->callback([opts, format, &exitCode] { exitCode = runStats(*opts, *format); });
    }

    // import
    {
        auto a = std::make_shared<ImportArgs>();
        CLI::App* sub = dbCmd->add_subcommand(
            "import", "Import a public dataset: Open Food Facts (off), USDA FoodData Central branded foods (fdc), "
                      "NIH DSLD label JSON (dsld), or labelcheck CSV (csv)");
        sub->add_option("--format", a->format, "off, fdc, dsld or csv")
            ->required()
            ->check(CLI::IsMember({"off", "fdc", "dsld", "csv"}));
        sub->add_option("FILE", a->files,
                        "Input files (fdc: branded_food.csv, food.csv, food_nutrient.csv or their folder; "
                        "dsld: JSON files or a folder of them)")
            ->required();
        sub->add_flag("--strict", a->strict, "Roll back the whole import at the first bad row");
        sub->add_option("--batch-size", a->batchSize, "Products per transaction (default 10000)")
            ->check(CLI::PositiveNumber);
        sub->add_flag("-q,--quiet", a->quiet, "No progress on standard error");
        sub->footer("Rejected rows are listed on standard error as FILE:LINE: rejected: REASON; the totals go to "
                    "standard output. Ctrl-C stops after the current row and keeps what was imported (with "
                    "--strict: nothing).");
        sub->callback([opts, a, &exitCode] { exitCode = runImport(*opts, *a); });
    }
}

} // namespace labelcheck::cli
