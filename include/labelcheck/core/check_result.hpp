#pragma once
// The result of checking one image: the in-memory form of ../shared/contract/check-output.md.
// Plain standard types so that `report` can write it without knowing any pipeline module.

#include "labelcheck/core/mineral.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace labelcheck {

enum class PanelType { SupplementFacts, NutritionFacts };
enum class Verdict { Unreadable, NotElectrolyte, Complete, Incomplete };

constexpr std::string_view panelTypeName(PanelType p)
{
    return p == PanelType::SupplementFacts ? "supplement_facts" : "nutrition_facts";
}
constexpr std::string_view verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Unreadable: return "unreadable";
    case Verdict::NotElectrolyte: return "not_electrolyte";
    case Verdict::Complete: return "complete";
    case Verdict::Incomplete: return "incomplete";
    }
    return "";
}

struct BarcodeInfo {
    std::string text;   // digits as printed by the symbol
    std::string format; // "EAN-13", "EAN-8", "UPC-A", "UPC-E"
    std::string gtin14;
};

enum class AmountUnit { Mg, G, Mcg };
constexpr std::string_view unitName(AmountUnit u)
{
    switch (u) {
    case AmountUnit::Mg: return "mg";
    case AmountUnit::G: return "g";
    case AmountUnit::Mcg: return "mcg";
    }
    return "";
}

struct MineralAmount {
    std::optional<double> amount;     // as printed; null when only a %DV is declared
    std::optional<AmountUnit> unit;   // as printed
    double mg = 0;                    // converted (or estimated from %DV when `estimated`)
    std::optional<double> dailyValuePct; // printed %DV; "<1%" is 0.5
    bool estimated = false;
    std::optional<double> confidence; // 0..1 from the OCR of the row
    // The row is on the label but its amount could not be read (and no database record filled it in).
    // The mineral is declared, so it is not missing; amount, unit, mg and %DV are unknown and written as null.
    bool unreadable = false;
};

struct ProductInfo {
    std::string name;
    std::string brand;
    std::string source; // "database" or "label"
};

struct Mismatch {
    Mineral mineral;
    std::optional<double> labelMg;
    std::optional<double> databaseMg;
};

struct DatabaseInfo {
    bool found = false;
    std::vector<Mismatch> mismatches;
};

struct CheckResult {
    std::string file; // exactly as given or found under a given folder
    bool ok = false;
    std::string error; // one line when !ok
    std::optional<BarcodeInfo> barcode;
    std::optional<PanelType> panel;
    std::optional<ProductInfo> product;
    bool electrolyteClaim = false;
    std::array<std::optional<MineralAmount>, 4> minerals; // indexed by index(Mineral)
    std::vector<Mineral> missing;                         // contract order
    std::vector<Mineral> mentionedNotDeclared;
    Verdict verdict = Verdict::Unreadable;
    std::optional<DatabaseInfo> database; // null when no database was consulted
};

} // namespace labelcheck
