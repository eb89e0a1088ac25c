#include "labelcheck/facts/mentions.hpp"

#include "labelcheck/facts/fuzzy.hpp"
#include "labelcheck/facts/nutrient_name.hpp"

#include <optional>

namespace labelcheck::facts {

namespace {

std::string norm(std::string_view w)
{
    return lettersOnly(foldToLetters(w));
}

bool matchesAny(std::string_view word, std::initializer_list<std::string_view> list)
{
    std::string w = norm(word);
    if (w.size() < 4)
        return false;
    for (auto c : list) {
        // Plural and OCR slack: "citrates", "cltrate" (l for i is not folded).
        if (w.size() + 1 < c.size() || w.size() > c.size() + 1)
            continue;
        std::size_t d = editDistance(w, c);
        if (d == 0 || (w.size() >= 6 && d <= 1) || w == std::string(c) + "s")
            return true;
    }
    return false;
}

} // namespace

bool isElectrolyteCompoundWord(std::string_view word)
{
    return matchesAny(word, {"citrate",   "chloride",    "lactate",   "glycinate",   "bisglycinate",     "diglycinate",
                             "carbonate", "bicarbonate", "oxide",     "phosphate",   "phosphates",       "gluconate",
                             "malate",    "aspartate",   "sulfate",   "sulphate",    "taurate",          "threonate",
                             "orotate",   "acetate",     "hydroxide", "chelate",     "glycerophosphate", "pidolate",
                             "succinate", "fumarate",    "tartrate",  "lactobionate"});
}

bool isExcipientCompoundWord(std::string_view word)
{
    return matchesAny(word, {"stearate",      "silicate",  "sorbate",     "benzoate",          "pantothenate",
                             "iodide",        "iodate",    "selenite",    "selenate",          "molybdate",
                             "fluoride",      "saccharin", "alginate",    "ascorbate",         "propionate",
                             "metabisulfite", "bisulfite", "erythorbate", "nitrite",           "nitrate",
                             "glutamate",     "inosinate", "guanylate",   "hexametaphosphate", "aluminosilicate",
                             "borate",        "stearoyl",  "lauryl",      "caseinate",         "carboxymethylcellulose",
                             "diet",          "free"});
}

std::optional<Mineral> prefixedMineralWord(std::string_view word)
{
    const std::string w = norm(word);
    if (const std::size_t prefix = compoundPrefixSize(w))
        return matchMineralWord(w.substr(prefix));
    return std::nullopt;
}

MineralFlags findCompoundMentions(const std::vector<std::string>& lines)
{
    MineralFlags found{};
    // Join lines so a compound wrapped over a line break ("Sodium" / "Citrate") is still seen.
    std::vector<std::string> words;
    for (const auto& line : lines)
        for (auto& w : splitWords(line))
            words.push_back(std::move(w));
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string w = norm(words[i]);
        if (w == "salt" || w == "salts") {
            // "oral rehydration salts" names salts generally; any other salt is sodium chloride.
            if (!(i > 0 && norm(words[i - 1]) == "rehydration"))
                found[index(Mineral::Sodium)] = true;
            continue;
        }
        std::optional<Mineral> m = matchMineralWord(words[i]);
        if (!m)
            m = prefixedMineralWord(words[i]);
        if (!m || i + 1 >= words.size())
            continue;
        // "Magnesium Citrate", also "Potassium & Sodium Citrate" style lists: look past one
        // connective or another mineral word.
        for (std::size_t k = i + 1; k < words.size() && k <= i + 3; ++k) {
            if (isElectrolyteCompoundWord(words[k])) {
                found[index(*m)] = true;
                break;
            }
            std::string nk = norm(words[k]);
            bool connective = nk == "and" || nk == "y" || nk == "amino" || nk == "acid" || words[k] == "&" ||
                              nk == "hydrogen" || matchMineralWord(words[k]).has_value() ||
                              prefixedMineralWord(words[k]).has_value();
            if (!connective)
                break;
        }
    }
    return found;
}

} // namespace labelcheck::facts
