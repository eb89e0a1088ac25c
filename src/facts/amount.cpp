#include "labelcheck/facts/amount.hpp"

#include "labelcheck/facts/fuzzy.hpp"

#include <algorithm>
#include <charconv>
#include <string>

namespace labelcheck::facts {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Curly quotes (U+2018, U+2019, U+201C, U+201D): OCR reads specks beside a number as them.
std::size_t curlyQuoteAt(std::string_view s, std::size_t i)
{
    if (i + 3 <= s.size() && s[i] == '\xe2' && s[i + 1] == '\x80' &&
        (s[i + 2] == '\x98' || s[i + 2] == '\x99' || s[i + 2] == '\x9c' || s[i + 2] == '\x9d'))
        return 3;
    return 0;
}

std::string_view trimPunct(std::string_view s)
{
    auto strip = [](char c) {
        return c == ' ' || c == '(' || c == ')' || c == ',' || c == ';' || c == ':' || c == '[' || c == ']' ||
               c == '\'' || c == '"' || c == '`';
    };
    for (;;) {
        if (!s.empty() && strip(s.front()))
            s.remove_prefix(1);
        else if (std::size_t n = curlyQuoteAt(s, 0))
            s.remove_prefix(n);
        else
            break;
    }
    for (;;) {
        if (!s.empty() && (strip(s.back()) || s.back() == '.'))
            s.remove_suffix(1);
        else if (s.size() >= 3 && curlyQuoteAt(s, s.size() - 3))
            s.remove_suffix(3);
        else
            break;
    }
    return s;
}

// Maps a glyph OCR confuses with a digit to that digit, or returns 0.
char digitLookalike(char c)
{
    switch (c) {
    case 'O':
    case 'o':
        return '0';
    case 'l':
    case 'I':
    case 'i':
    case '|':
        return '1';
    case 'S':
        return '5';
    default:
        return 0;
    }
}

// A number made only of glyphs OCR confuses with 1 and 0 ("llmg" for 11mg, "Img" for 1mg, and a 1 with a
// foot read as L first, "LOmg" for 10mg): read as a number only when a mass unit follows, which words do not.
std::optional<double> lookalikeNumber(std::string_view text)
{
    if (text.empty() || text.size() > 3)
        return std::nullopt;
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char d = i == 0 && c == 'L' ? '1' : digitLookalike(c);
        if (d != '0' && d != '1')
            return std::nullopt;
        digits += d;
    }
    if (digits.size() >= 2 && digits[0] == '0')
        return std::nullopt;
    return double(std::stoi(digits));
}

} // namespace

std::optional<double> parseNumber(std::string_view text, bool* fixed)
{
    if (text.empty())
        return std::nullopt;
    bool hasDigit = false;
    for (char c : text)
        hasDigit |= isDigit(c);
    // A lone "O" is how OCR often reads a zero ("Sodium O mg").
    if (!hasDigit && !(text == "O" || text == "o"))
        return std::nullopt;
    std::string digits;
    bool changed = false;
    int separators = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (isDigit(c)) {
            digits += c;
        } else if (char d = digitLookalike(c)) {
            digits += d;
            changed = true;
        } else if (c == ',' || c == '.') {
            // Thousands comma: exactly three digits follow and then the end or another separator.
            std::size_t run = 0;
            while (i + 1 + run < text.size() && (isDigit(text[i + 1 + run]) || digitLookalike(text[i + 1 + run])))
                ++run;
            if (c == ',' && run == 3 && digits.size() >= 1 && digits.size() <= 3 &&
                digits.find('.') == std::string::npos)
                continue;
            if (digits.find('.') != std::string::npos || run == 0)
                return std::nullopt;
            digits += '.';
            ++separators;
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty() || digits == "." || separators > 1)
        return std::nullopt;
    if (digits.front() == '.')
        digits.insert(digits.begin(), '0');
    // Amounts are never printed with a leading zero: "04g" is "0.4g" with the point lost.
    if (digits.size() >= 2 && digits[0] == '0' && digits.find('.') == std::string::npos) {
        digits.insert(digits.begin() + 1, '.');
        changed = true;
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc() || ptr != digits.data() + digits.size())
        return std::nullopt;
    if (fixed)
        *fixed = changed;
    return v;
}

