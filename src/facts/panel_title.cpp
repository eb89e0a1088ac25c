#include "labelcheck/facts/panel_title.hpp"

#include "labelcheck/facts/fuzzy.hpp"

#include <algorithm>
#include <vector>

namespace labelcheck::facts {

namespace {

// Letters only, OCR-folded, per word; then joined so "Supplement Facts" and "SupplementFacts" agree.
std::string squashLetters(std::string_view line)
{
    std::string out, word;
    auto flush = [&] {
        out += lettersOnly(foldToLetters(word));
        word.clear();
    };
    for (char c : line) {
        if (c == ' ' || c == '/' || c == '-')
            flush();
        else
            word += c;
    }
    flush();
    return out;
}

// True when some substring of `s` is within `slack` edits of `target` (Sellers' approximate substring
// matching: edit distance with a free start and end in `s`), O(|s| * |target|).
bool fuzzyContains(const std::string& s, std::string_view target, std::size_t slack)
{
    std::vector<std::size_t> prev(target.size() + 1), cur(target.size() + 1);
    for (std::size_t j = 0; j <= target.size(); ++j)
        prev[j] = j;
    if (prev[target.size()] <= slack)
        return true;
    for (char c : s) {
        cur[0] = 0; // a match may start anywhere in s
        for (std::size_t j = 1; j <= target.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (c == target[j - 1] ? 0 : 1)});
        if (cur[target.size()] <= slack)
            return true;
        std::swap(prev, cur);
    }
    return false;
}

// The title a line names, from its letters as squashLetters gives them.
std::optional<PanelType> titleOfLetters(const std::string& s)
{
    if (s.size() < 10 || s.size() > 60)
        return std::nullopt;
    if (fuzzyContains(s, "supplementfacts", 2))
        return PanelType::SupplementFacts;
    if (fuzzyContains(s, "nutritionfacts", 2) || fuzzyContains(s, "datosdenutricion", 2) ||
        fuzzyContains(s, "nutritioninformation", 2))
        return PanelType::NutritionFacts;
    return std::nullopt;
}

} // namespace

std::optional<PanelType> panelTitleOf(std::string_view line)
{
    return titleOfLetters(squashLetters(line));
}

std::optional<PanelType> panelTitle(const std::vector<std::string>& lines)
{
    for (const auto& l : lines)
        if (auto t = panelTitleOf(l))
            return t;
    return std::nullopt;
}

PanelEnds panelEnds(const std::vector<std::string>& lines)
{
    struct Phrase {
        std::string_view letters;
        std::size_t slack;
    };
    static constexpr Phrase kHead[] = {{"servingsize", 2}, {"servingsper", 2}, {"amountperserving", 3}};
    static constexpr Phrase kFoot[] = {{"dailyvaluenotestablished", 3}, {"percentdailyvalues", 3},
                                       {"dailyvaluedvtells", 3},        {"caloriediet", 2},
                                       {"notasignificantsource", 3},    {"ingredients", 2}};
    const auto any = [](const std::string& s, const auto& phrases) {
        return std::any_of(std::begin(phrases), std::end(phrases),
                           [&](const Phrase& p) { return fuzzyContains(s, p.letters, p.slack); });
    };
    PanelEnds ends;
    for (const auto& l : lines) {
        const std::string s = squashLetters(l);
        ends.head = ends.head || titleOfLetters(s) || any(s, kHead);
        ends.foot = ends.foot || any(s, kFoot);
    }
    return ends;
}

} // namespace labelcheck::facts
