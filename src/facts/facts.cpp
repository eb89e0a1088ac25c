#include "labelcheck/facts/facts.hpp"

#include "labelcheck/facts/amount.hpp"
#include "labelcheck/facts/daily_value.hpp"
#include "labelcheck/facts/electrolyte_claim.hpp"
#include "labelcheck/facts/fuzzy.hpp"
#include "labelcheck/facts/nutrient_name.hpp"
#include "labelcheck/facts/panel_title.hpp"
#include "line_tokens.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace labelcheck::facts {

namespace {

using detail::Token;
using detail::TokenKind;

// A word of marks with no ASCII letter or digit and no parenthesis ("-", "|", "*", "=*", "¢"): a bullet, rule
// or speck as OCR read it.
bool isMarks(const Token& t)
{
    return t.kind == TokenKind::Word && t.opens == 0 && t.closes == 0 &&
           std::none_of(t.text.begin(), t.text.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
           });
}

// Words longer than this are not read as a garbled amount.
constexpr std::size_t kMaxValueWord = 8;

// A panel row being assembled from one or more lines.
struct Row {
    std::string name;
    std::optional<NameMatch> match;
    std::optional<Amount> amount;
    std::optional<DailyValue> dv;
    float nameConf = 1, amountConf = 1, dvConf = 1;
    int line = 0;                       // line of the name
    int lastLine = 0;                   // last line the row continued onto
    int valuesLine = -1;                // line the row's first value (amount or %DV) was read on
    bool lineStart = false;             // the name starts its line
    int depth = 0;                      // open parentheses in the name
    bool parenthetical = false;         // the name held a parenthetical ("(as magnesium bisglycinate)")
    int continuation = 0;               // lines appended to the name
    bool prose = false;                 // ordinary words follow the name outside parentheses
    bool inBlend = false;               // started under a blend row
    bool nameFromValues = false;        // the name read as no nutrient; its values or letters said which mineral
    bool garbled = false;               // a token standing for a value that did not read as one ("2#0mg", "Soong")
    std::optional<double> trailingBare; // a bare number after the amount ("Omg 4": a %DV that lost its '%')
    std::optional<double> gLost;        // a garbled value read as digits and an m ("130m": mg, its g cut off)
    std::vector<std::string> valueText; // the words where the amount stands, as read ("iS", "img")
    bool hasValues() const { return amount.has_value() || dv.has_value(); }
    // A printed whole %DV ("6%", not "<1%") that an amount can be checked against.
    bool hasWholePct() const { return dv && dv->pct && *dv->pct >= 1 && !dv->lessThan; }
    bool isBlend() const
    {
        std::string n = toLowerAscii(name);
        for (std::string_view w : {"blend", "complex", "matrix", "proprietary", "formula"})
            if (n.find(w) != std::string::npos)
                return true;
        // "Blend" one OCR edit off ("Bend", "Biend") as a word of its own.
        for (const auto& w : splitWords(n)) {
            const std::string word = lettersOnly(w);
            if (word.size() >= 4 && word.size() <= 6 && editDistance(word, "blend") <= 1)
                return true;
        }
        return false;
    }
};

enum class Section { Body, Prose };

std::string squash(std::string_view s)
{
    std::string out;
    for (char c : toLowerAscii(s))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    return out;
}

bool has(const std::string& s, std::string_view needle)
{
    return s.find(needle) != std::string::npos;
}

bool isValue(const Token& t)
{
    return t.kind != TokenKind::Word;
}

int countKind(const std::vector<Token>& toks, TokenKind k)
{
    return static_cast<int>(std::count_if(toks.begin(), toks.end(), [k](const Token& t) { return t.kind == k; }));
}

bool hasBox(const TextLine& l)
{
    return l.box.height > 0;
}

// Words a row name may carry after the nutrient without being prose.
bool isNameFiller(const std::string& folded)
{
    static constexpr std::string_view kFiller[] = {"as", "from", "dv",  "daily",   "value", "total",
                                                   "of", "and",  "per", "serving", "amount"};
    for (auto f : kFiller)
        if (folded == f)
            return true;
    return false;
}

// An ordinary word ("diet", "and", "Iron,"), as opposed to OCR garbage standing for values ("ZSOmg").
bool looksLikeWord(std::string_view t)
{
    while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ';' || t.back() == ':'))
        t.remove_suffix(1);
    if (t.size() < 3)
        return false;
    bool vowel = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        bool lower = c >= 'a' && c <= 'z';
        bool upper = c >= 'A' && c <= 'Z';
        if (!(lower || (upper && i == 0)))
            return false;
        char l = static_cast<char>(lower ? c : c - 'A' + 'a');
        vowel = vowel || l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
    }
    return vowel;
}

// A word standing for an amount the OCR garbled: it holds a digit ("2#0mg") or ends like a unit
// ("Soong", "Smg").
bool looksLikeGarbledAmount(std::string_view t)
{
    if (t.find_first_of("0123456789") != std::string_view::npos)
        return true;
    std::string l = toLowerAscii(t);
    while (!l.empty() && (l.back() == '.' || l.back() == ','))
        l.pop_back();
    auto endsWith = [&](std::string_view suf) {
        return l.size() > suf.size() && l.compare(l.size() - suf.size(), suf.size(), suf) == 0;
    };
    return l.size() <= 7 && (endsWith("mg") || endsWith("ng") || endsWith("mq") || endsWith("rng") || endsWith("mcg"));
}

std::vector<std::string> wordTexts(const std::vector<Token>& toks, std::size_t from)
{
    std::vector<std::string> w;
    for (std::size_t i = from; i < toks.size() && w.size() < 3; ++i) {
        if (toks[i].kind != TokenKind::Word)
            break;
        w.push_back(toks[i].text);
    }
    return w;
}

// "significant" as OCR reads it ("signficant", "signiflcant"): two edits at most.
bool significantWord(std::string_view word)
{
    const std::string w = lettersOnly(foldToLetters(word));
    return w.size() >= 9 && editDistance(w, "significant") <= 2;
}

// Index of the token starting "Not a significant source", or toks.size() when there is none.
std::size_t notSignificantStart(const std::vector<Token>& toks)
{
    for (std::size_t k = 0; k + 2 < toks.size(); ++k)
        if (squash(toks[k].text) == "not" && squash(toks[k + 1].text) == "a" && significantWord(toks[k + 2].text))
            return k;
    return toks.size();
}

// Lines that are titles, headers, footnotes or notes: never rows.
struct LineInfo {
    bool skip = false;
    bool enterProse = false;
    bool tableHeader = false;
    bool notSignificant = false;
};

