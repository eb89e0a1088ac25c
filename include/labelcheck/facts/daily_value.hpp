#pragma once
// The %Daily Value column of a facts panel: "11%", "<1%", "(5% DV)", "O%", or a dagger/asterisk meaning
// "Daily Value not established".

#include <optional>
#include <string_view>

namespace labelcheck::facts {

struct DailyValue {
    std::optional<double> pct; // printed percent; "<1%" is 0.5 (the contract's value); null for a dagger
    bool lessThan = false;     // printed with "<" or "less than"
    bool noDailyValue = false; // "†", "‡", "*" or their OCR readings "t", "+", "tt": no Daily Value
    bool ocrFixed = false;     // a glyph was corrected ("1l%" -> 11%, "O%" -> 0%)
};

// Reads one %DV token. Accepts "11%", "11 %", "<1%", "< 1%", "(5%", "5%DV", "5%)", "5%,", and the
// dagger marks. Returns nullopt for anything else (including "%" alone or "% Daily Value").
std::optional<DailyValue> parseDailyValue(std::string_view text);

// True for the marks that stand for "Daily Value not established".
bool isDaggerMark(std::string_view text);

} // namespace labelcheck::facts
