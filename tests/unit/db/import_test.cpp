#include "labelcheck/db/import.hpp"

#include "labelcheck/db/product_format.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace labelcheck;
using namespace labelcheck::db;
using namespace labelcheck::db::test;

namespace {

Product get(const Database& db, const std::string& gtin14)
{
    auto r = db.findByGtin(gtin14);
    REQUIRE(r.ok());
    REQUIRE_MESSAGE(r->has_value(), gtin14);
    return **r;
}

ImportReport run(Database& db, ImportFormat f, std::vector<std::filesystem::path> files, ImportOptions o = {})
{
    auto r = importFiles(db, f, files, o);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

bool hasRejection(const ImportReport& r, const std::string& fileSuffix, std::int64_t line, const std::string& words)
{
    for (const auto& x : r.rejections)
        if (x.line == line && x.file.size() >= fileSuffix.size() &&
            x.file.compare(x.file.size() - fileSuffix.size(), fileSuffix.size(), fileSuffix) == 0 &&
            x.reason.find(words) != std::string::npos)
            return true;
    return false;
}

std::string describe(const ImportReport& r)
{
    std::string s = "read " + std::to_string(r.read) + " imported " + std::to_string(r.imported) + " updated " +
                    std::to_string(r.updated) + " rejected " + std::to_string(r.rejected) + "\n";
    for (const auto& x : r.rejections)
        s += x.file + ":" + std::to_string(x.line) + ": " + x.reason + "\n";
    return s;
}

} // namespace

TEST_SUITE("db")
{

    TEST_CASE("import off: per-serving mg from *_100g and serving_quantity; bad rows listed with their line")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = run(db, ImportFormat::Off, {fixture("off/products.tsv")});
        INFO(describe(r));
        CHECK(r.read == 8);
        CHECK(r.imported == 4);
        CHECK(r.updated == 1);
        CHECK(r.rejected == 3);
        CHECK(hasRejection(r, "products.tsv", 5, "check digit"));
        CHECK(hasRejection(r, "products.tsv", 6, "sodium_100g 'abc'"));
        CHECK(hasRejection(r, "products.tsv", 7, "3 fields"));

        const Product mix = get(db, "00850006801237"); // updated by line 9
        CHECK(mix.name == "Citrus Salt Electrolyte Drink Mix v2");
        CHECK(mix.brand == "Example Hydration");
        CHECK(mix.electrolyteClaim);
        CHECK(mix.source == "off");
        CHECK(mix.sourceId == "0850006801237");
        CHECK(*mix.mg(Mineral::Sodium) == doctest::Approx(200).epsilon(0.001));
        CHECK(*mix.mg(Mineral::Potassium) == doctest::Approx(99));
        CHECK(*mix.mg(Mineral::Calcium) == doctest::Approx(30));
        CHECK(*mix.mg(Mineral::Magnesium) == doctest::Approx(60));
        CHECK(mix.servingSize == "1 stick (6 g)");

        const Product water = get(db, "03850006801241");
        CHECK(water.name == "Mineral Water \"Still\""); // quotes are literal in OFF's TSV
        CHECK_FALSE(water.electrolyteClaim);
        CHECK(*water.mg(Mineral::Sodium) == doctest::Approx(12.5));
        CHECK(*water.mg(Mineral::Magnesium) == doctest::Approx(6.5));

        const Product tabs = get(db, "04006381333931"); // no serving_quantity: no per-serving amounts
        for (Mineral m : kMinerals)
            CHECK_FALSE(tabs.mg(m).has_value());

        const Product coconut = get(db, "00850001234566"); // 12-digit UPC-A code
        CHECK(*coconut.mg(Mineral::Sodium) == doctest::Approx(132));
    }