LineInfo classify(const std::string& text, const std::vector<Token>& toks, bool tableSeen)
{
    LineInfo info;
    std::string s = squash(text);
    std::string lower = toLowerAscii(text);
    int amounts = countKind(toks, TokenKind::Amount);
    int percents = countKind(toks, TokenKind::Percent);
    if ((panelTitleIn(text) && amounts + percents == 0) || has(s, "servingsize") || has(s, "servingsper") ||
        has(s, "tamanodeporcion") || has(s, "porcionesporenvase"))
        info.skip = true;
    if ((has(s, "dailyvalue") || has(s, "dailyvalues")) &&
        (has(s, "basedon") || has(s, "tellsyou") || has(s, "notestablished") || has(s, "higherorlower") ||
         has(s, "maybe")))
        info.skip = true;
    if (has(s, "caloriediet") || has(s, "caloriespergram") || has(s, "2000caloriesaday") || has(s, "notestablished") ||
        has(s, "generalnutritionadvice"))
        info.skip = true;
    if (has(s, "calories2000") || (has(s, "calories") && has(s, "20002500"))) {
        info.skip = true;
        info.tableHeader = true;
    }
    // The old footnote table: "Sodium Less than 2,400mg 2,400mg", "Potassium 3,500mg 3,500mg".
    if (has(s, "lessthan") && amounts >= 2 && percents == 0)
        info.skip = true;
    if (tableSeen && amounts >= 2 && percents == 0)
        info.skip = true;
    if (has(lower, "provides") || has(lower, "contributes") || lower.rfind("plus ", 0) == 0 ||
        has(lower, "when mixed") || has(lower, "prepared with"))
        info.skip = true;
    if (has(s, "notasignificant") || notSignificantStart(toks) < toks.size())
        info.notSignificant = true;
    return info;
}

// Where ingredient lists, warnings and directions begin on a line ("Other ingredients:", "WARNING:",
// "Keep out of reach"), or nullopt.
std::optional<std::size_t> proseStart(const std::vector<Token>& toks)
{
    for (std::size_t k = 0; k < toks.size(); ++k) {
        if (toks[k].kind != TokenKind::Word)
            continue;
        std::string w = lettersOnly(foldToLetters(toks[k].text));
        std::string next = k + 1 < toks.size() ? lettersOnly(foldToLetters(toks[k + 1].text)) : std::string();
        if (w.rfind("ingredient", 0) == 0 || w == "warning" || w == "warnings" || w == "caution" || w == "consult" ||
            w == "directions" || w == "allergen" || w == "advertencia" || (w == "keep" && next == "out") ||
            (w == "manufactured" && next == "for") || (w == "distributed" && next == "by") ||
            (w == "suggested" && next == "use"))
            return k;
    }
    return std::nullopt;
}

// A header prefix on a row line: "Amount Per Serving Calories 10".
std::size_t headerWords(const std::vector<Token>& toks)
{
    std::vector<std::string> w;
    for (std::size_t i = 0; i < toks.size() && i < 3; ++i)
        w.push_back(squash(toks[i].text));
    if (w.size() >= 3 && w[0] == "amount" && w[1] == "per" && w[2] == "serving")
        return 3;
    return 0;
}

std::string servingSizeFrom(const std::string& text)
{
    std::string lower = toLowerAscii(text);
    auto pos = lower.find("serving size");
    std::size_t skip = 12;
    if (pos == std::string::npos) {
        pos = lower.find("servingsize");
        skip = 11;
    }
    if (pos == std::string::npos)
        return {};
    std::string rest = text.substr(pos + skip);
    auto trimFront = [&] {
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':'))
            rest.erase(rest.begin());
    };
    trimFront();
    // Bilingual: "Serving Size/Tamaño por Porción 1 Stick (6 g)".
    if (!rest.empty() && rest.front() == '/') {
        auto digit = rest.find_first_of("0123456789");
        rest = digit == std::string::npos ? std::string() : rest.substr(digit);
    }
    trimFront();
    while (!rest.empty() && rest.back() == ' ')
        rest.pop_back();
    return rest;
}

// ---------------------------------------------------------------------------------------------------------
// Mineral values

double mgOf(const Amount& a, AmountUnit unit)
{
    return toMg(a.value, unit);
}

// Of the readings of the last word or two where a row's amount stands, the one that `fits`; of several that fit,
// the one whose glyphs read as their likeliest digits more often than any other's ("4smg 3%": 45 mg, the s a 5,
// before 43 mg); nullopt when none fits or two (by mg) fit equally likely.
template <typename Fits> std::optional<Amount> uniqueLookalike(const std::vector<std::string>& words, Fits fits)
{
    std::optional<Amount> fit;
    std::vector<double> fitsMg;
    bool tied = false;
    const std::size_t n = words.size();
    for (std::size_t take = 1; take <= std::min<std::size_t>(2, n); ++take) {
        std::string text;
        for (std::size_t i = n - take; i < n; ++i)
            text += words[i];
        for (const Amount& a : lookalikeAmounts(text)) {
            const double mg = toMg(a.value, *a.unit);
            if (!fits(a) || std::find(fitsMg.begin(), fitsMg.end(), mg) != fitsMg.end())
                continue;
            fitsMg.push_back(mg);
            if (!fit || a.lookalikeRank < fit->lookalikeRank) {
                fit = a;
                tied = false;
            } else if (a.lookalikeRank == fit->lookalikeRank) {
                tied = true;
            }
        }
    }
    if (!fit || tied)
        return std::nullopt;
    return fit;
}

// The reading of a garbled amount that the row's whole %DV rounds from, when only one does.
std::optional<Amount> amountFromLookalikes(Mineral m, const std::vector<std::string>& words, double pct)
{
    return uniqueLookalike(words, [&](const Amount& a) { return roundsToDailyValue(m, toMg(a.value, *a.unit), pct); });
}

// Below this confidence a zero amount without a "0%" to confirm it is not a reading. On 208 generated photos the
// four unconfirmed zeros read right had 0.53-0.70; the one read wrong ("Omg" for a blurred 70 mg) had 0.06.
constexpr float kWeakZeroConfidence = 0.3f;

// "800 mg <1%": an amount in mg that a "<1%" Daily Value rules out, but that fits it in mcg (the c of "mcg" lost,
// or "µg" read as "mg"). Only from 100 up: 100 mg is 2 % or more of each mineral's Daily Value, so no such amount
// stands beside "<1%", while a smaller one may be a garbled amount in mg ("Somg <1%").
bool mcgReadAsMg(Mineral m, double value, std::optional<AmountUnit> unit, const Row& row)
{
    const bool belowOnePct = row.dv && row.dv->pct && row.dv->lessThan;
    return belowOnePct && unit == AmountUnit::Mg && value >= 100 && !fitsDailyValue(m, value, *row.dv->pct) &&
           fitsDailyValue(m, toMg(value, AmountUnit::Mcg), *row.dv->pct);
}

