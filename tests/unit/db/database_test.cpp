#include "labelcheck/db/database.hpp"

#include "labelcheck/core/gtin.hpp"
#include "labelcheck/db/paths.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <fstream>

using namespace labelcheck;
using namespace labelcheck::db;
using namespace labelcheck::db::test;

namespace {

// Reads one PRAGMA or scalar straight from the file, bypassing the module (for schema assertions).
std::string rawScalar(const std::filesystem::path& file, const char* sql)
{
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, sql, -1, &st, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return out;
}

void rawExec(const std::filesystem::path& file, const char* sql)
{
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

Product electrolyteProduct(const std::string& gtin14, std::array<std::optional<double>, 4> mg)
{
    Product p = sampleProduct(gtin14, "Brand " + gtin14.substr(10), "Electrolyte Mix " + gtin14.substr(10));
    p.electrolyteClaim = true;
    p.mineralMg = mg;
    return p;
}

struct Env {
    // Sets an environment variable for the scope of a test.
    Env(const char* name, const char* value) : name_(name)
    {
        if (const char* old = std::getenv(name))
            old_ = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~Env()
    {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    const char* name_;
    std::optional<std::string> old_;
};

} // namespace

TEST_SUITE("db")
{

    TEST_CASE("a new database gets the latest schema, WAL mode, and the seed")
    {
        TempDir dir;
        const auto file = dir / "sub" / "folder" / "labelcheck.db";
        {
            auto db = Database::open(file);
            REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
            CHECK(db->schemaVersion() == Database::latestSchemaVersion());
            CHECK(Database::latestSchemaVersion() >= 2);
            auto stats = db->stats();
            REQUIRE(stats.ok());
            CHECK(stats->products >= 2);
            CHECK(stats->samples == stats->products); // the seed holds sample data only
            std::int64_t seen = 0;
            auto st = db->forEachProduct([&](const Product& p) {
                ++seen;
                CHECK(p.sample);
                CHECK(gtin::isRestrictedCirculation(p.gtin14));
                CHECK(p.source == "sample");
                return true;
            });
            CHECK(st.ok());
            CHECK(seen == stats->products);
        }
        CHECK(rawScalar(file, "PRAGMA journal_mode") == "wal");
        CHECK(rawScalar(file, "PRAGMA user_version") == std::to_string(Database::latestSchemaVersion()));
        CHECK(rawScalar(file, "SELECT count(*) FROM daily_values") == "8");
        CHECK(rawScalar(file, "SELECT count(*) FROM sqlite_master WHERE name = 'products_fts'") == "1");
    }

    TEST_CASE("reopening does not seed again or re-run migrations")
    {
        TempDir dir;
        const auto file = dir / "a.db";
        std::int64_t first = 0;
        {
            auto db = Database::open(file);
            REQUIRE(db.ok());
            REQUIRE(db->remove("00200000000011").ok());
            first = db->stats()->products;
        }
        auto db = Database::open(file);
        REQUIRE(db.ok());
        CHECK(db->stats()->products == first);
        CHECK_FALSE(db->findByGtin("00200000000011")->has_value());
    }

    TEST_CASE("an older schema is migrated on open; read-only refuses to migrate")
    {
        TempDir dir;
        const auto file = dir / "old.db";
        {
            REQUIRE(Database::open(file).ok());
        }
        // Simulate a database written by a build that only had migration 1.
        rawExec(file, "DROP INDEX products_by_claim; DROP INDEX products_by_source; "
                      "PRAGMA user_version = 1;");
        OpenOptions ro;
        ro.readOnly = true;
        auto readOnly = Database::open(file, ro);
        REQUIRE_FALSE(readOnly.ok());
        CHECK(readOnly.error().code == ErrorCode::Unsupported);

        auto db = Database::open(file);
        REQUIRE(db.ok());
        CHECK(db->schemaVersion() == Database::latestSchemaVersion());
        CHECK(rawScalar(file, "SELECT count(*) FROM sqlite_master WHERE name = 'products_by_claim'") == "1");
    }

    TEST_CASE("a schema newer than this build is refused")
    {
        TempDir dir;
        const auto file = dir / "new.db";
        {
            REQUIRE(Database::open(file).ok());
        }
        rawExec(file, "PRAGMA user_version = 9999");
        auto db = Database::open(file);
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().code == ErrorCode::Unsupported);
    }

    TEST_CASE("open errors: missing file read-only, not a database")
    {
        TempDir dir;
        OpenOptions ro;
        ro.readOnly = true;
        auto missing = Database::open(dir / "missing.db", ro);
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error().code == ErrorCode::NotFound);
        CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));