std::optional<std::string> parseUnitText(std::string_view text, bool* fixed)
{
    std::string u = toLowerAscii(text);
    while (!u.empty() && (u.back() == '.' || u.back() == ',' || u.back() == ')' || u.back() == ';'))
        u.pop_back();
    if (u.empty())
        return std::nullopt;
    // Micro signs: U+00B5 (C2 B5) and U+03BC (CE BC).
    if (u == "\xc2\xb5g" || u == "\xce\xbcg" || u == "ug" || u == "mcg")
        return std::string("mcg");
    if (u == "mg" || u == "g" || u == "iu" || u == "kcal" || u == "cal")
        return u;
    // OCR misreadings, each seen on real panels.
    static const std::pair<std::string_view, std::string_view> kFixes[] = {
        {"rng", "mg"},   {"mq", "mg"},  {"m9", "mg"}, {"rnq", "mg"},  {"rn9", "mg"},  {"nig", "mg"},
        {"mgs", "mg"},   {"ng", "mg"},  {"nq", "mg"}, {"meg", "mcg"}, {"mcq", "mcg"}, {"rncg", "mcg"},
        {"mcgs", "mcg"}, {"pg", "mcg"}, {"lu", "iu"}, {"1u", "iu"},   {"rg", "mg"},
    };
    for (auto [from, to] : kFixes)
        if (u == from) {
            if (fixed)
                *fixed = true;
            return std::string(to);
        }
    return std::nullopt;
}

std::optional<AmountUnit> massUnit(std::string_view unitText)
{
    if (unitText == "mg")
        return AmountUnit::Mg;
    if (unitText == "g")
        return AmountUnit::G;
    if (unitText == "mcg")
        return AmountUnit::Mcg;
    return std::nullopt;
}

std::optional<Amount> parseAmount(std::string_view text)
{
    std::string_view s = trimPunct(text);
    Amount a;
    if (!s.empty() && s.front() == '<') {
        a.lessThan = true;
        s.remove_prefix(1);
        while (!s.empty() && s.front() == ' ')
            s.remove_prefix(1);
    }
    if (s.empty())
        return std::nullopt;
    // Try each split into number + unit ("25Omg" -> "25O" + "mg", "130 mg" -> "130" + "mg", "0.29" -> whole);
    // the first split where both halves read wins, so lookalike letters join the number only when the
    // rest is still a unit.
    std::string_view num, unit;
    bool found = false;
    for (std::size_t i = 1; i <= s.size() && !found; ++i) {
        std::string_view n = s.substr(0, i), u = s.substr(i);
        // OCR's specks between the number and its unit: "17:mg", "35 .mg".
        while (!u.empty() && (u.front() == ' ' || u.front() == ':' || u.front() == ',' || u.front() == '.') &&
               u.size() > 1 && !isDigit(u[1]))
            u.remove_prefix(1);
        if (!parseNumber(n))
            continue;
        if (!u.empty() && !parseUnitText(u))
            continue;
        // Prefer the longest number when the unit is empty ("0.29" not "0.2" + "9").
        num = n;
        unit = u;
        found = !u.empty() || i == s.size();
    }
    if (!found) {
        // "llmg": every glyph of the number is a lookalike, so parseNumber refused it.
        for (std::size_t i = 1; i < s.size() && !found; ++i) {
            std::string_view u = s.substr(i);
            while (!u.empty() && u.front() == ' ')
                u.remove_prefix(1);
            auto unitText = parseUnitText(u);
            if (unitText && (*unitText == "mg" || *unitText == "mcg") && lookalikeNumber(s.substr(0, i))) {
                num = s.substr(0, i);
                unit = u;
                found = true;
            }
        }
        if (!found)
            return std::nullopt;
    }
    bool numFixed = false;
    auto v = parseNumber(num, &numFixed);
    if (!v) {
        v = lookalikeNumber(num);
        numFixed = true;
    }
    if (!v)
        return std::nullopt;
    a.value = *v;
    a.ocrFixed = numFixed;
    if (!unit.empty()) {
        bool unitFixed = false;
        auto u = parseUnitText(unit, &unitFixed);
        if (!u)
            return std::nullopt;
        a.unitText = *u;
        a.unit = massUnit(*u);
        a.ocrFixed |= unitFixed;
    } else if (num.size() >= 2 && num.back() == '9') {
        bool f = false;
        if (auto g = parseNumber(num.substr(0, num.size() - 1), &f))
            a.trailingNineAsGram = *g;
    }
    return a;
}