    TEST_CASE("import off: a file without the OFF columns is an error, not a pile of rejections")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = importFiles(db, ImportFormat::Off, {fixture("csv/products.csv")});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InvalidArgument);
        CHECK(r.error().message.find("code") != std::string::npos);
        auto missing = importFiles(db, ImportFormat::Off, {dir / "nope.tsv"});
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error().code == ErrorCode::NotFound);
    }

    TEST_CASE("import fdc: branded_food joined with food and food_nutrient, amounts scaled to the serving")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = run(db, ImportFormat::Fdc,
                     {fixture("fdc/branded_food.csv"), fixture("fdc/food.csv"), fixture("fdc/food_nutrient.csv")});
        INFO(describe(r));
        CHECK(r.imported == 4);
        CHECK(r.rejected == 2);
        CHECK(r.read == 6);
        CHECK(hasRejection(r, "branded_food.csv", 5, "check digit"));
        CHECK(hasRejection(r, "food_nutrient.csv", 8, "amount 'oops'"));

        const Product mix = get(db, "00850006801237");
        CHECK(mix.name == "ELECTROLYTE DRINK MIX, LEMON LIME");
        CHECK(mix.brand == "EXAMPLE HYDRATE");
        CHECK(mix.electrolyteClaim);
        CHECK(mix.source == "fdc");
        CHECK(mix.sourceId == "2001001");
        CHECK(mix.servingSize == "1 STICK (6 g)");
        CHECK(*mix.mg(Mineral::Sodium) == doctest::Approx(199.98));
        CHECK(*mix.mg(Mineral::Potassium) == doctest::Approx(99));
        CHECK(*mix.mg(Mineral::Magnesium) == doctest::Approx(60));
        CHECK_FALSE(mix.mg(Mineral::Calcium).has_value());

        const Product water = get(db, "00036000291452");
        CHECK(water.brand == "Bubbly Co"); // brand_owner when brand_name is empty
        CHECK(water.servingSize == "1 CAN (355 ml)");
        CHECK(*water.mg(Mineral::Sodium) == doctest::Approx(14.2));

        const Product gummies = get(db, "00050001126377");
        CHECK(gummies.name == "MAGNESIUM GUMMIES, \"CALM\" BERRY");
        CHECK(*gummies.mg(Mineral::Magnesium) == doctest::Approx(100));

        const Product sports = get(db, "00000096385074");
        CHECK(sports.name == "SPORTS DRINK\nMULTI-LINE NAME");
        CHECK(*sports.mg(Mineral::Sodium) == doctest::Approx(100.8));
    }

    TEST_CASE("import fdc: the folder of the three files works; a missing file is an error")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = run(db, ImportFormat::Fdc, {fixture("fdc")});
        CHECK(r.imported == 4);
        auto partial = importFiles(db, ImportFormat::Fdc, {fixture("fdc/branded_food.csv")});
        REQUIRE_FALSE(partial.ok());
        CHECK(partial.error().message.find("food_nutrient.csv") != std::string::npos);
    }

    TEST_CASE("import dsld: a single label object")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = run(db, ImportFormat::Dsld, {fixture("dsld/label_single.json")});
        INFO(describe(r));
        CHECK(r.imported == 1);
        CHECK(r.rejected == 0);
        const Product p = get(db, "00739930195318"); // upcSku "7 39930 19531 8"
        CHECK(p.name == "Electrolyte Recovery Plus, Lemon");
        CHECK(p.brand == "Example Labs");
        CHECK(p.form == "powder");
        CHECK(p.servingSize == "1 Scoop(s)");
        CHECK(p.source == "dsld");
        CHECK(p.sourceId == "241695");
        CHECK(p.electrolyteClaim);
        CHECK(*p.mg(Mineral::Sodium) == doctest::Approx(200)); // 0.2 Gram(s)
        CHECK(*p.dv(Mineral::Sodium) == 9);
        CHECK(*p.mg(Mineral::Potassium) == 99); // nested inside the blend
        CHECK(*p.dv(Mineral::Potassium) == 2);
        CHECK_FALSE(p.mg(Mineral::Magnesium).has_value()); // "NP": not disclosed
        CHECK_FALSE(p.mg(Mineral::Calcium).has_value());
    }

    TEST_CASE("import dsld: an array of labels, with bad ones rejected at the line they start")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = run(db, ImportFormat::Dsld, {fixture("dsld/labels_array.json")});
        INFO(describe(r));
        CHECK(r.read == 5);
        CHECK(r.imported == 2);
        CHECK(r.rejected == 3);
        CHECK(hasRejection(r, "labels_array.json", 20, "no upcSku"));
        CHECK(hasRejection(r, "labels_array.json", 42, "'IU'"));
        CHECK(hasRejection(r, "labels_array.json", 51, "object"));

        const Product mg = get(db, "00050001126377");
        CHECK(*mg.mg(Mineral::Magnesium) == 200); // "Magnesium Stearate" is not the mineral
        CHECK(*mg.dv(Mineral::Magnesium) == 48);
        CHECK(mg.form == "capsule");
        CHECK(mg.servingSize == "2 Capsule(s)");
        CHECK_FALSE(mg.electrolyteClaim);

        const Product ca = get(db, "00036000291452");
        CHECK(*ca.mg(Mineral::Calcium) == doctest::Approx(600)); // 600000 mcg
        CHECK(ca.servingSize == "1-2 Tablet(s)");
        CHECK(ca.form == "tablet");
    }

    TEST_CASE("import dsld: broken JSON is one rejection; labels before it are kept")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        {
            std::ofstream f(dir / "broken.json");
            f << "[\n {\"id\": 1, \"upcSku\": \"012345678905\", \"fullName\": \"Ok\"},\n {\"id\": 2, \"upcSku\": \n";
        }
        auto r = run(db, ImportFormat::Dsld, {dir / "broken.json"});
        INFO(describe(r));
        CHECK(r.imported == 1);
        CHECK(r.rejected == 1);
        REQUIRE(r.rejections.size() == 1);
        CHECK(r.rejections[0].reason.find("invalid JSON") != std::string::npos);
        CHECK(r.rejections[0].line >= 3);
    }

    TEST_CASE("import csv: quoting, padding of short GTINs, and rejected rows")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = run(db, ImportFormat::Csv, {fixture("csv/products.csv")});
        INFO(describe(r));
        CHECK(r.read == 7);
        CHECK(r.imported == 4);
        CHECK(r.rejected == 3);
        CHECK(hasRejection(r, "products.csv", 6, "check digit"));
        CHECK(hasRejection(r, "products.csv", 7, "negative"));
        CHECK(hasRejection(r, "products.csv", 8, "columns"));

        CHECK(get(db, "00850006801237").name == "Citrus Salt Electrolyte Drink Mix, 30 \"sticks\"");
        CHECK(get(db, "00036000291452").source == "fdc");
        const Product multi = get(db, "00000096385074");
        CHECK(multi.brand == "Multi\nLine Brand");
        CHECK(*multi.mg(Mineral::Sodium) == 0);
        CHECK(multi.lacks(Mineral::Sodium));
    }

    TEST_CASE("import csv: export then import round-trips every field")
    {
        TempDir dir;
        auto a = emptyDatabase(dir, "a.db");
        run(a, ImportFormat::Csv, {fixture("csv/products.csv")});
        run(a, ImportFormat::Dsld, {fixture("dsld/label_single.json")});
        Product odd = sampleProduct("00042100005264", " Leading space", "Tab\there, comma, \"quote\"\r\nCRLF");
        odd.mineralMg[0] = 0.1 + 0.2; // a double with no short decimal form
        odd.dailyValuePct[3] = 12.5;
        odd.sample = true;
        REQUIRE(a.upsert(odd).ok());
        {
            std::ofstream out(dir / "export.csv", std::ios::binary);
            out << csvHeader() << "\n";
            REQUIRE(a.forEachProduct([&](const Product& p) {
                         out << toCsvRow(p) << "\n";
                         return true;
                     }).ok());
        }
        auto b = emptyDatabase(dir, "b.db");
        auto r = run(b, ImportFormat::Csv, {dir / "export.csv"});
        INFO(describe(r));
        CHECK(r.rejected == 0);
        CHECK(r.imported == a.stats()->products);
        std::vector<Product> left, right;
        a.forEachProduct([&](const Product& p) {
            left.push_back(p);
            return true;
        });
        b.forEachProduct([&](const Product& p) {
            right.push_back(p);
            return true;
        });
        REQUIRE(left.size() == right.size());
        for (std::size_t i = 0; i < left.size(); ++i) {
            CAPTURE(left[i].gtin14);
            CHECK(left[i].gtin14 == right[i].gtin14);
            CHECK(left[i].brand == right[i].brand);
            CHECK(left[i].name == right[i].name);
            CHECK(left[i].form == right[i].form);
            CHECK(left[i].servingSize == right[i].servingSize);
            CHECK(left[i].electrolyteClaim == right[i].electrolyteClaim);
            CHECK(left[i].mineralMg == right[i].mineralMg);
            CHECK(left[i].dailyValuePct == right[i].dailyValuePct);
            CHECK(left[i].source == right[i].source);
            CHECK(left[i].sourceId == right[i].sourceId);
            CHECK(left[i].sample == right[i].sample);
        }
    }

    TEST_CASE("import --strict: the first bad row rolls back everything, also earlier batches")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        REQUIRE(db.upsert(sampleProduct("00850006801237", "Before", "Existing product")).ok());
        ImportOptions strict;
        strict.strict = true;
        strict.batchSize = 1; // would commit after every row if strict did not override it
        auto r = run(db, ImportFormat::Off, {fixture("off/products.tsv")}, strict);
        CHECK(r.rolledBack);
        CHECK(r.imported == 0);
        CHECK(r.updated == 0);
        REQUIRE(r.rejections.size() == 1);
        CHECK(r.rejections[0].line == 5);
        // Unchanged: the existing product kept its fields, nothing was added.
        CHECK(db.stats()->products == 1);
        CHECK(get(db, "00850006801237").brand == "Before");
        CHECK(db.search("hydration")->empty());

        // A clean file imports fully under --strict.
        auto ok = run(db, ImportFormat::Dsld, {fixture("dsld/label_single.json")}, strict);
        INFO(describe(ok));
        CHECK_FALSE(ok.rolledBack);
        CHECK(ok.imported == 1);
    }

    TEST_CASE("import without --strict commits in batches and reports progress")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        ImportOptions o;
        o.batchSize = 2;
        int batches = 0;
        o.onBatch = [&](const ImportReport&) { ++batches; };
        auto r = run(db, ImportFormat::Off, {fixture("off/products.tsv")}, o);
        CHECK(r.read == 8);
        CHECK(batches == 4);
    }

    TEST_CASE("a cancelled import keeps the finished rows and never half a product")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        std::atomic<bool> cancel{false};
        ImportOptions o;
        o.batchSize = 2;
        o.cancel = &cancel;
        o.onBatch = [&](const ImportReport&) { cancel = true; };
        auto r = run(db, ImportFormat::Csv, {fixture("csv/products.csv")}, o);
        CHECK(r.cancelled);
        CHECK(r.read == 2);
        CHECK(db.stats()->products == 2);
        // Every stored product has all its nutrients (those in the file).
        const Product p = get(db, "00850006801237");
        CHECK(p.mg(Mineral::Sodium) == 200.0);
        CHECK(p.mg(Mineral::Magnesium) == 60.0);

        // Strict and cancelled keeps nothing.
        auto db2 = emptyDatabase(dir, "b.db");
        cancel = false;
        ImportOptions s;
        s.strict = true;
        s.cancel = &cancel;
        cancel = true;
        auto r2 = run(db2, ImportFormat::Csv, {fixture("csv/products.csv")}, s);
        CHECK(r2.cancelled);
        CHECK(r2.rolledBack);
        CHECK(db2.stats()->products == 0);
    }

    TEST_CASE("import of the shipped seed file")
    {
        TempDir dir;
        auto db = emptyDatabase(dir);
        auto r = run(db, ImportFormat::Csv, {std::filesystem::path(LABELCHECK_SOURCE_DIR) / "db" / "seed.csv"});
        CHECK(r.rejected == 0);
        CHECK(r.imported >= 2);
        db.forEachProduct([](const Product& p) {
            CHECK(p.sample);
            return true;
        });
    }

} // TEST_SUITE
