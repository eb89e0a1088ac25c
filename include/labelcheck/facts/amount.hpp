#pragma once
// Amounts as printed on a facts panel ("250 mg", "0.2 g", "130mg", "2,400mg", "25O rng"), read with the
// OCR confusions seen on real labels corrected. Pure; no allocation beyond the returned strings.

#include "labelcheck/core/check_result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::facts {

struct Amount {
    double value = 0;
    std::optional<AmountUnit> unit; // null when no mass unit was printed (or it was unreadable)
    std::string unitText;           // normalised unit as read: "mg", "g", "mcg", "iu", "kcal", "" when none
    bool lessThan = false;          // "<1 g", "less than 1g"
    bool ocrFixed = false;          // a glyph was corrected (O->0, l->1, rng->mg, mq->mg, ...)
    // When the text is a bare number ending in 9 ("0.29"), the value if that 9 is a misread "g" (0.2).
    std::optional<double> trailingNineAsGram;
    // lookalikeAmounts: how many of the number's glyphs were read as a digit other than the likeliest one they are
    // mistaken for (0: each as its likeliest).
    int lookalikeRank = 0;
};

// Reads a number as printed: digits with an optional decimal point; a comma before exactly three
// digits is a thousands separator ("2,400"), otherwise a decimal comma ("0,2"). Glyphs OCR confuses with
// digits (O/o -> 0, l/I/| -> 1, S -> 5) are accepted when the text also holds a real digit, and then
// `*fixed` is set. Returns nullopt unless the whole text is one number.
std::optional<double> parseNumber(std::string_view text, bool* fixed = nullptr);

// Reads a unit: "mg" (also "rng", "mq", "m9", "mg."), "g", "mcg" ("µg", "μg", "ug", "meg", "mcq"),
// and the non-mass units "iu", "kcal", "cal". Returns the normalised text or nullopt.
std::optional<std::string> parseUnitText(std::string_view text, bool* fixed = nullptr);

// Mass unit of a normalised unit text ("mg" -> Mg, "g" -> G, "mcg" -> Mcg), nullopt for others.
std::optional<AmountUnit> massUnit(std::string_view unitText);

// Reads one amount: a number followed by an optional unit, with or without a space, optionally preceded
// by "<" ("<1g"). Surrounding "(", ")" "," ";" ":" are ignored. Returns nullopt unless the whole text is
// an amount. A bare number is returned with a null unit.
std::optional<Amount> parseAmount(std::string_view text);

// Every reading of a garbled amount ("somg", "iS img", "llimg", "a5mg") that OCR's usual glyph confusions
// allow: each glyph of the number may stand for the digits it is mistaken for (S and s for 5 or 3, B for 8,
// o for 0, l and i for 1, ...), and one speck ("i", ".", ...) may stand between the number and its mass unit, which
// may read "mo" for mg and have a speck after it ("75mo0").
// Spaces are ignored, and so are symbols that stand for no digit ("§=150mg", "l?7mg"). A caller picks among them with
// something else the label says (its %DV), and between two that it allows by their lookalikeRank. Distinct in
// milligrams (the likeliest reading kept), at most 64, each marked ocrFixed.
std::vector<Amount> lookalikeAmounts(std::string_view text);

// Converts to milligrams.
double toMg(double value, AmountUnit unit);

} // namespace labelcheck::facts
