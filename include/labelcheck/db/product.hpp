#pragma once
// One product record of the reference database, as plain standard types (no sqlite3 past the module).

#include "labelcheck/core/mineral.hpp"

#include <array>
#include <optional>
#include <string>

namespace labelcheck::db {

struct Product {
    std::string gtin14; // 14 digits with a valid GS1 check digit: the key
    std::string brand;
    std::string name;
    std::string form;        // "powder", "capsule", "tablet", "liquid", ... or empty
    std::string servingSize; // as printed, e.g. "1 stick (6 g)"; may be empty
    bool electrolyteClaim = false;
    // Per serving, indexed by labelcheck::index(Mineral). nullopt: not declared (or declared without an
    // amount, DSLD "NP"). mineralMg in milligrams; dailyValuePct in percent of the Daily Value.
    std::array<std::optional<double>, 4> mineralMg;
    std::array<std::optional<double>, 4> dailyValuePct;
    std::string source;    // "off", "fdc", "dsld", "csv", "manual", "sample"
    std::string sourceId;  // the record id in that dataset; may be empty
    bool sample = false;   // sample data (GS1 restricted-circulation GTIN)
    std::string updatedAt; // ISO 8601 UTC set by the database on write; ignored on write

    std::optional<double> mg(Mineral m) const { return mineralMg[index(m)]; }
    std::optional<double> dv(Mineral m) const { return dailyValuePct[index(m)]; }

    // Minerals not declared or declared as zero, in contract order (the contract's `missing`).
    bool lacks(Mineral m) const { return !mineralMg[index(m)] || *mineralMg[index(m)] <= 0; }
};

// True when the text claims electrolytes ("Electrolyte Drink Mix", "ELECTROLYTES", "electrolyte blend"),
// case-insensitively. Importers use it on brand, name and ingredient names.
bool mentionsElectrolytes(std::string_view text);

} // namespace labelcheck::db