        OpenOptions noCreate;
        noCreate.create = false;
        CHECK(Database::open(dir / "missing.db", noCreate).error().code == ErrorCode::NotFound);

        {
            std::ofstream junk(dir / "junk.db");
            junk << "this is not an SQLite database, just some text long enough to fill a header page......";
        }
        auto junk = Database::open(dir / "junk.db");
        REQUIRE_FALSE(junk.ok());
        CHECK(junk.error().code == ErrorCode::Corrupt);
    }

    TEST_CASE("read-only connections read while a writer holds the database")
    {
        TempDir dir;
        auto writer = emptyDatabase(dir);
        REQUIRE(writer.upsert(sampleProduct("00012345678905", "Acme", "Salt Tabs")).ok());
        OpenOptions ro;
        ro.readOnly = true;
        auto reader = Database::open(dir / "test.db", ro);
        REQUIRE(reader.ok());
        auto tx = writer.begin();
        REQUIRE(tx.ok());
        REQUIRE(writer.upsert(sampleProduct("00036000291452", "Fizz", "Water")).ok());
        // The uncommitted write is invisible to the reader, and the reader is not blocked.
        CHECK(reader->findByGtin("00012345678905")->has_value());
        CHECK_FALSE(reader->findByGtin("00036000291452")->has_value());
        REQUIRE(tx->commit().ok());
        CHECK(reader->findByGtin("00036000291452")->has_value());
        auto denied = reader->upsert(sampleProduct("00050001126377", "X", "Y"));
        CHECK_FALSE(denied.ok());
    }

    TEST_CASE("upsert inserts, then replaces every field and the nutrients")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        Product p = sampleProduct("00012345678905", "Acme", "Salt Tabs");
        p.form = "capsule";
        p.servingSize = "1 capsule";
        p.mineralMg[index(Mineral::Sodium)] = 180;
        p.dailyValuePct[index(Mineral::Sodium)] = 8;
        p.mineralMg[index(Mineral::Potassium)] = 50;
        auto r = db.upsert(p);
        REQUIRE(r.ok());
        CHECK(*r == UpsertOutcome::Inserted);

        auto got = db.findByGtin("00012345678905");
        REQUIRE(got.ok());
        REQUIRE(got->has_value());
        const Product& g = **got;
        CHECK(g.brand == "Acme");
        CHECK(g.form == "capsule");
        CHECK(g.mg(Mineral::Sodium) == 180.0);
        CHECK(g.dv(Mineral::Sodium) == 8.0);
        CHECK(g.mg(Mineral::Potassium) == 50.0);
        CHECK_FALSE(g.dv(Mineral::Potassium).has_value());
        CHECK_FALSE(g.mg(Mineral::Calcium).has_value());
        CHECK(g.updatedAt.size() == 20); // 2026-01-01T00:00:00Z

        Product q = p;
        q.name = "Salt Tabs Extra";
        q.mineralMg = {};
        q.dailyValuePct = {};
        q.mineralMg[index(Mineral::Magnesium)] = 25;
        r = db.upsert(q);
        REQUIRE(r.ok());
        CHECK(*r == UpsertOutcome::Updated);
        const Product h = **db.findByGtin("00012345678905");
        CHECK(h.name == "Salt Tabs Extra");
        CHECK_FALSE(h.mg(Mineral::Sodium).has_value());
        CHECK(h.mg(Mineral::Magnesium) == 25.0);
        CHECK(db.stats()->products == 1);
        // The full-text index followed the rename.
        CHECK(db.search("extra")->size() == 1);
    }

    TEST_CASE("upsert rejects invalid products without writing anything")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        Product bad = sampleProduct("00012345678906", "Acme", "Bad digit");
        CHECK(db.upsert(bad).error().code == ErrorCode::InvalidArgument);
        Product shortCode = sampleProduct("012345678905", "Acme", "Not padded");
        CHECK(db.upsert(shortCode).error().code == ErrorCode::InvalidArgument);
        Product negative = sampleProduct("00012345678905", "Acme", "Negative");
        negative.mineralMg[0] = -1;
        CHECK(db.upsert(negative).error().code == ErrorCode::InvalidArgument);
        Product noSource = sampleProduct("00012345678905", "Acme", "No source");
        noSource.source.clear();
        CHECK(db.upsert(noSource).error().code == ErrorCode::InvalidArgument);
        CHECK(db.stats()->products == 0);
    }

    TEST_CASE("remove deletes the product, its nutrients and its search entry")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto p = electrolyteProduct("00012345678905", {100.0, 50.0, 20.0, 10.0});
        REQUIRE(db.upsert(p).ok());
        CHECK(*db.remove("00012345678905"));
        CHECK_FALSE(*db.remove("00012345678905"));
        CHECK(db.search("electrolyte")->empty());
        CHECK(db.stats()->withMineral[0] == 0);
    }

    TEST_CASE("lookup: UPC-A, EAN-13 and GTIN-14 of one product are the same key")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        REQUIRE(db.upsert(sampleProduct("00012345678905", "Acme", "Salt Tabs")).ok());
        for (const char* code :
             {"012345678905", "0012345678905", "00012345678905", "0 12345 67890 5", "0-12345-67890-5"}) {
            CAPTURE(code);
            auto r = db.findByCode(code);
            REQUIRE(r.ok());
            REQUIRE(r->has_value());
            CHECK((*r)->name == "Salt Tabs");
        }
        auto spaced = db.findByCode("7 39930 19531 8");
        REQUIRE(spaced.ok());
        CHECK_FALSE(spaced->has_value()); // valid, just not there
    }

    TEST_CASE("lookup: 8 digits are tried as EAN-8, then as UPC-E")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        // UPC-E 04252614 expands to UPC-A 042100005264.
        REQUIRE(db.upsert(sampleProduct("00042100005264", "Zeta", "Via UPC-E")).ok());
        REQUIRE(db.upsert(sampleProduct("00000096385074", "Eta", "Via EAN-8")).ok());
        auto upce = db.findByCode("04252614");
        REQUIRE(upce.ok());
        REQUIRE(upce->has_value());
        CHECK((*upce)->name == "Via UPC-E");
        CHECK((*db.findByCode("042100005264"))->name == "Via UPC-E");
        auto ean8 = db.findByCode("96385074");
        REQUIRE(ean8.ok());
        REQUIRE(ean8->has_value());
        CHECK((*ean8)->name == "Via EAN-8");

        auto candidates = gtinCandidates("04252614");
        REQUIRE(candidates.ok());
        CHECK(candidates->back() == "00042100005264");
    }

    TEST_CASE("lookup: a bad check digit is an error that says so, not 'not found'")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = db.findByCode("012345678906");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InvalidArgument);
        CHECK(r.error().message.find("check digit") != std::string::npos);
        auto eight = db.findByCode("96385075"); // neither a valid EAN-8 nor a valid UPC-E
        REQUIRE_FALSE(eight.ok());
        CHECK(eight.error().message.find("EAN-8") != std::string::npos);
        CHECK(eight.error().message.find("UPC-E") != std::string::npos);
        CHECK_FALSE(db.findByCode("12345").ok());
        CHECK_FALSE(db.findByCode("abc").ok());
        CHECK_FALSE(db.findByCode("").ok());
    }

    TEST_CASE("search ranks better matches first")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        REQUIRE(db.upsert(sampleProduct("00012345678905", "Hydra", "Electrolyte Drink Mix Lemon")).ok());
        REQUIRE(db.upsert(sampleProduct("00036000291452", "Lemon Lemon", "Lemon Electrolyte Lemon Tabs")).ok());
        REQUIRE(db.upsert(sampleProduct("00050001126377", "Other", "Magnesium Glycinate")).ok());
        auto r = db.search("lemon electrolyte");
        REQUIRE(r.ok());
        REQUIRE(r->size() == 2);
        CHECK((*r)[0].gtin14 == "00036000291452");
        // The last word matches as a prefix while typing.
        CHECK(db.search("magnes")->size() == 1);
        CHECK(db.search("hydra electro")->size() == 1);
        CHECK(db.search("nothing-like-this")->empty());
        CHECK(db.search("ÉLECTROLYTE")->size() == 2); // case and accents folded
    }

    TEST_CASE("search treats FTS5 syntax in the text as plain words")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        REQUIRE(db.upsert(sampleProduct("00012345678905", "Near Foods", "Salt \"Stick\" NOT-A-DRILL")).ok());
        REQUIRE(db.upsert(sampleProduct("00036000291452", "And Co", "Or Drink")).ok());
        const char* nasty[] = {"\"",
                               "\"salt",
                               "salt\"",
                               "*",
                               "salt*",
                               "-salt",
                               "NEAR",
                               "NEAR(salt stick, 2)",
                               "salt AND",
                               "OR",
                               "NOT",
                               "and",
                               "(",
                               ")",
                               "salt:",
                               "brand:near",
                               "^salt",
                               "'; DROP TABLE products; --",
                               "{brand}: near",
                               "\"\"\"",
                               "a\"b",
                               "",
                               "   ",
                               "%",
                               "_",
                               "\\",
                               "\xff\xfe",
                               "salt +stick"};
        for (const char* q : nasty) {
            CAPTURE(q);
            auto r = db.search(q);
            CHECK_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
        }
        CHECK(db.search("NEAR")->size() == 1);
        CHECK(db.search("\"salt")->size() == 1);
        CHECK(db.search("-salt")->size() == 1);
        CHECK(db.search("not-a-drill")->size() == 1);
        CHECK(db.search("OR")->size() == 1);
        CHECK(db.search("and")->size() == 1);
        CHECK(db.search("NEAR(salt stick)")->size() == 1);
        CHECK(db.search("NEAR(salt stick, 2)")->empty()); // "2" is a word too, and no product has it
        CHECK(db.stats()->products == 2);
    }

    TEST_CASE("search ranks every match up to the cap, whatever the insertion order")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto tx = db.begin();
        REQUIRE(tx.ok());
        for (int i = 0; i < 450; ++i) {
            const std::string payload = "0200000" + std::to_string(100000 + i);
            const std::string g = payload + std::to_string(gtin::checkDigit(payload));
            REQUIRE(
                db.upsert(sampleProduct(g, "Brand", "Common word with many other words " + std::to_string(i))).ok());
        }
        // Inserted last, and the best BM25 match (shortest document).
        REQUIRE(db.upsert(sampleProduct("00012345678905", "", "Common")).ok());
        REQUIRE(tx->commit().ok());
        auto r = db.search("common", 20);
        REQUIRE(r.ok());
        REQUIRE(r->size() == 20);
        CHECK((*r)[0].gtin14 == "00012345678905");
        CHECK(db.search("common", 5000)->size() == 451);
    }

    TEST_CASE("search puts whole-word matches before prefix matches")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        REQUIRE(db.upsert(sampleProduct("00012345678905", "A", "Magnesium")).ok());
        REQUIRE(db.upsert(sampleProduct("00036000291452", "B", "Mag")).ok());
        auto r = db.search("mag");
        REQUIRE(r.ok());
        REQUIRE(r->size() == 2);
        CHECK((*r)[0].name == "Mag");
        CHECK((*r)[1].name == "Magnesium");
        CHECK(db.search("mag", 1)->size() == 1);
        CHECK(db.search("magn")->size() == 1);
    }

    TEST_CASE("ftsQuery quotes every word")
    {
        CHECK(ftsQuery("lemon  lime") == "\"lemon\" \"lime\"*");
        CHECK(ftsQuery("a\"b NEAR", false) == "\"a\" \"b\" \"NEAR\"");
        CHECK(ftsQuery("**--\"\"").empty());
    }

    TEST_CASE("list filters: electrolyte claims, incomplete, missing minerals")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        REQUIRE(db.upsert(electrolyteProduct("00012345678905", {100.0, 50.0, 20.0, 10.0})).ok()); // complete
        REQUIRE(db.upsert(electrolyteProduct("00036000291452", {100.0, 50.0, std::nullopt, std::nullopt}))
                    .ok());                                                                      // no Ca, Mg
        REQUIRE(db.upsert(electrolyteProduct("00050001126377", {100.0, 50.0, 20.0, 0.0})).ok()); // Mg declared 0
        Product plain = sampleProduct("00042100005264", "Plain", "Water");
        REQUIRE(db.upsert(plain).ok());

        ListFilter all;
        CHECK(db.list(all)->size() == 4);

        ListFilter electrolytes;
        electrolytes.electrolyteOnly = true;
        CHECK(db.list(electrolytes)->size() == 3);

        ListFilter incomplete;
        incomplete.incompleteOnly = true;
        auto inc = db.list(incomplete);
        REQUIRE(inc.ok());
        REQUIRE(inc->size() == 2);

        ListFilter noMagnesium;
        noMagnesium.electrolyteOnly = true;
        noMagnesium.missing = {Mineral::Magnesium};
        auto nm = db.list(noMagnesium);
        REQUIRE(nm->size() == 2);
        for (const auto& p : *nm)
            CHECK(p.lacks(Mineral::Magnesium));

        ListFilter noCaNoMg;
        noCaNoMg.missing = {Mineral::Calcium, Mineral::Magnesium};
        auto both = db.list(noCaNoMg);
        REQUIRE(both->size() == 2); // the incomplete mix and the plain water
        ListFilter limited;
        limited.limit = 1;
        CHECK(db.list(limited)->size() == 1);

        auto stats = db.stats();
        REQUIRE(stats.ok());
        CHECK(stats->electrolyteClaims == 3);
        CHECK(stats->electrolyteComplete == 1);
        CHECK(stats->withMineral[index(Mineral::Magnesium)] == 1);
        CHECK(stats->withMineral[index(Mineral::Sodium)] == 3);
        REQUIRE(stats->bySource.size() == 1);
        CHECK(stats->bySource[0] == std::pair<std::string, std::int64_t>{"manual", 4});
        CHECK(stats->fileBytes > 0);
    }

    TEST_CASE("daily values: 2016 and pre-2016 reference amounts")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        CHECK(*db.dailyValue(Mineral::Sodium) == 2300);
        CHECK(*db.dailyValue(Mineral::Potassium) == 4700);
        CHECK(*db.dailyValue(Mineral::Calcium, true) == 1000);
        for (Mineral m : kMinerals) {
            CHECK(*db.dailyValue(m) == kDailyValues2016.of(m));
            CHECK(*db.dailyValue(m, true) == kDailyValuesPre2016.of(m));
        }
    }

    TEST_CASE("a transaction that is not committed leaves nothing behind")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        {
            auto tx = db.begin();
            REQUIRE(tx.ok());
            REQUIRE(db.upsert(sampleProduct("00012345678905", "Acme", "Gone")).ok());
        }
        CHECK(db.stats()->products == 0);
        {
            auto tx = db.begin();
            REQUIRE(db.upsert(sampleProduct("00012345678905", "Acme", "Kept")).ok());
            REQUIRE(tx->commit().ok());
        }
        CHECK(db.stats()->products == 1);
    }

    TEST_CASE("default database path: LABELCHECK_DB, then XDG_DATA_HOME, then HOME")
    {
        {
            Env a("LABELCHECK_DB", "/tmp/x/custom.db");
            CHECK(defaultDatabasePath()->string() == "/tmp/x/custom.db");
        }
        {
            Env a("LABELCHECK_DB", nullptr);
            Env b("XDG_DATA_HOME", "/data/home");
            CHECK(defaultDatabasePath()->string() == "/data/home/labelcheck/labelcheck.db");
        }
        {
            Env a("LABELCHECK_DB", nullptr);
            Env b("XDG_DATA_HOME", "relative/ignored");
            Env c("HOME", "/home/someone");
            CHECK(defaultDatabasePath()->string() == "/home/someone/.local/share/labelcheck/labelcheck.db");
        }
        {
            Env a("LABELCHECK_DB", nullptr);
            Env b("XDG_DATA_HOME", nullptr);
            Env c("HOME", nullptr);
            CHECK_FALSE(defaultDatabasePath().ok());
            CHECK(resolveDatabasePath(std::filesystem::path("/given.db"))->string() == "/given.db");
        }
    }

    TEST_CASE("the data directory is found relative to the executable or LABELCHECK_DATA_DIR")
    {
        TempDir dir;
        std::filesystem::create_directories(dir / "db");
        {
            Env a("LABELCHECK_DATA_DIR", dir.path().c_str());
            auto d = dataDirectory();
            REQUIRE(d.has_value());
            CHECK(*d == dir / "db");
        }
        {
            Env a("LABELCHECK_DATA_DIR", (dir / "nowhere").c_str());
            CHECK_FALSE(dataDirectory().has_value());
        }
    }

    TEST_CASE("an explicit seed file is loaded when the database is created")
    {
        TempDir dir;
        {
            std::ofstream seed(dir / "seed.csv");
            seed << "gtin14,brand,name,form,serving_size,electrolyte_claim,sodium_mg,sodium_dv,potassium_mg,potassium_"
                    "dv,"
                    "calcium_mg,calcium_dv,magnesium_mg,magnesium_dv,source,source_id,sample\n"
                    "02000000000008,S,Only One,,,1,1,,,,,,,,sample,s1,1\n";
        }
        OpenOptions o;
        o.seedFile = dir / "seed.csv";
        auto db = Database::open(dir / "s.db", o);
        REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
        CHECK(db->stats()->products == 1);
        CHECK((*db->findByCode("2000000000008"))->name == "Only One");

        {
            std::ofstream bad(dir / "bad.csv");
            bad << "not,the,header\n";
        }
        o.seedFile = dir / "bad.csv";
        auto failed = Database::open(dir / "t.db", o);
        REQUIRE_FALSE(failed.ok());
        CHECK(failed.error().message.find("bad.csv") != std::string::npos);
    }

} // TEST_SUITE