namespace {

// The digits a glyph is mistaken for, most likely first; empty for a glyph that never stands for one.
std::string_view digitsFor(char c)
{
    if (isDigit(c))
        return std::string_view("0123456789").substr(static_cast<std::size_t>(c - '0'), 1);
    switch (c) {
    case 'O':
    case 'o':
    case 'D':
    case 'Q':
        return "0";
    case 'l':
    case 'I':
    case 'i':
    case '|':
    case '!':
    case 'L':
    case ']':
        return "1";
    case 'Z':
    case 'z':
        return "2";
    case 'A':
        return "4";
    case 'S':
        return "5";
    case 's':
        return "53";
    case 'G':
    case 'b':
        return "6";
    case 'T':
        return "7";
    case 'B':
        return "8";
    case 'a':
        return "84";
    case 'g':
    case 'q':
        return "9";
    default:
        return {};
    }
}

constexpr std::size_t kMaxLookalikeReadings = 64;

// A unit as a garbled amount may read it, where a %DV decides among the readings: a unit (parseUnitText), "mo" for
// mg (the g's tail lost), either with a speck after it ("Sodium 75mo0 3%", seed 4242's 190).
std::optional<std::string> looseUnitText(std::string_view text)
{
    for (std::string_view t : {text, text.substr(0, text.empty() ? 0 : text.size() - 1)}) {
        if (t.empty())
            continue;
        if (auto u = parseUnitText(t))
            return u;
        if (toLowerAscii(t) == "mo")
            return std::string("mg");
    }
    return std::nullopt;
}

// A number a garbled one may stand for, and how many of its glyphs were read as a less likely digit.
struct Reading {
    double value;
    int rank;
};

// Appends to `out` every number `glyphs` can stand for (at most one decimal point); `rank` counts the glyphs
// read so far as a less likely digit.
void lookalikeNumbers(std::string_view glyphs, std::string& digits, int rank, std::vector<Reading>& out)
{
    if (out.size() >= kMaxLookalikeReadings)
        return;
    if (glyphs.empty()) {
        if (digits.empty() || digits.back() == '.' || digits.front() == '.' ||
            (digits.size() >= 2 && digits[0] == '0' && digits[1] != '.'))
            return;
        double v = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (ec == std::errc() && ptr == digits.data() + digits.size())
            out.push_back({v, rank});
        return;
    }
    const char c = glyphs.front();
    if (c == '.' || c == ',') {
        if (digits.find('.') != std::string::npos)
            return;
        digits += '.';
        lookalikeNumbers(glyphs.substr(1), digits, rank, out);
        digits.pop_back();
        return;
    }
    const std::string_view choices = digitsFor(c);
    for (std::size_t k = 0; k < choices.size(); ++k) {
        digits += choices[k];
        lookalikeNumbers(glyphs.substr(1), digits, rank + (k > 0), out);
        digits.pop_back();
    }
}

} // namespace

std::vector<Amount> lookalikeAmounts(std::string_view text)
{
    // Spaces are ignored, and so are specks of no glyph a digit is mistaken for: symbols read from dirt, a leader's
    // dots or a rule's end before or inside the number ("§=150mg", "l?7mg"); the point and comma are kept.
    std::string s;
    for (char c : text) {
        const bool alphanumeric = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (alphanumeric || c == '.' || c == ',' || !digitsFor(c).empty())
            s += c;
    }
    std::vector<Amount> out;
    std::vector<double> seenMg;
    // The number is at most five glyphs ("1,200"); the unit is what follows it, after at most one speck.
    for (std::size_t n = 1; n <= std::min<std::size_t>(5, s.size()); ++n) {
        for (std::size_t speck = 0; speck <= 1 && n + speck < s.size(); ++speck) {
            if (speck == 1 && std::string_view("il|!.:,'`").find(s[n]) == std::string_view::npos)
                continue;
            auto unitText = looseUnitText(std::string_view(s).substr(n + speck));
            auto unit = unitText ? massUnit(*unitText) : std::nullopt;
            if (!unit)
                continue;
            std::vector<Reading> numbers;
            std::string digits;
            lookalikeNumbers(std::string_view(s).substr(0, n), digits, 0, numbers);
            for (const Reading& number : numbers) {
                const double mg = toMg(number.value, *unit);
                const auto seen = std::find(seenMg.begin(), seenMg.end(), mg);
                if (seen != seenMg.end()) {
                    Amount& same = out[std::size_t(seen - seenMg.begin())];
                    same.lookalikeRank = std::min(same.lookalikeRank, number.rank);
                    continue;
                }
                if (out.size() >= kMaxLookalikeReadings)
                    continue;
                seenMg.push_back(mg);
                Amount a;
                a.value = number.value;
                a.unit = unit;
                a.unitText = *unitText;
                a.ocrFixed = true;
                a.lookalikeRank = number.rank;
                out.push_back(a);
            }
        }
    }
    return out;
}

double toMg(double value, AmountUnit unit)
{
    switch (unit) {
    case AmountUnit::Mg:
        return value;
    case AmountUnit::G:
        return value * 1000.0;
    case AmountUnit::Mcg:
        return value / 1000.0;
    }
    return value;
}

} // namespace labelcheck::facts
