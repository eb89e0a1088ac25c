#pragma once
// CSV output of `labelcheck check --format csv`: one row per image, RFC 4180 quoting, "\n" line ends.
//
// Columns, in order:
//   file, ok, error, barcode, format, gtin14, panel, brand, product, product_source, electrolyte_claim,
//   then for each of sodium, potassium, calcium, magnesium: <m>_amount, <m>_unit, <m>_mg, <m>_dv,
//   then missing, mentioned_not_declared, verdict, database_found, database_mismatches.
// Booleans are "true"/"false"; absent values are empty cells; lists are ";"-separated mineral names;
// database_found is empty when no database was consulted; a mismatch is "<mineral>:<label_mg>/<db_mg>".
// An estimated mineral (declared only as %DV) has empty amount and unit and its estimated mg.

#include "labelcheck/core/check_result.hpp"

#include <string>
#include <string_view>

namespace labelcheck::report {

// The header row, with its trailing newline.
std::string csvHeader();

// One result as one row, with its trailing newline. Pure and thread-safe.
std::string toCsvRow(const CheckResult& result);

// One cell: quoted when it holds a comma, quote, CR or LF (quotes doubled), else as is.
std::string csvField(std::string_view text);

} // namespace labelcheck::report