struct Resolved {
    std::optional<MineralAmount> value;
    bool unreadable = false;
    bool amountUnread = false; // `value` estimated from the %DV though an amount was printed
};

// Turns a mineral row into the contract's MineralAmount, correcting unit misreadings against the %DV.
Resolved resolveMineral(Mineral m, const Row& row, DvEra era)
{
    Resolved r;
    std::optional<double> pct = row.dv && row.dv->pct ? row.dv->pct : std::nullopt;
    const bool wholePct = row.hasWholePct();
    float conf = std::min(row.nameConf, 1.0f);
    if (row.amount)
        conf = std::min(conf, row.amountConf);
    if (row.dv)
        conf = std::min(conf, row.dvConf);
    bool fixed =
        (row.amount && row.amount->ocrFixed) || (row.dv && row.dv->ocrFixed) || (row.match && row.match->distance > 0);
    float factor = fixed ? 0.85f : 1.0f;
    if (row.nameFromValues)
        factor *= 0.7f;

    MineralAmount out;
    out.dailyValuePct = pct;
    if (row.amount && !row.amount->lessThan) {
        const Amount& a = *row.amount;
        std::optional<AmountUnit> unit = a.unit;
        double value = a.value;
        if (!unit && !a.unitText.empty()) {
            // A non-mass unit (IU, kcal) on a mineral row is a misreading; fall through to the %DV.
        } else if (!unit && !pct && !a.trailingNineAsGram &&
                   ((a.value > 0 && a.value < 5) || a.value > 2000 || row.garbled)) {
            // A bare number with nothing to check it against that no label would print for these
            // minerals without a unit ("1", "7402"), or next to garbage: not a reading.
        } else if (!unit && !pct && a.trailingNineAsGram && a.ocrFixed) {
            // A bare number that is one only through a glyph fix, then a g only through its 9, with nothing to check
            // either against: not a reading ("Sodium 079" for "Sodium 0mg" would be 0.7 g, its point restored).
        } else if (!unit) {
            // Bare number: "0.29" may be "0.2g" with the g read as 9; otherwise assume mg.
            std::optional<std::pair<double, AmountUnit>> pick;
            std::pair<double, AmountUnit> asMg{value, AmountUnit::Mg};
            std::optional<std::pair<double, AmountUnit>> asGram;
            if (a.trailingNineAsGram)
                asGram = std::make_pair(*a.trailingNineAsGram, AmountUnit::G);
            if (pct && !row.dv->lessThan) {
                if (asGram && fitsDailyValue(m, toMg(asGram->first, AmountUnit::G), *pct))
                    pick = asGram;
                else if (fitsDailyValue(m, value, *pct))
                    pick = asMg;
            }
            if (!pick && !wholePct) {
                bool decimal = a.value != std::floor(a.value);
                pick = (asGram && decimal) ? *asGram : asMg;
                // Four digits or more ending in 9 with no unit: "190mg" read as "1909", the m lost and the g
                // read as 9. No serving's sodium or potassium is printed as a bare four-digit number.
                if (asGram && !decimal && a.value >= 1000)
                    pick = std::make_pair(asGram->first, AmountUnit::Mg);
            }
            // A bare number that fits the row's %DV in no unit is another row's or a misread ("Calcium 11%
            // Iron 904" for "Iron 90%"): the %DV below gives the estimate.
            if (pick) {
                value = pick->first;
                unit = pick->second;
                factor *= 0.7f; // the unit was not read
            }
        } else if (wholePct && !fitsDailyValue(m, toMg(value, *unit), *pct)) {
            // The printed unit disagrees with the %DV: try the usual misreadings (mg read as g, g as mg,
            // mcg for mg) and take one only when the %DV rounds from it: a loose fit would take "270mg 1%" (11 %
            // with its first 1 lost) for 270 mcg, 0.01 % of sodium's Daily Value.
            std::optional<AmountUnit> alt;
            for (AmountUnit u : {AmountUnit::Mg, AmountUnit::G, AmountUnit::Mcg})
                if (u != *unit && roundsToDailyValue(m, toMg(value, u), *pct)) {
                    alt = u;
                    break;
                }
            // A speck read before the amount may be a digit it lost ("Sodium | 30mg 6%" for 130 mg): of the readings
            // of the words where the amount stands, the one the %DV rounds from.
            std::optional<Amount> speckDigit;
            if (!alt && row.valueText.size() >= 2)
                speckDigit = amountFromLookalikes(m, row.valueText, *pct);
            if (alt) {
                unit = alt;
                factor *= 0.8f;
            } else if (speckDigit) {
                value = speckDigit->value;
                unit = speckDigit->unit;
                factor *= 0.7f;
            } else if (row.amountConf < row.dvConf || a.ocrFixed) {
                // Amount and %DV disagree and the amount was the shakier read ("320mg 7%" read as
                // "3270mq 7%"): estimate from the %DV instead.
                unit.reset();
            } else {
                factor *= 0.7f; // inconsistent, kept as printed
            }
        } else if (mcgReadAsMg(m, value, unit, row)) {
            unit = AmountUnit::Mcg;
            factor *= 0.8f;
        } else if (!pct && row.trailingBare && *row.trailingBare >= 1 && *row.trailingBare <= 100 &&
                   row.valueText.size() >= 2 && !roundsToDailyValue(m, toMg(value, *unit), *row.trailingBare)) {
            // The same with the %DV's sign lost too ("Sodaum | 30mg 6", seed 777's 006): a bare number after the
            // amount is taken for the %DV when exactly one reading with the speck as a digit rounds to it.
            if (auto speckDigit = amountFromLookalikes(m, row.valueText, *row.trailingBare)) {
                value = speckDigit->value;
                unit = speckDigit->unit;
                out.dailyValuePct = *row.trailingBare;
                factor *= 0.7f;
            }
        }
        // An amount read through a glyph fix that the %DV does not round from ("iS img 1%" read as 1 mg):
        // another reading of the same words may.
        if (unit && a.ocrFixed && wholePct && !roundsToDailyValue(m, toMg(value, *unit), *pct))
            if (auto alt = amountFromLookalikes(m, row.valueText, *pct)) {
                value = alt->value;
                unit = alt->unit;
                factor *= 0.7f;
            }
        // "Potassium Omg 4": a zero next to a %DV that lost its '%' cannot both be right.
        bool contradicted = unit && value == 0 && !pct && row.trailingBare && *row.trailingBare > 0;
        // No serving holds 10 g of any of these minerals: a misread ("12g" from the next row).
        if (unit && toMg(value, *unit) > 10000)
            contradicted = true;
        // A zero that no "0%" beside it confirms, read this poorly ("Potassium Omg" for a blurred "70mg"), would
        // accuse the maker of leaving the mineral out: the row is unreadable instead.
        if (unit && value == 0 && !(pct && *pct == 0) && conf * factor < kWeakZeroConfidence) {
            r.unreadable = true;
            return r;
        }
        if (unit && !contradicted) {
            out.amount = value;
            out.unit = unit;
            out.mg = toMg(value, *unit);
            out.confidence = conf * factor;
            r.value = out;
            return r;
        }
    }
    if ((wholePct || (pct && *pct == 0 && !row.dv->lessThan)) && row.gLost && fitsDailyValue(m, *row.gLost, *pct)) {
        // "130m 6%": an amount in mg whose g was cut off, taken when the %DV agrees; "20m 0%" too (a printed
        // 0% stands for an amount too small to round to 1%, which the %DV's estimate would make zero).
        out.amount = *row.gLost;
        out.unit = AmountUnit::Mg;
        out.mg = *row.gLost;
        out.confidence = conf * factor * 0.7f;
        r.value = out;
        return r;
    }
    if (pct && row.dv->lessThan && !row.valueText.empty()) {
        // A garbled amount next to "<1%" ("B00 mg <1%" for 800 mcg): the one reading that fits it, in its unit or
        // in mcg read as mg.
        const auto fits = [&](const Amount& a) {
            return fitsDailyValue(m, toMg(a.value, *a.unit), *pct) || mcgReadAsMg(m, a.value, a.unit, row);
        };
        if (auto a = uniqueLookalike(row.valueText, fits)) {
            out.amount = a->value;
            out.unit = mcgReadAsMg(m, a->value, a->unit, row) ? AmountUnit::Mcg : *a->unit;
            out.mg = toMg(a->value, *out.unit);
            out.confidence = conf * factor * 0.7f;
            r.value = out;
            return r;
        }
    }
    if (wholePct && !row.valueText.empty()) {
        // The amount did not read, or disagrees with the %DV: OCR's glyph confusions ("somg 1%", "iS img 1%",
        // "llimg 3%") may give one reading, and only one, that the %DV rounds from.
        if (auto a = amountFromLookalikes(m, row.valueText, *pct)) {
            out.amount = a->value;
            out.unit = a->unit;
            out.mg = toMg(a->value, *a->unit);
            out.confidence = conf * factor * 0.7f;
            r.value = out;
            return r;
        }
    }
    if (pct) {
        // Declared as a %DV only (or the amount could not be read): estimate from the era's Daily Value.
        out.mg = *pct / 100.0 * dailyValues(era).of(m);
        out.estimated = true;
        r.amountUnread = (row.amount && !row.amount->lessThan) || row.garbled;
        if (r.amountUnread)
            factor *= 0.5f; // an amount was printed but could not be read
        out.confidence = conf * factor;
        r.value = out;
        return r;
    }
    if (row.amount && row.amount->lessThan && row.amount->unit) {
        // "Less than 5 mg": report the bound halved, like "<1%" is 0.5.
        out.amount = row.amount->value;
        out.unit = row.amount->unit;
        out.mg = mgOf(*row.amount, *row.amount->unit) / 2.0;
        out.estimated = true;
        out.confidence = conf * factor;
        r.value = out;
        return r;
    }
    r.unreadable = true;
    return r;
}

