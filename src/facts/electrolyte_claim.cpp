#include "labelcheck/facts/electrolyte_claim.hpp"

#include "labelcheck/facts/fuzzy.hpp"

#include <algorithm>
#include <array>

namespace labelcheck::facts {

namespace {

struct Tok {
    std::string word;         // folded letters
    bool digitZero = false;   // the token was the number 0
    bool hyphenAfter = false; // joined to the next token with a hyphen ("electrolyte-free")
    bool lineStart = false;   // first token after a line break
};

std::vector<Tok> tokenize(std::string_view text)
{
    std::vector<Tok> toks;
    std::string cur;
    bool newLine = false;
    auto flush = [&](char endedBy) {
        bool hyphen = endedBy == '-';
        if (cur.empty()) {
            newLine = newLine || endedBy == '\n';
            return;
        }
        Tok t;
        // "0 electrolytes" negates; "0%" before the word is a %DV column, not a count.
        t.digitZero = cur == "0" && endedBy != '%' && endedBy != '.' && endedBy != ',';
        t.word = t.digitZero ? "0" : lettersOnly(foldToLetters(cur));
        t.hyphenAfter = hyphen;
        t.lineStart = newLine;
        if (!t.word.empty()) {
            toks.push_back(std::move(t));
            newLine = false;
        }
        newLine = newLine || endedBy == '\n';
        cur.clear();
    };
    for (char c : text) {
        bool letterish = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '|' ||
                         static_cast<unsigned char>(c) >= 0x80;
        if (letterish) {
            cur += c;
        } else {
            flush(c);
        }
    }
    flush(' ');
    return toks;
}

bool isClaimWord(const std::string& w)
{
    if (w.size() < 8)
        return false;
    // Cut short by OCR at the end of what it could read ("Electrol" of a blurred "Electrolyte Drink Mix"):
    // no other word starts so, save electrolysis/electrolytic/electrolyze, which are excluded below.
    if (w.size() <= 10 && w.rfind("electrol", 0) == 0 && w.rfind("electrolys", 0) != 0 &&
        w.rfind("electrolyti", 0) != 0 && w.rfind("electrolyz", 0) != 0)
        return true;
    for (std::string_view target : {"electrolyte", "electrolytes", "electrolitos", "electrolito", "lectrolytes"}) {
        std::size_t d = editDistance(w, target);
        if (d <= (w.size() >= 10 ? 2u : 1u)) {
            // "electrolytic", "electrolysis" and "electrolyzed" are different words.
            bool otherWord = w.rfind("electrolyti", 0) == 0 || w.rfind("electrolys", 0) == 0 ||
                             w.rfind("electrolyz", 0) == 0;
            return !otherWord;
        }
    }
    return false;
}

constexpr std::array<std::string_view, 5> kNegations = {"non", "no", "without", "zero", "sin"};

bool isNegation(std::string_view w)
{
    return std::find(kNegations.begin(), kNegations.end(), w) != kNegations.end();
}

// A negation glued to the claim: "noelectrolytes", "Nonelectrolyte", "withoutelectrolytes".
bool isGluedNegation(const std::string& w)
{
    for (std::string_view n : kNegations)
        if (w.size() > n.size() + 8 && w.rfind(n, 0) == 0 && isClaimWord(w.substr(n.size())))
            return true;
    return false;
}

// OCR dropped the space between the claim and a neighbouring word: "withElectrolytes", "ElectrolyteDrink".
// The claim part is taken where it matches best; a glued negation ("electrolytefree") is not a claim.
bool isGluedClaim(const std::string& w)
{
    if (w.size() < 12 || isGluedNegation(w))
        return false;
    std::size_t best = 99;
    for (std::size_t p = 2; p + 10 <= w.size(); ++p) // a word, then the claim
        for (std::string_view target : {"electrolytes", "electrolyte"})
            best = std::min(best, editDistance(w.substr(p), target));
    if (best <= 1)
        return true;
    for (std::string_view claim : {"electrolytes", "electrolyte"}) // the claim, then a word
        if (w.rfind(claim, 0) == 0 && w.size() >= claim.size() + 2) {
            const std::string rest = w.substr(claim.size());
            return rest.rfind("free", 0) != 0;
        }
    return false;
}

bool negatedBefore(const std::vector<Tok>& t, std::size_t i)
{
    if (i == 0)
        return false;
    const Tok& p = t[i - 1];
    // A 0 that ends the line before is a row's value ("Calories from Fat 0" / "Electrolyte Hydration"), not a
    // count; words still negate across a line break (a wrapped sentence: "contains no" / "electrolytes").
    if (p.digitZero)
        return !t[i].lineStart;
    if (isNegation(p.word) || p.word == "nonelectrolyte")
        return true;
    if (i >= 2 && t[i - 2].word == "free" && p.word == "of")
        return true;
    // "not an electrolyte replacement", "not electrolytes".
    if (p.word == "not" || (i >= 2 && t[i - 2].word == "not" && (p.word == "a" || p.word == "an")))
        return true;
    return false;
}

bool negatedAfter(const std::vector<Tok>& t, std::size_t i)
{
    return i + 1 < t.size() && t[i].hyphenAfter && t[i + 1].word == "free";
}

} // namespace

bool claimsElectrolytes(std::string_view text)
{
    std::vector<Tok> t = tokenize(text);
    for (std::size_t i = 0; i < t.size(); ++i) {
        bool claim = (isClaimWord(t[i].word) && !isGluedNegation(t[i].word)) || isGluedClaim(t[i].word);
        std::size_t last = i;
        // OCR or a line break split the word: "ELECTRO LYTES", "Electro-" / "lytes".
        if (!claim && i + 1 < t.size() && t[i].word.size() >= 3 && !isClaimWord(t[i + 1].word) &&
            isClaimWord(t[i].word + t[i + 1].word)) {
            claim = true;
            last = i + 1;
        }
        if (claim && !negatedBefore(t, i) && !negatedAfter(t, last))
            return true;
        // "oral rehydration solution/salts" (ORS) is an electrolyte product by definition.
        if (t[i].word == "oral" && i + 2 < t.size() && editDistance(t[i + 1].word, "rehydration") <= 2 &&
            (t[i + 2].word.rfind("solution", 0) == 0 || t[i + 2].word.rfind("salt", 0) == 0))
            return true;
    }
    return false;
}

bool claimsElectrolytes(const std::vector<std::string>& lines)
{
    std::string all;
    for (const auto& l : lines) {
        all += l;
        // A hyphen at the end of a line is a word break ("Electro-" / "lytes"); keep it joined.
        if (!all.empty() && all.back() == '-')
            all.pop_back();
        else
            all += '\n';
    }
    return claimsElectrolytes(std::string_view(all));
}

bool claimsElectrolytes(const std::vector<TextLine>& lines)
{
    std::vector<std::string> text;
    text.reserve(lines.size());
    for (const auto& l : lines)
        text.push_back(l.text());
    return claimsElectrolytes(text);
}

bool hintsAtElectrolytes(const std::vector<TextLine>& lines)
{
    constexpr std::string_view kWord = "electrolytes";
    constexpr std::size_t kShortest = 5;
    for (const auto& line : lines)
        for (const auto& w : line.words)
            for (const Tok& t : tokenize(w.text)) {
                if (t.word.size() < kShortest || t.word.size() > kWord.size() + 2)
                    continue;
                const std::size_t allowed = t.word.size() / 4;
                for (std::size_t from = 0; from + kShortest <= kWord.size(); ++from)
                    for (std::size_t n = kShortest; from + n <= kWord.size(); ++n)
                        if (editDistance(t.word, kWord.substr(from, n)) <= allowed)
                            return true;
            }
    return false;
}

} // namespace labelcheck::facts
