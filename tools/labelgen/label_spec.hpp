#pragma once
// What one generated label says: product text, the facts panel as a list of items to draw, the barcode,
// and the ground truth (a labelcheck::CheckResult, the in-memory form of the output contract).

#include "labelcheck/core/check_result.hpp"
#include "rng.hpp"

#include <string>
#include <vector>

namespace labelgen {

enum class Difficulty { Easy, Normal, Hard };

enum class PanelStyle { Supplement, Nutrition2016, NutritionPre2016 };

// One drawable element of a facts panel, top to bottom.
struct PanelItem {
    enum class Kind {
        Title,     // "Supplement Facts": fills the panel width
        Text,      // a full-width line (serving size, footnotes); wrapped when too long
        Bar,       // a horizontal rule; `weight` 1 = hairline, 2 = medium, 3 = heavy
        Header,    // "Amount Per Serving" left, "% Daily Value" right
        Row,       // nutrient: name, amount, %DV
        Calories,  // "Calories" and the number, large (2016 Nutrition Facts)
        Table,     // pre-2016 footnote table: cells separated by '|', one item per line
        Pair,      // pre-2016 vitamin/mineral line: `text` left, a bullet, `amount` right half
    };
    Kind kind = Kind::Text;
    std::string text;   // Title/Text/Header-left/Row name/Calories value/Table line
    std::string amount; // Row: "250 mg"; Header: right text
    std::string dv;     // Row: "11%", "<1%", "†" or empty
    int indent = 0;     // Row/Text: 0..2 levels
    bool bold = false;
    double size = 1.0;  // relative to the body font size
    int weight = 1;     // Bar
    bool ruleAbove = true; // Row: hairline above the row
};

struct LabelSpec {
    std::string brand;
    std::string productName;
    std::string claim;  // front-of-pack electrolyte claim, may be empty
    std::string flavor; // may be empty
    std::string netContents;
    std::string form;   // powder, capsule, ...
    std::string servingSize;
    PanelStyle style = PanelStyle::Supplement;
    std::vector<PanelItem> items;
    std::string ingredients; // "Other ingredients: ..." paragraph
    std::string warning;     // may be empty
    bool lightOnDark = false;
    labelcheck::CheckResult truth; // file is filled in by the caller
};

// Draws the content of one label. `mineralMask` bit i (labelcheck::index order) says whether mineral i is
// declared with a non-zero amount; `claimed` whether the label claims electrolytes.
LabelSpec makeLabelSpec(Rng& rng, unsigned mineralMask, bool claimed, Difficulty difficulty);

} // namespace labelgen