// ---------------------------------------------------------------------------------------------------------

// The panel type of a read without its title, from its rows. Calories and carbohydrate rows are printed on both
// kinds; a Supplement Facts panel (21 CFR 101.36) names a mineral's source ("Sodium (as sodium citrate)") and
// marks nutrients without a Daily Value ("Daily Value not established"), which a Nutrition Facts panel does not,
// while the latter always prints Total Fat and Protein (21 CFR 101.9).
PanelType panelTypeFromRows(const std::vector<Nutrient>& nutrients, const std::vector<std::string>& texts)
{
    const auto named = [&](std::string_view canonical) {
        return std::any_of(nutrients.begin(), nutrients.end(),
                           [&](const Nutrient& n) { return n.canonical == canonical; });
    };
    const int nutritionOnly = named("total fat") + named("saturated fat") + named("trans fat") + named("cholesterol") +
                              named("dietary fiber") + named("protein");
    const bool sourceNamed = std::any_of(nutrients.begin(), nutrients.end(), [](const Nutrient& n) {
        const std::string name = toLowerAscii(n.name);
        const auto at = name.find("(as");
        return n.mineral && at != std::string::npos &&
               (at + 3 == name.size() || !std::isalpha(static_cast<unsigned char>(name[at + 3])));
    });
    const bool noDailyValue = std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
        return toLowerAscii(t).find("not establ") != std::string::npos;
    });
    if ((sourceNamed || noDailyValue) && nutritionOnly < 2)
        return PanelType::SupplementFacts;
    const bool nutritionRows = nutritionOnly > 0 || named("calories") || named("total carbohydrate");
    return nutritionRows ? PanelType::NutritionFacts : PanelType::SupplementFacts;
}

class Parser {
  public:
    explicit Parser(const std::vector<TextLine>& lines) : lines_(lines)
    {
        for (const auto& l : lines)
            hasBoxes_ = hasBoxes_ || hasBox(l);
    }

    Facts run();

  private:
    void parseLine(int li, const std::vector<Token>& toks);
    void notSignificantLine(const std::string& text);
    bool startsRow(const std::vector<Token>& toks, std::size_t k, std::optional<NameMatch>& match) const;
    bool canContinue(const Row& pending, int li, const std::vector<Token>& toks) const;
    void assign(Row& row, const Token& t, int line);
    void attachOrphans();
    void nameGarbledRows();
    void pairColumnBlocks(const std::vector<std::vector<Token>>& allTokens);
    void finishRowName(Row& row, const std::vector<Token>& toks, std::size_t from, std::size_t to);

    const std::vector<TextLine>& lines_;
    bool hasBoxes_ = false;
    std::vector<Row> rows_;
    std::optional<std::size_t> pending_; // a row whose values may come on the next line
    struct Orphan {
        int line;
        std::vector<Token> values;
    };
    std::vector<Orphan> orphans_;
    std::optional<std::pair<std::size_t, int>> lastRowOfLine_; // last row touched and its line
    std::map<int, int> pairedName_; // without boxes: value-only line -> name line of a column block
    bool blendActive_ = false;
    MineralFlags blendMentions_{};
    MineralFlags notSignificant_{};
    int notSigLines_ = 0; // lines left in an open "Not a significant source of" sentence
};

bool Parser::startsRow(const std::vector<Token>& toks, std::size_t k, std::optional<NameMatch>& match) const
{
    match = matchNutrientName(wordTexts(toks, k), 0);
    if (!match)
        return false;
    if (match->mineral) {
        std::size_t next = k + match->words;
        // "Sodium Citrate", "Magnesium Stearate", "Sodium-free": a compound or a phrase, not a row.
        if (next < toks.size() && toks[next].kind == TokenKind::Word &&
            (isElectrolyteCompoundWord(toks[next].text) || isExcipientCompoundWord(toks[next].text)))
            return false;
        std::string lower = toLowerAscii(toks[k].text);
        if (lower.find('-') != std::string::npos)
            return false;
        // "Sodium, Potassium, Magnesium": a list of names (blend contents).
        if (toks[k].separatorAfter && (next >= toks.size() || toks[next].kind == TokenKind::Word))
            return false;
    }
    return true;
}

