#pragma once
// The facts-panel parser: OCR lines of a Supplement Facts or Nutrition Facts panel (reading order, words
// with confidences and boxes) -> panel type, serving size, nutrient rows and the four electrolyte minerals
// in the contract's form (../shared/contract/check-output.md). Pure: no I/O, no third-party types,
// deterministic; safe to call from any thread.
//
// What counts as a declared mineral: a row that starts with the mineral's name (English or Spanish,
// OCR-tolerant) and carries an amount and/or a %DV, on the same line, on the next line (wrapped rows,
// amounts under the name), or on a separate line at the same height (column layouts, matched by word
// boxes). Not declarations: compounds in blends or ingredient lists ("Sodium Citrate" -> `mentioned`),
// parentheticals naming another nutrient's source ("Chloride (as sodium chloride)"), the old footnote
// table ("Sodium Less than 2,400mg"), preparation notes ("plus skim milk provides 220mg sodium"),
// warnings ("low-sodium diet"), and "Not a significant source of calcium" (-> `notSignificant`).
// Dual columns (per serving / per container, as packaged / prepared): the first column is reported.

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/core/mineral.hpp"
#include "labelcheck/core/text.hpp"
#include "labelcheck/facts/dv_era.hpp"
#include "labelcheck/facts/mentions.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace labelcheck::facts {

// One row of the panel as read.
struct Nutrient {
    std::string name;                    // as printed, with its parenthetical ("Sodium (as sodium citrate)")
    std::string canonical;               // matched name ("sodium", "total fat"), empty when not a known nutrient
    std::optional<Mineral> mineral;      // set for the four electrolyte minerals
    std::optional<double> amount;        // first column
    std::string unitText;                // "mg", "g", "mcg", "iu", "kcal" or "" (after OCR correction)
    std::optional<double> dailyValuePct; // "<1%" is 0.5; null when not printed or a dagger
    bool noDailyValue = false;           // printed with a dagger / asterisk
    bool ocrFixed = false;               // glyphs were corrected to read it
    float confidence = 0;                // 0..1, the weakest OCR word among name, amount and %DV
};

struct Facts {
    std::optional<PanelType> panel;  // null when the lines hold no facts panel
    std::string servingSize;         // text after "Serving Size" ("1 Stick (6 g)"), empty when not found
    std::vector<Nutrient> nutrients; // in panel order
    // The contract's minerals, indexed by index(Mineral): amount/unit as printed (OCR-corrected), mg,
    // %DV, `estimated` for %DV-only declarations (mg from the Daily Values of `dvEra`), confidence.
    std::array<std::optional<MineralAmount>, 4> minerals;
    MineralFlags unreadable{};     // a row for the mineral is present but no amount or %DV could be read
    MineralFlags mentioned{};      // named as a compound (blend, parenthetical, ingredient list)
    MineralFlags notSignificant{}; // "Not a significant source of ..." names it
    DvEra dvEra = DvEra::Current;  // Daily Values the panel's %DV column was read against
    bool electrolyteClaim = false; // the panel's own text claims electrolytes ("Electrolyte Blend")
    // For a mineral whose row printed an amount that did not read, or read at odds with the row's %DV, so that its
    // mg was estimated from the %DV: the index (into the parsed lines) of the line its values stood on, which a
    // caller may read again; -1 otherwise.
    std::array<int, 4> amountUnreadLine{-1, -1, -1, -1};
};

// True when the facts hold a panel with at least one nutrient row read: what the rules should treat as
// "a facts panel was read" (a title alone, with every row garbled, is not).
inline bool panelReadable(const Facts& f)
{
    return f.panel.has_value() && !f.nutrients.empty();
}

// Parses the lines of a rectified facts panel. Word boxes are used when present (non-zero heights) to
// pair amount columns with names; confidences feed Nutrient::confidence and MineralAmount::confidence.
Facts parseFacts(const std::vector<TextLine>& panelLines);

// The same for plain text lines (tests, database import, tools): every word has confidence 1 and no box.
Facts parseFacts(const std::vector<std::string>& panelLines);

// Splits a text into lines and parses them.
Facts parseFactsText(std::string_view text);

// Wraps plain text lines as TextLines (space-separated words, confidence 1, empty boxes).
std::vector<TextLine> toTextLines(const std::vector<std::string>& lines);

} // namespace labelcheck::facts
