#include "labelcheck/ocr/line_grouping.hpp"

#include "labelcheck/core/median.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace labelcheck::ocr {

Box unite(const Box& a, const Box& b)
{
    if (a.width <= 0 || a.height <= 0)
        return b;
    if (b.width <= 0 || b.height <= 0)
        return a;
    int x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    int x1 = std::max(a.x + a.width, b.x + b.width), y1 = std::max(a.y + a.height, b.y + b.height);
    return Box{x0, y0, x1 - x0, y1 - y0};
}

namespace {

// The vertical band a line's letters occupy: the medians of its words' tops and bottoms, so that a tall
// symbol or a stray descender does not make the line look taller than it is.
struct Band {
    float top = 0, bottom = 0;
    float height() const { return bottom - top; }
};

Band bandOf(const TextLine& line)
{
    std::vector<float> tops, bottoms;
    for (const auto& w : line.words) {
        tops.push_back(static_cast<float>(w.box.y));
        bottoms.push_back(static_cast<float>(w.box.y + w.box.height));
    }
    return Band{medianOf(tops), medianOf(bottoms)};
}

bool sameRow(const TextLine& a, const TextLine& b, const GroupingOptions& o)
{
    Band ba = bandOf(a), bb = bandOf(b);
    float overlap = std::min(ba.bottom, bb.bottom) - std::max(ba.top, bb.top);
    float minH = std::max(1.0f, std::min(ba.height(), bb.height()));
    if (overlap < o.minVerticalOverlap * minH)
        return false;
    // Words of one row do not sit on top of each other.
    for (const auto& wa : a.words)
        for (const auto& wb : b.words) {
            float hOverlap = static_cast<float>(std::min(wa.box.x + wa.box.width, wb.box.x + wb.box.width) -
                                                std::max(wa.box.x, wb.box.x));
            float minW = static_cast<float>(std::max(1, std::min(wa.box.width, wb.box.width)));
            if (hOverlap > o.maxHorizontalOverlap * minW)
                return false;
        }
    return true;
}

} // namespace

std::vector<TextLine> groupRows(std::vector<TextLine> lines, const GroupingOptions& options)
{
    std::vector<TextLine> clean;
    for (auto& line : lines) {
        TextLine t;
        for (auto& w : line.words) {
            bool blank = std::all_of(w.text.begin(), w.text.end(), [](char c) { return c == ' ' || c == '\t'; });
            if (blank || w.box.width <= 0 || w.box.height <= 0)
                continue;
            t.box = unite(t.box, w.box);
            t.words.push_back(std::move(w));
        }
        if (!t.words.empty())
            clean.push_back(std::move(t));
    }
    auto centreY = [](const TextLine& l) { return l.box.y + l.box.height / 2.0f; };
    std::sort(clean.begin(), clean.end(), [&](const TextLine& a, const TextLine& b) { return centreY(a) < centreY(b); });

    // Greedy merge: each line joins the first earlier row it shares a band with. Rows are few (tens), so
    // the quadratic scan is cheap.
    std::vector<TextLine> rows;
    for (auto& line : clean) {
        TextLine* target = nullptr;
        for (auto it = rows.rbegin(); it != rows.rend() && it - rows.rbegin() < 4; ++it) {
            if (sameRow(*it, line, options)) {
                target = &*it;
                break;
            }
        }
        if (!target) {
            rows.push_back(std::move(line));
            continue;
        }
        target->box = unite(target->box, line.box);
        for (auto& w : line.words)
            target->words.push_back(std::move(w));
    }
    for (auto& r : rows)
        std::stable_sort(r.words.begin(), r.words.end(), [](const Word& a, const Word& b) { return a.box.x < b.box.x; });
    std::stable_sort(rows.begin(), rows.end(), [&](const TextLine& a, const TextLine& b) {
        Band ba = bandOf(a), bb = bandOf(b);
        return ba.top + ba.bottom < bb.top + bb.bottom;
    });
    return rows;
}

float widestLineGap(const std::vector<TextLine>& lines)
{
    if (lines.size() < 2)
        return 0;
    std::vector<int> heights;
    for (const auto& l : lines)
        heights.push_back(l.box.height);
    const float median = float(std::max(1, medianOf(std::move(heights))));
    float widest = -std::numeric_limits<float>::infinity();
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const Box &a = lines[i].box, &b = lines[i + 1].box;
        widest = std::max(widest, float(b.y - (a.y + a.height)) / median);
    }
    return widest;
}

} // namespace labelcheck::ocr
