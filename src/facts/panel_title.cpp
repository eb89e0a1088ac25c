#include "labelcheck/facts/panel_title.hpp"

#include "labelcheck/facts/fuzzy.hpp"

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

// True when some window of `s` is within `slack` edits of `target`.
bool fuzzyContains(const std::string& s, std::string_view target, std::size_t slack)
{
    if (s.size() + slack < target.size())
        return false;
    for (std::size_t len = target.size() - std::min(slack, target.size()); len <= target.size() + slack; ++len)
        for (std::size_t i = 0; i + len <= s.size(); ++i)
            if (editDistance(std::string_view(s).substr(i, len), target) <= slack)
                return true;
    return false;
}

} // namespace

std::optional<PanelType> panelTitleOf(std::string_view line)
{
    std::string s = squashLetters(line);
    if (s.size() < 10 || s.size() > 60)
        return std::nullopt;
    if (fuzzyContains(s, "supplementfacts", 2))
        return PanelType::SupplementFacts;
    if (fuzzyContains(s, "nutritionfacts", 2) || fuzzyContains(s, "datosdenutricion", 2) ||
        fuzzyContains(s, "nutritioninformation", 2))
        return PanelType::NutritionFacts;
    return std::nullopt;
}

std::optional<PanelType> panelTitle(const std::vector<std::string>& lines)
{
    for (const auto& l : lines)
        if (auto t = panelTitleOf(l))
            return t;
    return std::nullopt;
}

} // namespace labelcheck::facts