bool Parser::canContinue(const Row& pending, int li, const std::vector<Token>& toks) const
{
    // Up to two wrapped lines, five inside an open parenthetical (narrow columns: "Sodium (as" / "sodium" /
    // "chloride and" / "sodium" / "citrate) 20 mg"); and then a line of values alone, set below the name's last
    // line ("Sodium (as" / "Sodium" / "Bicarbonate)" / "480 mg 21%").
    const bool valuesAlone = !toks.empty() && std::all_of(toks.begin(), toks.end(),
                                                          [](const Token& t) { return t.kind != TokenKind::Word; });
    // A parenthetical, once closed, keeps its allowance for the line of values after it: "Magnesium" / "(as" /
    // "Magnesium" / "Bisglycinate)" / "160mg 38%" (seed 777's 084, where the row lost its values).
    const bool parenthetical = pending.depth > 0 || (pending.parenthetical && valuesAlone);
    if (pending.hasValues() || pending.continuation >= (parenthetical ? 5 : 2) + (valuesAlone ? 1 : 0))
        return false;
    // A new nutrient name starts a new row; inside an open parenthetical only when it carries values
    // ("(as" / "magnesium" / "oxide) 15mg" continues, "Sodium 95mg 4%" does not).
    std::optional<NameMatch> m;
    if (!toks.empty() && toks[0].kind == TokenKind::Word && toks[0].closes == 0 && startsRow(toks, 0, m) &&
        (pending.depth == 0 || std::any_of(toks.begin(), toks.end(), [](const Token& t) {
             return t.kind == TokenKind::Percent || (t.kind == TokenKind::Amount && !t.amount.unitText.empty());
         })))
        return false;
    if (pending.depth == 0 && !toks.empty()) {
        // Outside a parenthetical the values were on the row's own line when something stood there
        // ("Magnesium Smg 1."), and a wrap continues with values, a parenthesis or a lower-case word;
        // a capitalised word starts another row ("Electrolyte Blend 12g").
        if (pending.garbled)
            return false;
        const Token& first = toks.front();
        char c = first.text.empty() ? ' ' : first.text.front();
        if (first.kind == TokenKind::Word && !(c == '(' || c == '[' || (c >= 'a' && c <= 'z')))
            return false;
    }
    if (hasBoxes_ && hasBox(lines_[static_cast<std::size_t>(pending.lastLine)]) &&
        hasBox(lines_[static_cast<std::size_t>(li)])) {
        const Box& p = lines_[static_cast<std::size_t>(pending.lastLine)].box;
        const Box& c = lines_[static_cast<std::size_t>(li)].box;
        double pc = p.y + p.height / 2.0, cc = c.y + c.height / 2.0;
        // Same row (column to the right) or the line just below; never a line above.
        if (cc < pc - 0.6 * p.height || cc > pc + 2.6 * p.height)
            return false;
    }
    return true;
}

void Parser::assign(Row& row, const Token& t, int line)
{
    if (!row.hasValues() && (t.kind == TokenKind::Amount || t.kind == TokenKind::Percent))
        row.valuesLine = line;
    if (t.kind == TokenKind::Amount) {
        if (!row.amount) {
            row.amount = t.amount;
            row.amountConf = t.confidence;
            row.valueText.push_back(t.text);
        } else if (!row.dv && !row.trailingBare && t.amount.unitText.empty()) {
            row.trailingBare = t.amount.value;
        } else if (!row.dv && row.amount->unitText.empty() && !t.amount.unitText.empty() && row.valueText.size() == 1) {
            // A bare number, then an amount in a unit: a footnote's mark or a speck read as a digit ("Magnesium 1]
            // 10mg 2%"), or a number split in two ("1 10mg 26%"). The row's %DV picks between them (one word or both,
            // amountFromLookalikes) when the bare number does not fit it.
            row.valueText.push_back(t.text);
        }
    } else if (t.kind == TokenKind::Percent) {
        if (!row.dv || (row.dv->noDailyValue && !row.dv->pct)) {
            // First column only: a %DV after a second amount belongs to the second column.
            row.dv = t.dv;
            row.dvConf = t.confidence;
        }
    } else if (t.kind == TokenKind::Dagger) {
        if (!row.dv && row.amount) {
            row.dv = t.dv;
            row.dvConf = t.confidence;
        }
    }
}

void Parser::notSignificantLine(const std::string& text)
{
    std::string lower = toLowerAscii(text);
    auto pos = lower.find("source of");
    std::string tail = pos == std::string::npos ? lower : lower.substr(pos);
    std::string word;
    auto flush = [&] {
        if (auto m = matchMineralWord(word))
            notSignificant_[index(*m)] = true;
        word.clear();
    };
    for (char c : tail) {
        if (c == ' ' || c == ',' || c == '.' || c == ';' || c == '/')
            flush();
        else
            word += c;
    }
    flush();
    notSigLines_ = lower.find('.') != std::string::npos ? 0 : notSigLines_ - 1;
}

void Parser::finishRowName(Row& row, const std::vector<Token>& toks, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        const Token& t = toks[i];
        if (!row.name.empty())
            row.name += ' ';
        row.name += t.text;
        int depthBefore = row.depth;
        row.depth += t.opens - t.closes;
        if (row.depth < 0)
            row.depth = 0;
        row.parenthetical = row.parenthetical || t.opens > 0;
        bool garbage = depthBefore == 0 && t.opens == 0 && looksLikeGarbledAmount(t.text);
        if (garbage)
            row.garbled = true;
        if (garbage && t.text.size() >= 2 && t.text.back() == 'm')
            if (auto v = parseNumber(std::string_view(t.text).substr(0, t.text.size() - 1)))
                row.gLost = *v;
        // Short words after the name and outside parentheses may be a garbled amount ("Sodium somg 1%").
        const bool afterName = i >= from + (row.match ? row.match->words : 0);
        if (afterName && depthBefore == 0 && t.opens == 0 && t.closes == 0 && t.text.size() <= kMaxValueWord)
            row.valueText.push_back(t.text);
        else if (afterName)
            row.valueText.clear();
        std::string folded = lettersOnly(foldToLetters(t.text));
        // Ordinary words after the nutrient and outside parentheses: "sodium diet", "calcium and iron".
        if (!garbage && depthBefore == 0 && t.opens == 0 && folded.size() >= 3 && looksLikeWord(t.text) &&
            !isNameFiller(folded) && !matchNutrientName(std::vector<std::string>{t.text}, 0) &&
            t.text.find('/') == std::string::npos && i > from + (row.match ? row.match->words - 1 : 0))
            row.prose = true;
    }
}

