#pragma once
// Ground truth as JSON in the output contract's format (../shared/contract/check-output.md), and as a
// row of the product CSV (docs/csv-format.md).

#include "label_spec.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace labelgen {

// The contract object for `truth` (file, ok, error, barcode, panel, product, electrolyte_claim, minerals,
// missing, mentioned_not_declared when not empty, verdict, database: null).
nlohmann::ordered_json toContractJson(const labelcheck::CheckResult& truth);

// The CSV header of docs/csv-format.md, without a trailing newline.
std::string productCsvHeader();
// One CSV row (no trailing newline) for the sample product of `spec`; `sourceId` names the photo.
std::string productCsvRow(const LabelSpec& spec, const std::string& sourceId);

} // namespace labelgen
