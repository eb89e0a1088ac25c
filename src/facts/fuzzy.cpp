#include "labelcheck/facts/fuzzy.hpp"

#include <algorithm>
#include <vector>

namespace labelcheck::facts {

namespace {
bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
} // namespace

std::string toLowerAscii(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string foldToLetters(std::string_view word)
{
    std::string lower = toLowerAscii(word);
    if (std::none_of(lower.begin(), lower.end(), isAsciiLetter))
        return lower;
    std::string out;
    out.reserve(lower.size());
    for (std::size_t i = 0; i < lower.size(); ++i) {
        char c = lower[i];
        switch (c) {
        case '0':
            c = 'o';
            break;
        case '1':
        case '|':
        case '!':
            c = 'l';
            break;
        case '5':
            c = 's';
            break;
        case '3':
            c = 'e';
            break;
        case '8':
            c = 'b';
            break;
        default:
            break;
        }
        // "rn" is the classic OCR reading of "m"; no nutrient word we match contains a real "rn".
        if (c == 'r' && i + 1 < lower.size() && lower[i + 1] == 'n') {
            out += 'm';
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

std::string lettersOnly(std::string_view word)
{
    std::string out;
    for (char c : word)
        if (isAsciiLetter(c))
            out += c;
    return out;
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    // Two rows on the stack for word-sized inputs (the common case); the heap only for long text.
    constexpr std::size_t kStack = 64;
    std::size_t stackRows[2][kStack + 1];
    std::vector<std::size_t> heapPrev, heapCur;
    std::size_t* prev = stackRows[0];
    std::size_t* cur = stackRows[1];
    if (b.size() > kStack) {
        heapPrev.resize(b.size() + 1);
        heapCur.resize(b.size() + 1);
        prev = heapPrev.data();
        cur = heapCur.data();
    }
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::vector<std::string> splitWords(std::string_view line)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : line) {
        // Hyphens and slashes separate compound words ("sodium-citrate", "Sodium/Potassium").
        if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == ',' || c == ';' || c == '(' || c == ')') {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

} // namespace labelcheck::facts