void Parser::parseLine(int li, const std::vector<Token>& toks)
{
    std::optional<std::size_t> cur;
    const std::size_t header = headerWords(toks);
    std::size_t k = header;
    // Leading marks with no letters or digits ("-", "|", "*"): bullets, rules or specks.
    while (k < toks.size() && isMarks(toks[k]))
        ++k;
    if (pending_) {
        if (header == 0 && !pairedName_.count(li) && canContinue(rows_[*pending_], li, toks)) {
            cur = pending_;
            rows_[*cur].continuation++;
            rows_[*cur].lastLine = li;
        }
        pending_.reset();
    }
    bool lineStart = true;
    std::size_t nameFrom = 0;
    bool collectingName = cur.has_value();
    if (collectingName)
        nameFrom = k;
    bool lastWasValue = false;
    bool lastSeparator = false;
    for (; k < toks.size(); ++k) {
        const Token& t = toks[k];
        // Marks with no letter or digit right after a value are a bullet as OCR read it ("Iron 5% =* Magnesium
        // 22%", "Iron 5% © Magnesium 22%"): a run-in list goes on.
        if (lastWasValue && isMarks(t)) {
            lastSeparator = true;
            continue;
        }
        if (t.kind == TokenKind::Word) {
            Row* row = cur ? &rows_[*cur] : nullptr;
            if (row && !row->hasValues()) {
                // Still in the name (continued from the previous line or words after the nutrient).
                if (!collectingName) {
                    collectingName = true;
                    nameFrom = k;
                }
            } else if (row && row->depth > 0) {
                // Trailing parenthetical after the values: "(5% DV)", "(Sodium Citrate, ...)".
                row->depth += t.opens - t.closes;
                if (row->depth < 0)
                    row->depth = 0;
                if (row->isBlend())
                    if (auto m = matchMineralWord(t.text))
                        blendMentions_[index(*m)] = true;
            } else {
                std::optional<NameMatch> match;
                bool known = startsRow(toks, k, match);
                bool runIn = !lineStart && row && row->hasValues() && (lastWasValue || lastSeparator);
                // A name in the middle of a text line ("220mg sodium") starts a row that only counts if
                // values follow it: rows that are not at a line start are dropped when valueless.
                if (known && (lineStart || runIn || !row)) {
                    Row nr;
                    nr.match = match;
                    nr.line = li;
                    nr.lastLine = li;
                    nr.lineStart = lineStart;
                    // "Sodium (as ...)" declares a row even right under a blend's contents.
                    bool sourceParen = k + match->words < toks.size() &&
                                       (squash(toks[k + match->words].text) == "as" ||
                                        squash(toks[k + match->words].text) == "from") &&
                                       toks[k + match->words].opens > 0;
                    nr.inBlend = blendActive_ && !sourceParen;
                    rows_.push_back(nr);
                    cur = rows_.size() - 1;
                    collectingName = true;
                    nameFrom = k;
                } else if (lineStart && !known) {
                    // Mineral compound or list at the start ("Sodium Citrate, Magnesium Lactate") or an
                    // unknown name ("Electrolyte Blend 1.2 g", "L-Glutamine 500mg").
                    bool mineralish = matchMineralWord(t.text).has_value() || prefixedMineralWord(t.text).has_value();
                    if (mineralish) {
                        if (blendActive_ || t.separatorAfter)
                            if (auto m = matchMineralWord(t.text))
                                blendMentions_[index(*m)] = true;
                    } else {
                        Row nr;
                        nr.line = li;
                        nr.lastLine = li;
                        nr.lineStart = true;
                        nr.inBlend = blendActive_;
                        rows_.push_back(nr);
                        cur = rows_.size() - 1;
                        collectingName = true;
                        nameFrom = k;
                    }
                } else if (!known && blendActive_) {
                    if (auto m = matchMineralWord(t.text))
                        blendMentions_[index(*m)] = true;
                }
            }
            lastWasValue = false;
        } else {
            if (cur && collectingName) {
                Row& row = rows_[*cur];
                finishRowName(row, toks, nameFrom, k);
                collectingName = false;
                if (!row.name.empty() && row.nameConf == 1.0f)
                    row.nameConf = toks[nameFrom].confidence;
            }
            if (cur) {
                Row& row = rows_[*cur];
                // Bare numbers inside the name's parenthetical are not the row's; a %DV or an amount with
                // a unit is, and means the closing parenthesis was lost.
                bool strong =
                    t.kind == TokenKind::Percent || (t.kind == TokenKind::Amount && !t.amount.unitText.empty());
                if (row.depth == 0 || row.hasValues() || strong) {
                    if (!row.hasValues())
                        row.depth = 0;
                    assign(row, t, li);
                }
                row.depth = std::max(0, row.depth + t.opens - t.closes);
            } else if (lineStart && lastRowOfLine_ && lastRowOfLine_->second == li - 1 &&
                       std::any_of(toks.begin() + static_cast<std::ptrdiff_t>(k), toks.end(),
                                   [](const Token& x) { return x.kind == TokenKind::Word; })) {
                // A run-in panel wrapped mid-row: "Total Fat 0g" / "(0% DV), Sodium 250mg ...".
                cur = lastRowOfLine_->first;
                Row& row = rows_[*cur];
                if (row.depth == 0 || row.hasValues())
                    assign(row, t, li);
                row.depth = std::max(0, row.depth + t.opens - t.closes);
            } else if (lineStart) {
                // A line of values only: the amount column of a name printed elsewhere.
                Orphan o{li, {}};
                for (std::size_t j = k; j < toks.size() && isValue(toks[j]); ++j)
                    o.values.push_back(toks[j]);
                orphans_.push_back(std::move(o));
                return;
            }
            lastWasValue = true;
        }
        lastSeparator = t.separatorAfter;
        lineStart = false;
    }
    if (cur && collectingName) {
        Row& row = rows_[*cur];
        finishRowName(row, toks, nameFrom, toks.size());
        if (row.nameConf == 1.0f && nameFrom < toks.size())
            row.nameConf = toks[nameFrom].confidence;
    }
    if (cur) {
        Row& row = rows_[*cur];
        if (!row.hasValues() && (row.lineStart || row.continuation > 0) && row.match)
            pending_ = cur;
        lastRowOfLine_ = std::make_pair(*cur, li);
    } else {
        lastRowOfLine_.reset();
    }
    // Blend contents run until the next row with values that is not itself a blend.
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const Row& r = rows_[i];
        if (r.line != li || !r.hasValues())
            continue;
        blendActive_ = r.isBlend();
    }
}

