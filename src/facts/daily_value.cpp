#include "labelcheck/facts/daily_value.hpp"

#include "labelcheck/facts/amount.hpp"

#include <string>

namespace labelcheck::facts {

bool isDaggerMark(std::string_view t)
{
    // U+2020 dagger (E2 80 A0), U+2021 double dagger (E2 80 A1); OCR reads them as t, +, *, T.
    static constexpr std::string_view kMarks[] = {
        "\xe2\x80\xa0", "\xe2\x80\xa1", "\xe2\x80\xa0\xe2\x80\xa0", "*", "**", "t", "tt", "+", "++", "T", "f",
        "ft",           "\xe2\x80\xa0*"};
    for (auto m : kMarks)
        if (t == m)
            return true;
    return false;
}

std::optional<DailyValue> parseDailyValue(std::string_view text)
{
    std::string_view s = text;
    auto isOuter = [](char c) {
        return c == '(' || c == ')' || c == ',' || c == ';' || c == ' ' || c == '[' || c == ']';
    };
    while (!s.empty() && isOuter(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isOuter(s.back()))
        s.remove_suffix(1);
    if (isDaggerMark(s)) {
        DailyValue dv;
        dv.noDailyValue = true;
        return dv;
    }
    // Trailing "DV" / "DV)" glued to the percent sign.
    for (std::string_view suffix : {"DV", "dv", "Dv", "VD"})
        if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix)
            s.remove_suffix(suffix.size());
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    // A dagger glued after the percent ("11%†") still means a printed percent.
    for (std::string_view tail : {"\xe2\x80\xa0", "*"})
        if (s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail)
            s.remove_suffix(tail.size());
    if (s.empty() || s.back() != '%')
        return std::nullopt;
    s.remove_suffix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    DailyValue dv;
    if (!s.empty() && s.front() == '<') {
        dv.lessThan = true;
        s.remove_prefix(1);
        while (!s.empty() && s.front() == ' ')
            s.remove_prefix(1);
    }
    bool fixed = false;
    auto v = parseNumber(s, &fixed);
    if (!v) {
        // "l%" and "O%": a single lookalike glyph.
        if (s == "l" || s == "I" || s == "|")
            v = 1.0, fixed = true;
        else
            return std::nullopt;
    }
    dv.ocrFixed = fixed;
    dv.pct = dv.lessThan ? (*v <= 1.0 ? 0.5 : *v / 2.0) : *v;
    return dv;
}

} // namespace labelcheck::facts
