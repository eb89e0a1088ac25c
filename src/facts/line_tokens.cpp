#include "line_tokens.hpp"

#include "labelcheck/facts/fuzzy.hpp"

#include <algorithm>
#include <cmath>

namespace labelcheck::facts::detail {

namespace {

struct Piece {
    std::string text;
    float confidence;
    bool separatorAfter = false;
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Bullets (U+2022, U+00B7, and OCR's readings of them) and lone separators.
std::vector<Piece> splitWord(const Word& w)
{
    std::vector<Piece> out;
    std::string cur;
    std::string t = w.text;
    float confidence = w.confidence;
    // A degree sign glued to the end of a number is its percent sign misread ("Sodium GbOMg 29°" for "660mg 29%"); a
    // bullet that OCR reads as one stands apart from the words round it. A shaky read, whose digits may be cut too
    // ("257mg 1°" for "257mg 11%" at the outline's edge): an amount read beside it and disagreeing is kept.
    if (t.size() > 2 && t.ends_with("\xc2\xb0") && isDigit(t[t.size() - 3])) {
        t.replace(t.size() - 2, 2, "%");
        confidence /= 2;
    }
    auto flush = [&](bool sep) {
        if (!cur.empty())
            out.push_back({cur, confidence, false});
        else if (sep && !out.empty())
            out.back().separatorAfter = true;
        if (sep && !out.empty())
            out.back().separatorAfter = true;
        cur.clear();
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.compare(i, 3, "\xe2\x80\xa2") == 0) {
            flush(true);
            i += 2;
        } else if (t.compare(i, 2, "\xc2\xb7") == 0 || t.compare(i, 2, "\xc2\xbb") == 0 ||
                   t.compare(i, 2, "\xc2\xab") == 0 || t.compare(i, 2, "\xc2\xb0") == 0 ||
                   t.compare(i, 2, "\xc2\xa2") == 0) {
            // U+00B7, and what OCR makes of a bullet: U+00BB, U+00AB, U+00B0, U+00A2 ("Potassium 13% »* Magnesium",
            // "Iron 5% ¢ Magnesium 22%").
            flush(true);
            i += 1;
        } else {
            cur += t[i];
        }
    }
    flush(false);
    // A closing parenthesis glued to the amount: "Chloride)45" -> "Chloride)" "45".
    std::vector<Piece> unglued;
    for (auto& p : out) {
        std::size_t paren = p.text.find(')');
        if (paren != std::string::npos && paren + 1 < p.text.size() && isDigit(p.text[paren + 1])) {
            unglued.push_back({p.text.substr(0, paren + 1), p.confidence, false});
            unglued.push_back({p.text.substr(paren + 1), p.confidence, p.separatorAfter});
        } else {
            unglued.push_back(std::move(p));
        }
    }
    out = std::move(unglued);
    // A name glued to its amount: "Sodium115mg" -> "Sodium" "115mg" (at least four letters first, so
    // "B12" and "D3" stay whole).
    std::vector<Piece> split;
    for (auto& p : out) {
        // An amount glued to its %DV: "60mg14%" -> "60mg" "14%".
        if (p.text.size() > 3 && p.text.back() == '%' && isDigit(p.text.front())) {
            std::size_t cut = std::string::npos;
            for (std::size_t i = 1; i + 1 < p.text.size(); ++i)
                if (isLetter(p.text[i]) && isDigit(p.text[i + 1]))
                    cut = i + 1;
            if (cut != std::string::npos) {
                split.push_back({p.text.substr(0, cut), p.confidence, false});
                split.push_back({p.text.substr(cut), p.confidence, p.separatorAfter});
                continue;
            }
        }
        // An amount glued to the leader or mark after it: "7mg__*=" -> "7mg" "__*=" (OCR reads a rule's stub and the
        // dagger into the word).
        if (!p.text.empty() && isDigit(p.text.front())) {
            std::size_t end = p.text.size();
            while (end > 1 && std::string_view("_=*~-").find(p.text[end - 1]) != std::string_view::npos)
                --end;
            if (end < p.text.size() && (isLetter(p.text[end - 1]) || isDigit(p.text[end - 1]))) {
                split.push_back({p.text.substr(0, end), p.confidence, false});
                split.push_back({p.text.substr(end), p.confidence, p.separatorAfter});
                continue;
            }
        }
        // The leader's stub glued before an amount: "_970" -> "_" "970mg" ("Sodium _970 mg", a dotted or ruled leader
        // read into the number).
        {
            std::size_t start = 0;
            while (start < p.text.size() && std::string_view("_=~").find(p.text[start]) != std::string_view::npos)
                ++start;
            if (start > 0 && start < p.text.size() && isDigit(p.text[start])) {
                split.push_back({p.text.substr(0, start), p.confidence, false});
                split.push_back({p.text.substr(start), p.confidence, p.separatorAfter});
                continue;
            }
        }
        std::size_t letters = 0;
        while (letters < p.text.size() && isLetter(p.text[letters]))
            ++letters;
        // A name glued to a zero read as the letter O: "PotassiumOmg" -> "Potassium" "Omg". The O follows a
        // lower-case letter, which no word's capital does.
        if (letters == p.text.size()) {
            std::size_t zero = std::string::npos;
            for (std::string_view unit : {"Omcg", "Omg", "Og"})
                if (p.text.size() >= unit.size() + 4 && p.text.ends_with(unit)) {
                    zero = p.text.size() - unit.size();
                    break;
                }
            if (zero != std::string::npos && p.text[zero - 1] >= 'a' && p.text[zero - 1] <= 'z') {
                split.push_back({p.text.substr(0, zero), p.confidence, false});
                split.push_back({p.text.substr(zero), p.confidence, p.separatorAfter});
                continue;
            }
        }
        if (letters >= 4 && letters < p.text.size() && isDigit(p.text[letters])) {
            split.push_back({p.text.substr(0, letters), p.confidence, false});
            split.push_back({p.text.substr(letters), p.confidence, p.separatorAfter});
        } else {
            split.push_back(std::move(p));
        }
    }
    for (auto& p : split) {
        char last = p.text.empty() ? 0 : p.text.back();
        if (last == ',' || last == ';')
            p.separatorAfter = true;
    }
    return split;
}

bool isPercentSign(std::string_view t)
{
    return t == "%" || t == "%," || t == "%)" || t == "%DV" || t == "%DV)" || t == "%DV)," || t == "%)," || t == "%*" ||
           t == "%\xe2\x80\xa0";
}

// OCR reads parentheses as brackets or braces too.
void countBrackets(Token& tok)
{
    for (char c : tok.text) {
        tok.opens += c == '(' || c == '[' || c == '{';
        tok.closes += c == ')' || c == ']' || c == '}';
    }
}

// Makes the next piece part of `tok` (a unit, a % sign, the rest of a number): its text, the weaker confidence,
// its separator.
void absorb(Token& tok, const Piece& next)
{
    tok.text += " " + next.text;
    tok.confidence = std::min(tok.confidence, next.confidence);
    tok.separatorAfter = next.separatorAfter;
}

} // namespace

std::vector<Token> tokenizeLine(const TextLine& line)
{
    std::vector<Piece> pieces;
    for (const auto& w : line.words)
        for (auto& p : splitWord(w))
            pieces.push_back(std::move(p));

    std::vector<Token> out;
    bool pendingLessThan = false;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        std::string lower = toLowerAscii(p.text);
        Token tok;
        tok.text = p.text;
        tok.confidence = p.confidence;
        tok.separatorAfter = p.separatorAfter;
        if (lower == "less" && i + 1 < pieces.size() && toLowerAscii(pieces[i + 1].text) == "than" &&
            i + 2 < pieces.size()) {
            pendingLessThan = true;
            ++i;
            continue;
        }
        if (lower == "<") {
            pendingLessThan = true;
            continue;
        }
        // A number OCR read only as lookalikes, its unit a word apart ("ll mg"): the two read as one.
        std::optional<Amount> unitApart;
        if (i + 1 < pieces.size() && !parseAmount(p.text) && !parseDailyValue(p.text))
            if (auto unit = parseUnitText(pieces[i + 1].text); unit && (*unit == "mg" || *unit == "mcg"))
                unitApart = parseAmount(p.text + pieces[i + 1].text);
        if (unitApart) {
            tok.kind = TokenKind::Amount;
            tok.amount = *unitApart;
            absorb(tok, pieces[++i]);
        } else if (isDaggerMark(p.text) && !out.empty() && out.back().kind != TokenKind::Word) {
            tok.kind = TokenKind::Dagger;
            tok.dv.noDailyValue = true;
        } else if (p.text == "\xe2\x80\xa0" || p.text == "\xe2\x80\xa1" || p.text == "**") {
            tok.kind = TokenKind::Dagger;
            tok.dv.noDailyValue = true;
        } else if (auto dv = parseDailyValue(p.text); dv && !dv->noDailyValue) {
            tok.kind = TokenKind::Percent;
            tok.dv = *dv;
        } else if (auto a = parseAmount(p.text)) {
            tok.kind = TokenKind::Amount;
            tok.amount = *a;
            // A space inside a number: "2 30mg" is 230 mg (a bare integer glued to an integer amount), and
            // "1 10 mg" is 110 mg (a narrow digit set apart, the unit a word further).
            if (!a->unit && a->unitText.empty() && i + 1 < pieces.size() && isDigit(p.text.back()) &&
                p.text.find_first_not_of("0123456789") == std::string::npos && p.text.size() <= 2 &&
                isDigit(pieces[i + 1].text.front())) {
                const std::string& rest = pieces[i + 1].text;
                const auto joined = parseAmount(p.text + rest);
                // "0 2g" is 0.2 g, its point lost: no amount is printed as a 0 with another number after it.
                const bool pointLost = p.text == "0" && joined && joined->unit && joined->value < 1;
                const bool unitJoined =
                    joined && joined->unit && (joined->value == std::floor(joined->value) || pointLost);
                const bool unitApart = joined && !joined->unit && rest.size() <= 3 &&
                                       rest.find_first_not_of("0123456789") == std::string::npos &&
                                       i + 2 < pieces.size() && parseUnitText(pieces[i + 2].text);
                if (unitJoined || unitApart) {
                    tok.amount = *joined;
                    tok.amount.ocrFixed = true;
                    absorb(tok, pieces[++i]);
                }
            }
            if (i + 1 < pieces.size()) {
                const Piece& next = pieces[i + 1];
                bool unitFixed = false;
                if (!a->unit && a->unitText.empty()) {
                    if (auto u = parseUnitText(next.text, &unitFixed)) {
                        tok.amount.unitText = *u;
                        tok.amount.unit = massUnit(*u);
                        tok.amount.ocrFixed |= unitFixed;
                        tok.amount.trailingNineAsGram.reset();
                        absorb(tok, pieces[++i]);
                    } else if (isPercentSign(next.text)) {
                        if (auto dv2 = parseDailyValue(p.text + "%")) {
                            tok.kind = TokenKind::Percent;
                            tok.dv = *dv2;
                            absorb(tok, pieces[++i]);
                        }
                    }
                }
            }
        }
        if (pendingLessThan) {
            if (tok.kind == TokenKind::Amount) {
                tok.amount.lessThan = true;
            } else if (tok.kind == TokenKind::Percent && !tok.dv.lessThan) {
                tok.dv.lessThan = true;
                if (tok.dv.pct)
                    tok.dv.pct = *tok.dv.pct <= 1.0 ? 0.5 : *tok.dv.pct / 2.0;
            }
            pendingLessThan = false;
        }
        countBrackets(tok);
        out.push_back(std::move(tok));
    }
    return out;
}

} // namespace labelcheck::facts::detail