void Parser::pairColumnBlocks(const std::vector<std::vector<Token>>& all)
{
    auto nameOnly = [&](std::size_t i) {
        const auto& t = all[i];
        std::optional<NameMatch> m;
        return !t.empty() && t[0].kind == TokenKind::Word && std::none_of(t.begin(), t.end(), isValue) &&
               startsRow(t, 0, m);
    };
    auto valueOnly = [&](std::size_t i) {
        const auto& t = all[i];
        return !t.empty() && std::all_of(t.begin(), t.end(), isValue);
    };
    std::size_t i = 0;
    while (i < all.size()) {
        std::size_t a = i;
        while (i < all.size() && nameOnly(i))
            ++i;
        std::size_t b = i;
        while (i < all.size() && valueOnly(i))
            ++i;
        std::size_t c = i;
        if (b - a >= 2 && c - b == b - a)
            for (std::size_t j = 0; j < b - a; ++j)
                pairedName_[static_cast<int>(b + j)] = static_cast<int>(a + j);
        if (i == a)
            ++i;
    }
}

// A row whose name OCR garbled past matching is the mineral its values or its first letters say, when the name is
// about as long as that mineral's and no other row declares that mineral:
// - with a whole %DV, the one mineral under whose Daily Value its amount in mg rounds to it, and whose first letter
//   the name has ("Cachan 30mg 2%" for "Calcium 30mg 2%": 30 mg is 2 % only of calcium's). The amount and %DV read
//   together say which Daily Value the row was printed against;
// - with no %DV read, an amount in a mass unit, and the name's first three letters the mineral's ("Sodan 202mg",
//   "Magresasn 10mg"): no other nutrient a panel lists starts so, and Calories has no mass unit.
void Parser::nameGarbledRows()
{
    for (Row& r : rows_) {
        if (r.match || !r.lineStart || r.inBlend || r.prose || !r.amount || r.amount->lessThan || !r.amount->unit)
            continue;
        const auto words = splitWords(r.name);
        if (words.empty())
            continue;
        const std::string word = lettersOnly(foldToLetters(words.front()));
        if (word.size() < 5)
            continue;
        std::optional<Mineral> only;
        std::size_t letters = 1; // of the mineral's name, the name must begin with
        if (r.hasWholePct()) {
            if (r.amount->unit != AmountUnit::Mg)
                continue;
            int fits = 0;
            for (Mineral m : kMinerals)
                if (roundsToDailyValue(m, r.amount->value, *r.dv->pct)) {
                    only = m;
                    ++fits;
                }
            if (fits != 1)
                continue;
        } else if (!r.dv) {
            letters = 3;
            for (Mineral m : kMinerals)
                if (word.compare(0, letters, mineralName(m), 0, letters) == 0)
                    only = m;
            if (!only)
                continue;
        } else {
            continue;
        }
        const std::string name(mineralName(*only));
        if (word.compare(0, letters, name, 0, letters) != 0 || word.size() + 3 < name.size() ||
            word.size() > name.size() + 2)
            continue;
        const bool declared = std::any_of(rows_.begin(), rows_.end(), [&](const Row& o) {
            return o.match && o.match->mineral == only && o.hasValues();
        });
        if (!declared) {
            r.match = NameMatch{name, only, 1, editDistance(word, name)};
            r.nameFromValues = true;
        }
    }
}

void Parser::attachOrphans()
{
    if (orphans_.empty())
        return;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const Row& r = rows_[i];
        if (!r.hasValues() && r.lineStart && r.match && !r.prose && !r.inBlend)
            candidates.push_back(i);
    }
    if (candidates.empty())
        return;
    if (hasBoxes_) {
        for (const Orphan& o : orphans_) {
            const Box& ob = lines_[static_cast<std::size_t>(o.line)].box;
            std::optional<std::size_t> best;
            double bestOverlap = 0;
            for (std::size_t c : candidates) {
                Row& r = rows_[c];
                if (r.hasValues())
                    continue;
                const Box& nb = lines_[static_cast<std::size_t>(r.line)].box;
                double top = std::max(ob.y, nb.y), bottom = std::min(ob.y + ob.height, nb.y + nb.height);
                double overlap = (bottom - top) / std::max(1, std::min(ob.height, nb.height));
                if (overlap > 0.3 && nb.x < ob.x && overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = c;
                }
            }
            if (best)
                for (const Token& t : o.values)
                    assign(rows_[*best], t, o.line);
        }
        return;
    }
    // Without boxes: a block of names followed by a block of value lines of the same length.
    if (!pairedName_.empty()) {
        for (const Orphan& o : orphans_) {
            auto it = pairedName_.find(o.line);
            if (it == pairedName_.end())
                continue;
            for (std::size_t c : candidates)
                if (rows_[c].line == it->second && !rows_[c].hasValues())
                    for (const Token& t : o.values)
                        assign(rows_[c], t, o.line);
        }
        return;
    }
    int lastCandidateLine = rows_[candidates.back()].line;
    bool blocks =
        orphans_.size() == candidates.size() &&
        std::all_of(orphans_.begin(), orphans_.end(), [&](const Orphan& o) { return o.line > lastCandidateLine; });
    if (!blocks)
        return;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        for (const Token& t : orphans_[i].values)
            assign(rows_[candidates[i]], t, orphans_[i].line);
}

