#pragma once
// Product records as text: labelcheck's product CSV (docs/csv-format.md) and JSON objects.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/db/product.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::db {

// The CSV header line (no newline), exactly the documented columns in order.
std::string_view csvHeader();
const std::vector<std::string>& csvColumns();

// One CSV record (no newline), RFC 4180 quoting where needed. Numbers use the shortest exact form.
std::string toCsvRow(const Product& p);

// Builds a product from a record whose fields follow `csvColumns()` order. GTINs of 8, 12 or 13 digits
// are padded to 14. Errors: InvalidArgument naming the column and the bad value.
Expected<Product> productFromCsvFields(const std::vector<std::string>& fields);

// One JSON object on one line:
// {"gtin14":..., "brand":..., "name":..., "form":..., "serving_size":..., "electrolyte_claim":bool,
//  "minerals":{"sodium":{"mg":200,"daily_value_pct":9}|null, ...}, "source":..., "source_id":...,
//  "sample":bool, "updated_at":...}
std::string toJson(const Product& p);

// Parses the object toJson writes (updated_at ignored). Also accepts flat "<mineral>_mg" and
// "<mineral>_dv" keys, and "gtin" / "code" as any barcode number. Missing "source" means "manual".
// Errors: InvalidArgument for malformed JSON, unknown keys, wrong types or a bad GTIN.
Expected<Product> productFromJson(std::string_view json);

// Shortest decimal text that reads back to the same double ("200", "0.5", "12.345").
std::string formatNumber(double v);

// Parses a decimal number (leading/trailing spaces allowed); nullopt when not entirely a finite number.
std::optional<double> parseNumber(std::string_view text);

} // namespace labelcheck::db
