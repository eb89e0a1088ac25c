#include "labelcheck/facts/nutrient_name.hpp"

#include "labelcheck/facts/fuzzy.hpp"

#include <algorithm>
#include <limits>

namespace labelcheck::facts {

namespace {

struct Entry {
    std::vector<std::string_view> words; // folded, letters only
    std::string_view canonical;
    std::optional<Mineral> mineral;
};

const std::vector<Entry>& vocabulary()
{
    static const std::vector<Entry> kVocab = {
        {{"sodium"}, "sodium", Mineral::Sodium},
        {{"sodio"}, "sodium", Mineral::Sodium},
        {{"potassium"}, "potassium", Mineral::Potassium},
        {{"potasio"}, "potassium", Mineral::Potassium},
        {{"calcium"}, "calcium", Mineral::Calcium},
        {{"calcio"}, "calcium", Mineral::Calcium},
        {{"magnesium"}, "magnesium", Mineral::Magnesium},
        {{"magnesio"}, "magnesium", Mineral::Magnesium},
        // Everything else a panel row may start with; these also guard the minerals against
        // near misses (manganese, molybdenum, selenium, chloride).
        {{"calories", "from", "fat"}, "calories from fat", {}},
        {{"calories"}, "calories", {}},
        {{"calorias"}, "calories", {}},
        {{"calorie"}, "calories", {}},
        {{"total", "fat"}, "total fat", {}},
        {{"grasa", "total"}, "total fat", {}},
        {{"saturated", "fat"}, "saturated fat", {}},
        {{"sat", "fat"}, "saturated fat", {}},
        {{"trans", "fat"}, "trans fat", {}},
        {{"polyunsaturated", "fat"}, "polyunsaturated fat", {}},
        {{"monounsaturated", "fat"}, "monounsaturated fat", {}},
        {{"fat"}, "fat", {}},
        {{"cholesterol"}, "cholesterol", {}},
        {{"colesterol"}, "cholesterol", {}},
        {{"total", "carbohydrate"}, "total carbohydrate", {}},
        {{"total", "carbohydrates"}, "total carbohydrate", {}},
        {{"total", "carb"}, "total carbohydrate", {}},
        {{"carbohydrate"}, "total carbohydrate", {}},
        {{"carbohydrates"}, "total carbohydrate", {}},
        {{"carbohidratos"}, "total carbohydrate", {}},
        {{"carbohidrato"}, "total carbohydrate", {}},
        {{"dietary", "fiber"}, "dietary fiber", {}},
        {{"fibra", "dietetica"}, "dietary fiber", {}},
        {{"fiber"}, "dietary fiber", {}},
        {{"total", "sugars"}, "total sugars", {}},
        {{"sugars"}, "total sugars", {}},
        {{"sugar"}, "total sugars", {}},
        {{"azucares"}, "total sugars", {}},
        {{"includes"}, "added sugars", {}},
        {{"added", "sugars"}, "added sugars", {}},
        {{"sugar", "alcohol"}, "sugar alcohol", {}},
        {{"protein"}, "protein", {}},
        {{"proteinas"}, "protein", {}},
        {{"proteina"}, "protein", {}},
        {{"vitamin"}, "vitamin", {}},
        {{"vitamina"}, "vitamin", {}},
        {{"thiamin"}, "thiamin", {}},
        {{"thiamine"}, "thiamin", {}},
        {{"riboflavin"}, "riboflavin", {}},
        {{"niacin"}, "niacin", {}},
        {{"folate"}, "folate", {}},
        {{"folic", "acid"}, "folic acid", {}},
        {{"biotin"}, "biotin", {}},
        {{"pantothenic", "acid"}, "pantothenic acid", {}},
        {{"iron"}, "iron", {}},
        {{"hierro"}, "iron", {}},
        {{"phosphorus"}, "phosphorus", {}},
        {{"fosforo"}, "phosphorus", {}},
        {{"iodine"}, "iodine", {}},
        {{"zinc"}, "zinc", {}},
        {{"selenium"}, "selenium", {}},
        {{"copper"}, "copper", {}},
        {{"manganese"}, "manganese", {}},
        {{"chromium"}, "chromium", {}},
        {{"molybdenum"}, "molybdenum", {}},
        {{"chloride"}, "chloride", {}},
        {{"cloruro"}, "chloride", {}},
        {{"choline"}, "choline", {}},
        {{"fluoride"}, "fluoride", {}},
        {{"boron"}, "boron", {}},
        {{"taurine"}, "taurine", {}},
        {{"caffeine"}, "caffeine", {}},
    };
    return kVocab;
}

// Allowed edit distance for a word of this length.
std::size_t allowance(std::size_t len)
{
    if (len >= 8)
        return 2;
    if (len >= 6)
        return 1;
    return 0;
}

// Folds a word for comparison: OCR glyphs to letters, letters only, first half of "Sodium/Sodio".
std::string normaliseWord(std::string_view word)
{
    std::string_view w = word;
    // Strip leading punctuation so "(Sodium" and "*Sodium" are seen as words.
    while (!w.empty() && !((w.front() >= 'a' && w.front() <= 'z') || (w.front() >= 'A' && w.front() <= 'Z') ||
                           (w.front() >= '0' && w.front() <= '9') || w.front() == '|'))
        w.remove_prefix(1);
    auto slash = w.find('/');
    if (slash != std::string_view::npos && slash > 0)
        w = w.substr(0, slash);
    std::string folded = foldToLetters(w);
    // A leading 3 is a narrow S ("3odium"), not the e it stands for inside a word: no name here starts with e.
    if (!w.empty() && w.front() == '3' && !folded.empty())
        folded.front() = 's';
    return lettersOnly(folded);
}

// Whether `w` is `name` with one or two of its thin letters (i, l, t) lost and its first letter kept: blur erases
// a narrow glyph whole ("Sodum" for Sodium, "Cacum" for Calcium), which no other name on a panel reads as.
bool thinLettersLost(std::string_view w, std::string_view name)
{
    if (w.size() >= name.size() || name.size() - w.size() > 2 || w.empty() || w.front() != name.front())
        return false;
    std::size_t i = 0;
    for (char c : name) {
        if (i < w.size() && w[i] == c)
            ++i;
        else if (c != 'i' && c != 'l' && c != 't')
            return false;
    }
    return i == w.size();
}

} // namespace

std::size_t compoundPrefixSize(std::string_view letters)
{
    for (std::string_view prefix : {"mono", "di", "tri", "tetra"})
        if (letters.size() > prefix.size() + 4 && letters.starts_with(prefix))
            return prefix.size();
    return 0;
}

std::optional<Mineral> matchMineralWord(std::string_view word)
{
    std::string w = normaliseWord(word);
    if (w.size() < 4)
        return std::nullopt;
    // A condensed face's "ium" read as "asn" ("Potassasn", "Caicasn", "Magnesasn" on seeds 777 and 4242; no word on a
    // panel ends so): read as "ium", at the cost of one edit.
    std::size_t asnEdit = 0;
    if (w.size() >= 6 && w.ends_with("asn")) {
        w.replace(w.size() - 3, 3, "ium");
        asnEdit = 1;
    }
    // A compound's name ("Dipotassium", "Trisodium", "Dicalcium") names no mineral's row: two edits off
    // "potassium", "dipotassium" passed for it, and "(as dipotassium phosphate)" under a phosphorus row whose name
    // read garbled became a potassium row (seed 777's 121).
    if (const std::size_t prefix = compoundPrefixSize(w))
        for (const Entry& e : vocabulary())
            if (e.mineral && editDistance(std::string_view(w).substr(prefix), e.words[0]) <= 1)
                return std::nullopt;
    // A name whose first letter was cut off with the panel's edge ("alcium", "otassium"), read whole otherwise;
    // or one that lost thin letters to blur.
    if (w.size() >= 5)
        for (const Entry& e : vocabulary())
            if (e.mineral && (std::string_view(e.words[0]).substr(1) == w || thinLettersLost(w, e.words[0])))
                return e.mineral;
    std::size_t bestMineral = std::numeric_limits<std::size_t>::max();
    std::size_t bestOther = std::numeric_limits<std::size_t>::max();
    std::optional<Mineral> found;
    std::size_t allowed = 0;
    // A mineral name of seven letters or more read as six or more keeps two edits: OCR garbles calcium's
    // l and i together ("Caicum", "Catcum", "Cakium").
    // And a word of seven letters or more read with the name's first three letters whole ("Sodrumn", "Potassasn": a
    // condensed face's "ium" read as "asn") keeps one edit more, up to three.
    auto allowedFor = [&](std::string_view v) {
        const std::size_t base = w.size() >= 6 && v.size() >= 7 ? 2 : allowance(w.size());
        const bool headWhole = w.size() >= 7 && w.compare(0, 3, v.substr(0, 3)) == 0;
        return headWhole ? std::min<std::size_t>(base + 1, 3) : base;
    };
    auto lengthGap = [&](std::string_view v) {
        return w.size() > v.size() ? w.size() - v.size() : v.size() - w.size();
    };
    // Minerals first: most words are nowhere near one, and the others only matter when one is near.
    for (const Entry& e : vocabulary()) {
        if (!e.mineral || lengthGap(e.words[0]) > allowedFor(e.words[0]))
            continue;
        std::size_t d = editDistance(w, e.words[0]) + asnEdit;
        if (d < bestMineral) {
            bestMineral = d;
            found = e.mineral;
            allowed = allowedFor(e.words[0]);
        }
    }
    if (!found || bestMineral > allowed)
        return std::nullopt;
    for (const Entry& e : vocabulary())
        if (!e.mineral && e.words.size() == 1 && lengthGap(e.words[0]) <= bestMineral)
            bestOther = std::min(bestOther, editDistance(w, e.words[0]) + asnEdit);
    // Short words must keep their first letter ("Podium" is not sodium); OCR rarely loses it.
    if (found && bestMineral > 0 && w.size() < 8) {
        bool sameFirst = false;
        for (const Entry& e : vocabulary())
            if (e.mineral == found && e.words[0].front() == w.front())
                sameFirst = true;
        if (!sameFirst)
            return std::nullopt;
    }
    if (found && bestMineral <= allowed && bestMineral < bestOther)
        return found;
    return std::nullopt;
}

bool isCutNutrientWord(std::string_view word)
{
    const std::string w = normaliseWord(word);
    const auto endsAName = [](std::string_view tail) {
        if (tail.size() < 3)
            return false;
        for (const Entry& e : vocabulary()) {
            const std::string_view name = e.words[0];
            if (name.size() >= tail.size() + 2 && name.ends_with(tail))
                return true;
        }
        return false;
    };
    return endsAName(w) || (!w.empty() && endsAName(std::string_view(w).substr(1)));
}

std::optional<NameMatch> matchNutrientName(const std::vector<std::string>& words, std::size_t start)
{
    if (start >= words.size())
        return std::nullopt;
    std::optional<NameMatch> best;
    std::vector<std::string> norm;
    for (std::size_t i = start; i < words.size() && i < start + 3; ++i)
        norm.push_back(normaliseWord(words[i]));
    if (norm.empty() || norm[0].empty())
        return std::nullopt;

    if (auto m = matchMineralWord(words[start])) {
        NameMatch nm;
        nm.canonical = std::string(mineralName(*m));
        nm.mineral = m;
        nm.words = 1;
        std::size_t d = std::numeric_limits<std::size_t>::max();
        for (const Entry& e : vocabulary())
            if (e.mineral == m)
                d = std::min(d, editDistance(norm[0], e.words[0]));
        nm.distance = d;
        return nm;
    }
    for (const Entry& e : vocabulary()) {
        if (e.mineral || e.words.size() > norm.size())
            continue;
        std::size_t total = 0;
        bool ok = true;
        for (std::size_t k = 0; k < e.words.size() && ok; ++k) {
            std::size_t allowed = allowance(std::max(norm[k].size(), e.words[k].size()));
            std::size_t gap = norm[k].size() > e.words[k].size() ? norm[k].size() - e.words[k].size()
                                                                 : e.words[k].size() - norm[k].size();
            if (gap > allowed) {
                ok = false;
                break;
            }
            std::size_t d = editDistance(norm[k], e.words[k]);
            ok = d <= allowed;
            total += d;
        }
        if (!ok)
            continue;
        if (!best || e.words.size() > best->words || (e.words.size() == best->words && total < best->distance)) {
            best = NameMatch{std::string(e.canonical), std::nullopt, e.words.size(), total};
        }
    }
    return best;
}

std::optional<NameMatch> matchNutrientName(std::string_view text)
{
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ')
            ++j;
        if (j > i)
            words.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return matchNutrientName(words, 0);
}

int cutNameLines(const std::vector<std::string>& lines)
{
    return int(std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
        const std::string_view text = line;
        const auto start = text.find_first_not_of(' ');
        if (start == std::string_view::npos)
            return false;
        const std::string_view first = text.substr(start, text.find(' ', start) - start);
        return isCutNutrientWord(first) && !matchNutrientName(text.substr(start));
    }));
}

} // namespace labelcheck::facts