Facts Parser::run()
{
    Facts facts;
    std::vector<std::string> texts;
    texts.reserve(lines_.size());
    for (const auto& l : lines_)
        texts.push_back(l.text());

    std::vector<std::vector<Token>> allTokens;
    allTokens.reserve(lines_.size());
    for (const auto& l : lines_)
        allTokens.push_back(detail::tokenizeLine(l));
    if (!hasBoxes_)
        pairColumnBlocks(allTokens);

    // Text above the title is spill-over from outside the panel (product name, net weight): no rows there.
    std::size_t firstLine = 0;
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (panelTitleIn(texts[i])) {
            firstLine = i;
            break;
        }

    Section section = Section::Body;
    bool tableSeen = false;
    for (std::size_t i = firstLine; i < lines_.size(); ++i) {
        int li = static_cast<int>(i);
        if (allTokens[i].empty())
            continue;
        if (facts.servingSize.empty()) {
            std::string s = servingSizeFrom(texts[i]);
            if (!s.empty())
                facts.servingSize = s;
        }
        LineInfo info = classify(texts[i], allTokens[i], tableSeen);
        std::vector<Token> toks = allTokens[i];
        if (auto p = proseStart(toks)) {
            bool atStart =
                *p == 0 || (*p == 1 && (squash(toks[0].text) == "other" || squash(toks[0].text) == "inactive"));
            if (atStart) {
                info.skip = true;
                info.enterProse = true;
            } else {
                // Another text column merged into the panel's line: keep the panel part.
                toks.resize(*p);
            }
        }
        tableSeen = tableSeen || info.tableHeader;
        bool anyValue = std::any_of(toks.begin(), toks.end(), [](const Token& t) {
            return t.kind == TokenKind::Amount || t.kind == TokenKind::Percent;
        });
        if (info.notSignificant) {
            notSigLines_ = 3;
            // Run-in panels end a line of rows with the sentence: parse the rows before it.
            std::size_t cut = notSignificantStart(toks);
            if (cut > 0 && cut < toks.size() && section == Section::Body)
                parseLine(li, std::vector<Token>(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(cut)));
            pending_.reset();
        }
        if (notSigLines_ > 0 && !(anyValue && !info.notSignificant)) {
            notSignificantLine(texts[i]);
            continue;
        }
        notSigLines_ = 0;
        if (info.enterProse)
            section = Section::Prose;
        // A panel title or serving line means the panel starts here, whatever text came before.
        if (panelTitleIn(texts[i]) || !servingSizeFrom(texts[i]).empty())
            section = Section::Body;
        if (section == Section::Prose && !info.skip) {
            // Back to the panel only on a real row: a nutrient name with values, or with its source
            // ("Magnesium (as" / "magnesium malate) 100mg 24%").
            std::optional<NameMatch> m;
            if (toks[0].kind == TokenKind::Word && startsRow(toks, 0, m)) {
                std::size_t next = m->words;
                bool source = next < toks.size() && toks[next].opens > 0 &&
                              (squash(toks[next].text) == "as" || squash(toks[next].text) == "from");
                if (anyValue || source)
                    section = Section::Body;
            }
        }
        if (info.skip || section == Section::Prose) {
            pending_.reset();
            continue;
        }
        parseLine(li, toks);
    }
    attachOrphans();
    nameGarbledRows();

    // Nutrient rows.
    std::vector<DvSample> samples;
    for (const Row& r : rows_) {
        if (!r.hasValues())
            continue;
        // An unknown name needs a unit or a %DV to be a nutrient row ("Net Wt 6.4 oz" is not).
        if (!r.match && !(r.dv || (r.amount && !r.amount->unitText.empty())))
            continue;
        Nutrient n;
        n.name = r.name;
        if (r.match) {
            n.canonical = r.match->canonical;
            n.mineral = r.match->mineral;
        }
        if (r.amount) {
            n.amount = r.amount->value;
            n.unitText = r.amount->unitText;
            n.ocrFixed = r.amount->ocrFixed;
        }
        if (r.dv) {
            n.dailyValuePct = r.dv->pct;
            n.noDailyValue = r.dv->noDailyValue;
            n.ocrFixed = n.ocrFixed || r.dv->ocrFixed;
        }
        n.confidence = std::min({r.nameConf, r.amount ? r.amountConf : 1.0f, r.dv ? r.dvConf : 1.0f});
        facts.nutrients.push_back(n);
        if (r.match && r.amount && r.amount->unit && r.dv && r.dv->pct && !r.dv->lessThan)
            samples.push_back({r.match->canonical, toMg(r.amount->value, *r.amount->unit), *r.dv->pct});
    }

    // Daily Value era.
    facts.panel = panelTitle(texts);
    DvEraEvidence evidence = eraEvidenceFromText(texts, facts.panel == PanelType::SupplementFacts);
    addConsistencyVotes(evidence, samples);
    bool percentOnly = false;
    for (const Row& r : rows_)
        if (r.match && r.match->mineral &&
            (*r.match->mineral == Mineral::Calcium || *r.match->mineral == Mineral::Potassium) && !r.amount && r.dv &&
            r.dv->pct)
            percentOnly = facts.panel != PanelType::SupplementFacts && !r.garbled;
    facts.dvEra = decideEra(evidence, percentOnly);

    // Minerals: the first row with values wins; a row without readable values marks the mineral unreadable.
    for (Mineral m : kMinerals) {
        bool sawRow = false;
        for (const Row& r : rows_) {
            if (!r.match || r.match->mineral != m)
                continue;
            if (!r.hasValues()) {
                if (r.lineStart && !r.prose && !r.inBlend)
                    sawRow = true;
                continue;
            }
            Resolved res = resolveMineral(m, r, facts.dvEra);
            if (res.value) {
                facts.minerals[index(m)] = res.value;
                if (res.amountUnread)
                    facts.amountUnreadLine[index(m)] = r.valuesLine;
                break;
            }
            sawRow = sawRow || res.unreadable;
        }
        if (!facts.minerals[index(m)] && sawRow && !notSignificant_[index(m)])
            facts.unreadable[index(m)] = true;
    }

    for (const Row& r : rows_)
        if (r.match && r.match->mineral && r.inBlend && !r.hasValues())
            blendMentions_[index(*r.match->mineral)] = true;
    facts.mentioned = findCompoundMentions(texts);
    for (std::size_t i = 0; i < 4; ++i)
        facts.mentioned[i] = facts.mentioned[i] || blendMentions_[i];
    facts.notSignificant = notSignificant_;
    facts.electrolyteClaim = claimsElectrolytes(texts);

    // Every Nutrition Facts panel declares sodium (21 CFR 101.9, "Sodium 0mg" included): a read under that
    // title without it lost rows, and any mineral it did not see may be among them. Those are unreadable,
    // not absent (one named as "not a significant source" stays absent).
    if (facts.panel == PanelType::NutritionFacts && !facts.minerals[index(Mineral::Sodium)] &&
        !notSignificant_[index(Mineral::Sodium)])
        for (Mineral m : kMinerals)
            if (!facts.minerals[index(m)] && !notSignificant_[index(m)])
                facts.unreadable[index(m)] = true;

    if (!facts.panel && !facts.nutrients.empty())
        facts.panel = panelTypeFromRows(facts.nutrients, texts);
    return facts;
}

} // namespace

std::vector<TextLine> toTextLines(const std::vector<std::string>& lines)
{
    std::vector<TextLine> out;
    out.reserve(lines.size());
    for (const auto& l : lines) {
        TextLine tl;
        std::size_t i = 0;
        while (i < l.size()) {
            while (i < l.size() && (l[i] == ' ' || l[i] == '\t'))
                ++i;
            std::size_t j = i;
            while (j < l.size() && l[j] != ' ' && l[j] != '\t')
                ++j;
            if (j > i)
                tl.words.push_back(Word{l.substr(i, j - i), 1.0f, {}});
            i = j;
        }
        out.push_back(std::move(tl));
    }
    return out;
}

Facts parseFacts(const std::vector<TextLine>& panelLines)
{
    return Parser(panelLines).run();
}

Facts parseFacts(const std::vector<std::string>& panelLines)
{
    return parseFacts(toTextLines(panelLines));
}

Facts parseFactsText(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string line(text.substr(start, end - start));
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return parseFacts(lines);
}

} // namespace labelcheck::facts
