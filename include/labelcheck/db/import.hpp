#pragma once
// Streaming importers of public datasets into the product database.
//
// Formats (column layouts as published):
//  - Off:  Open Food Facts CSV export (tab-separated, header row). Per-serving mg from the *_100g values
//          (grams per 100 g/ml) times serving_quantity / 100; minerals are null when serving_quantity is
//          unknown.
//  - Fdc:  USDA FoodData Central branded foods: branded_food.csv, food.csv and food_nutrient.csv given as
//          files (recognised by name) or as the folder holding them. food.csv and food_nutrient.csv are
//          streamed first keeping only branded ids and the four minerals (memory grows with the number of
//          branded foods, not with file size); then branded_food.csv is streamed into products.
//  - Dsld: NIH DSLD label JSON (API v9): one label object per file or a JSON array of them; a folder is
//          read as all its *.json files in name order. Arrays are parsed one element at a time.
//  - Csv:  labelcheck's own product CSV (docs/csv-format.md), the format `db export` writes.
//
// Each product is written atomically (products and its nutrients in one transaction); rows are committed
// in batches. Without `strict`, bad rows are skipped and listed; with `strict`, the first bad row rolls back
// everything this import wrote and the import stops. A crash or kill mid-import loses at most the current
// batch, never half a product; cancellation (see `cancel`) commits the finished rows and stops.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/db/database.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace labelcheck::db {

enum class ImportFormat { Off, Fdc, Dsld, Csv };

// "off", "fdc", "dsld", "csv".
std::optional<ImportFormat> importFormatFromName(std::string_view name);

struct ImportReport;

struct ImportOptions {
    bool strict = false;
    std::size_t batchSize = 10000;             // products per transaction (ignored when strict)
    const std::atomic<bool>* cancel = nullptr; // checked between rows; when it becomes true the import stops
    // Called after each committed batch with the running totals (progress on stderr, tests).
    std::function<void(const ImportReport&)> onBatch;
};

struct Rejection {
    std::string file;
    std::int64_t line = 0; // 1-based line where the record starts (for DSLD: where the label object starts)
    std::string reason;
};

struct ImportReport {
    std::int64_t read = 0;     // product records read (FDC: rows of branded_food.csv)
    std::int64_t imported = 0; // new products
    std::int64_t updated = 0;  // products that replaced a record with the same GTIN
    std::int64_t rejected = 0;
    std::vector<Rejection> rejections; // one per rejected record, in input order
    // Strict mode hit a bad row (or was cancelled): nothing from this import was kept, and imported and
    // updated are 0.
    bool rolledBack = false;
    bool cancelled = false; // stopped by `cancel`; the counts say what was kept
};

// Imports `files` in `format`. Errors (the import stops; the report so far is lost, committed batches
// stay unless strict): NotFound/Io when a file cannot be read, InvalidArgument when a file is not in the
// format at all (missing header columns, not JSON), Io when the database refuses the write. Bad rows are
// not errors: they are counted and listed in the report (and in strict mode roll everything back).
Expected<ImportReport> importFiles(Database& database, ImportFormat format,
                                   const std::vector<std::filesystem::path>& files, const ImportOptions& options = {});

} // namespace labelcheck::db
