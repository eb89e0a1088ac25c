#include "profile_decode.hpp"

#include "labelcheck/core/gtin.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <vector>

namespace labelcheck::barcode::detail {

namespace {

constexpr int kSamples = 4;            // samples per module of a resampled window
constexpr double kQuietModules = 4;    // light modules a symbol needs on each side (7+ printed, blur eats some)
constexpr std::size_t kPairsGuarded = 6; // extent hypotheses per layout whose guards are fitted
constexpr std::size_t kPairsKept = 2;  // extent hypotheses per layout fitted with their digits
constexpr double kMinModulePx = 1.0;   // below this a symbol cannot be resolved
constexpr double kMaxGuardCost = 0.25; // 1 - correlation a guard may have in a hypothesis worth refining
constexpr double kMinFit = 0.88;       // mean digit correlation a read needs
constexpr double kMinMargin = 0.06;    // lead each digit needs over the best other digit
constexpr double kMinWorst = 0.6;      // correlation the worst-fitting digit needs

// Module patterns of the digits (1 = bar): L (odd parity), G (even parity) and R codes.
constexpr std::array<const char*, 10> kL = {"0001101", "0011001", "0010011", "0111101", "0100011",
                                            "0110001", "0101111", "0111011", "0110111", "0001011"};
constexpr std::array<const char*, 10> kG = {"0100111", "0110011", "0011011", "0100001", "0011101",
                                            "0111001", "0000101", "0010001", "0001001", "0010111"};
constexpr std::array<const char*, 10> kR = {"1110010", "1100110", "1101100", "1000010", "1011100",
                                            "1001110", "1010000", "1000100", "1001000", "1110100"};
// EAN-13: the parity of the six left digits encodes the first digit.
constexpr std::array<const char*, 10> kEan13Parity = {"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
                                                      "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"};
// UPC-E, number system 0: the parity of its six digits encodes the check digit (number system 1: swapped).
constexpr std::array<const char*, 10> kUpcEParity = {"GGGLLL", "GGLGLL", "GGLLGL", "GGLLLG", "GLGGLL",
                                                     "GLLGGL", "GLLLGG", "GLGLGL", "GLGLLG", "GLLGLG"};

enum class Slot { Fixed, LeftLG, LeftL, Right };

// A stretch of modules compared as one: a guard with its quiet zone or neighbours (fixed bits), or one
// digit with its known neighbour modules. '?' marks a module whose value is unknown (rendered as grey and
// not compared).
struct Window {
    int first;        // module index of bits[0]
    std::string bits; // for digit slots, 'D' marks the seven digit modules
    Slot slot;
    bool rightHalf;   // mapped by the right half's anchors
};

struct Layout {
    const char* format;
    int bars; // dark bars of the symbol
    int modules;
    double split; // module position of the middle anchor (== modules: one linear map)
    int digits;   // digit slots
    std::vector<Window> windows;
};

// The start guard with its quiet zone and `n` left-half digits of `slot`, from module 3.
void addStartAndLeft(Layout& l, int n, Slot slot)
{
    l.windows.push_back({-6, "?000001010?", Slot::Fixed, false});
    for (int i = 0; i < n; ++i)
        l.windows.push_back({3 + 7 * i - 2, "?1DDDDDDD0?", slot, false});
}

// EAN-13 (n = 6) and EAN-8 (n = 4): start guard, n left digits, middle guard, n right digits, end guard.
Layout twoHalves(const char* format, int bars, int n, Slot leftSlot)
{
    const int middle = 3 + 7 * n; // first module of the middle guard
    Layout l{format, bars, 2 * middle + 5, middle + 2.5, 2 * n, {}};
    addStartAndLeft(l, n, leftSlot);
    l.windows.push_back({middle - 2, "?1010101?", Slot::Fixed, false});
    for (int i = 0; i < n; ++i)
        l.windows.push_back({middle + 5 + 7 * i - 2, "?0DDDDDDD1?", Slot::Right, true});
    l.windows.push_back({l.modules - 5, "?010100000?", Slot::Fixed, true});
    return l;
}

std::vector<Layout> makeLayouts()
{
    Layout upcE{"UPC-E", 17, 51, 51, 6, {}}; // no middle guard: one linear map
    addStartAndLeft(upcE, 6, Slot::LeftLG);
    upcE.windows.push_back({43, "?101010100000?", Slot::Fixed, false});
    return {twoHalves("EAN-13", 30, 6, Slot::LeftLG), twoHalves("EAN-8", 22, 4, Slot::LeftL), std::move(upcE)};
}

const std::vector<Layout>& layouts()
{
    static const std::vector<Layout> all = makeLayouts();
    return all;
}

std::size_t fixedWindows(const Layout& l)
{
    return static_cast<std::size_t>(
        std::count_if(l.windows.begin(), l.windows.end(), [](const Window& w) { return w.slot == Slot::Fixed; }));
}

double phi(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

// Zero-mean, unit-norm copy of `v` (all zeros when flat).
std::vector<float> normalised(std::vector<float> v)
{
    if (v.empty())
        return v;
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    double ss = 0;
    for (auto& x : v) {
        x = static_cast<float>(x - mean);
        ss += static_cast<double>(x) * x;
    }
    const double n = std::sqrt(ss);
    for (auto& x : v)
        x = n > 1e-9 ? static_cast<float>(x / n) : 0.0f;
    return v;
}

// The compared samples of a window whose modules are `bits` ('0', '1', '?'), blurred by a Gaussian of
// `sigma` modules: normalised. Samples cover every module that is not '?'.
std::vector<float> renderTemplate(const std::string& bits, double sigma)
{
    std::vector<float> t;
    const int n = static_cast<int>(bits.size());
    for (int m = 0; m < n; ++m) {
        if (bits[static_cast<std::size_t>(m)] == '?')
            continue;
        for (int j = 0; j < kSamples; ++j) {
            const double u = m + (j + 0.5) / kSamples;
            double v = 0.5 * (phi((0 - u) / sigma) + (1.0 - phi((n - u) / sigma))); // grey beyond the window
            for (int k = 0; k < n; ++k) {
                const char b = bits[static_cast<std::size_t>(k)];
                const double w = phi((k + 1 - u) / sigma) - phi((k - u) / sigma);
                v += w * (b == '1' ? 1.0 : b == '0' ? 0.0 : 0.5);
            }
            t.push_back(static_cast<float>(v));
        }
    }
    return normalised(std::move(t));
}

struct Candidate {
    std::vector<float> t; // normalised template
    int digit;            // -1 for a fixed window
    char parity;          // 'L', 'G', 'R' or 0
};

std::string substituted(const std::string& bits, const char* pattern)
{
    std::string out = bits;
    int k = 0;
    for (auto& c : out)
        if (c == 'D')
            c = pattern[k++];
    return out;
}

// Templates of every window of `layout` at blur `sigma`: one per allowed pattern.
std::vector<std::vector<Candidate>> templatesFor(const Layout& layout, double sigma)
{
    std::vector<std::vector<Candidate>> out;
    for (const auto& w : layout.windows) {
        std::vector<Candidate> c;
        const auto add = [&](const std::array<const char*, 10>& codes, char parity) {
            for (int d = 0; d < 10; ++d)
                c.push_back({renderTemplate(substituted(w.bits, codes[static_cast<std::size_t>(d)]), sigma), d,
                             parity});
        };
        switch (w.slot) {
        case Slot::Fixed:
            c.push_back({renderTemplate(w.bits, sigma), -1, 0});
            break;
        case Slot::LeftLG:
            add(kL, 'L');
            add(kG, 'G');
            break;
        case Slot::LeftL:
            add(kL, 'L');
            break;
        case Slot::Right:
            add(kR, 'R');
            break;
        }
        out.push_back(std::move(c));
    }
    return out;
}

// Templates are cached per layout and blur; the blur values are a fixed set.
constexpr std::array<double, 5> kSigmas = {0.35, 0.5, 0.6, 0.75, 0.95};

constexpr std::size_t kBaseSigma = 2; // the blur the grid is fitted at, an index into kSigmas

const std::vector<std::vector<Candidate>>& cachedTemplates(std::size_t layout, std::size_t sigma)
{
    static const auto all = [] {
        std::vector<std::vector<std::vector<std::vector<Candidate>>>> t;
        for (const auto& l : layouts()) {
            t.emplace_back();
            for (double s : kSigmas)
                t.back().push_back(templatesFor(l, s));
        }
        return t;
    }();
    return all[layout][sigma];
}

// The symbol's geometry: module position u maps to the profile's x through two linear pieces.
struct Grid {
    double left, mid, right;
    double x(const Layout& l, double u, bool rightHalf) const
    {
        if (!rightHalf || l.split >= l.modules)
            return left + (mid - left) * u / l.split;
        return mid + (right - mid) * (u - l.split) / (l.modules - l.split);
    }
};

class Matcher {
  public:
    explicit Matcher(std::span<const float> dark) : dark_(dark) {}

    // The window's compared samples taken from the profile under `g`; empty when it leaves the profile.
    std::vector<float> samples(const Layout& l, const Window& w, const Grid& g) const
    {
        std::vector<float> o;
        const int n = static_cast<int>(w.bits.size());
        o.reserve(static_cast<std::size_t>(n * kSamples));
        for (int m = 0; m < n; ++m) {
            if (w.bits[static_cast<std::size_t>(m)] == '?')
                continue;
            for (int j = 0; j < kSamples; ++j) {
                const double x = g.x(l, w.first + m + (j + 0.5) / kSamples, w.rightHalf) - 0.5;
                if (x < 0 || x > static_cast<double>(dark_.size() - 1))
                    return {};
                const auto i = static_cast<std::size_t>(x);
                const double f = x - static_cast<double>(i);
                const double a = dark_[i], b = i + 1 < dark_.size() ? dark_[i + 1] : dark_[i];
                o.push_back(static_cast<float>(a + (b - a) * f));
            }
        }
        return normalised(std::move(o));
    }

    // Correlation of each candidate with the window's samples (-1 for every one when out of the profile).
    static std::vector<double> correlations(const std::vector<float>& o, const std::vector<Candidate>& cands)
    {
        std::vector<double> r(cands.size(), -1.0);
        if (o.empty())
            return r;
        for (std::size_t c = 0; c < cands.size(); ++c) {
            const auto& t = cands[c].t;
            double s = 0;
            for (std::size_t i = 0; i < t.size() && i < o.size(); ++i)
                s += static_cast<double>(t[i]) * o[i];
            r[c] = s;
        }
        return r;
    }

    // Sum over the windows of one half (only its guards when `guardsOnly`) of (1 - best correlation).
    double halfCost(const Layout& l, const std::vector<std::vector<Candidate>>& t, const Grid& g, bool right,
                    bool guardsOnly = false) const
    {
        double cost = 0;
        for (std::size_t i = 0; i < l.windows.size(); ++i) {
            if (l.windows[i].rightHalf != right || (guardsOnly && l.windows[i].slot != Slot::Fixed))
                continue;
            const auto r = correlations(samples(l, l.windows[i], g), t[i]);
            cost += 1.0 - *std::max_element(r.begin(), r.end());
        }
        return cost;
    }

    double cost(const Layout& l, const std::vector<std::vector<Candidate>>& t, const Grid& g) const
    {
        return halfCost(l, t, g, false) + halfCost(l, t, g, true);
    }

  private:
    std::span<const float> dark_;
};

struct Fit {
    Grid grid{};
    double cost = 1e9;
    std::size_t sigma = kBaseSigma;
};

// Best grid near `g` (each anchor within +-range modules, in `steps` steps each way) at blur `sigma`.
// The halves are independent given the middle anchor, so each is searched on its own.
Fit refine(const Matcher& m, const Layout& l, std::size_t li, std::size_t sigma, Grid g, double range, int steps,
           bool guardsOnly = false)
{
    const auto& t = cachedTemplates(li, sigma);
    const bool oneMap = l.split >= l.modules;
    const double wl = (g.mid - g.left) / l.split;
    const double wr = oneMap ? wl : (g.right - g.mid) / (l.modules - l.split);
    Fit best;
    best.sigma = sigma;
    for (int im = -steps; im <= steps; ++im) {
        Grid h = g;
        h.mid = g.mid + im * range / steps * (wl + wr) / 2;
        if (oneMap)
            h.right = h.mid;
        double bestLeft = 1e9, leftAt = g.left;
        for (int il = -steps; il <= steps; ++il) {
            h.left = g.left + il * range / steps * wl;
            const double c = m.halfCost(l, t, h, false, guardsOnly);
            if (c < bestLeft)
                bestLeft = c, leftAt = h.left;
        }
        h.left = leftAt;
        double bestRight = 0, rightAt = h.right;
        if (!oneMap) {
            bestRight = 1e9;
            for (int ir = -steps; ir <= steps; ++ir) {
                h.right = g.right + ir * range / steps * wr;
                const double c = m.halfCost(l, t, h, true, guardsOnly);
                if (c < bestRight)
                    bestRight = c, rightAt = h.right;
            }
        }
        h.right = oneMap ? h.mid : rightAt;
        if (bestLeft + bestRight < best.cost)
            best.cost = bestLeft + bestRight, best.grid = h;
    }
    return best;
}

double percentile(std::vector<float> v, double p)
{
    if (v.empty())
        return 0;
    const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

struct Run {
    double start, end; // sample edges: the run covers [start, end)
};

// The dark runs of `dark`, thresholded at 35 % of the way from the profile's light to its dark level: a
// blurred bar of one module still crosses it.
std::vector<Run> darkRuns(std::span<const float> dark)
{
    std::vector<float> v(dark.begin(), dark.end());
    const double lo = percentile(v, 0.05), hi = percentile(v, 0.95);
    const double thr = lo + 0.35 * (hi - lo);
    std::vector<Run> runs;
    bool in = false;
    for (std::size_t i = 0; i < dark.size(); ++i) {
        const bool d = dark[i] > thr;
        if (d && !in)
            runs.push_back({static_cast<double>(i), static_cast<double>(dark.size())});
        if (!d && in)
            runs.back().end = static_cast<double>(i);
        in = d;
    }
    return runs;
}

struct Decoded {
    std::string text;
    std::string format;
    double fit = 0, margin = 0, worst = 0;
};

// Reads the digits under the fitted grid; nullopt when parity or check digit is invalid.
std::optional<Decoded> readDigits(const Matcher& m, const Layout& l, std::size_t li, const Fit& f)
{
    const auto& t = cachedTemplates(li, f.sigma);
    std::string digits, parity;
    double sum = 0, margin = 1, worst = 1;
    for (std::size_t i = 0; i < l.windows.size(); ++i) {
        if (l.windows[i].slot == Slot::Fixed)
            continue;
        const auto r = Matcher::correlations(m.samples(l, l.windows[i], f.grid), t[i]);
        const auto best = static_cast<std::size_t>(std::max_element(r.begin(), r.end()) - r.begin());
        double other = -1;
        for (std::size_t c = 0; c < r.size(); ++c)
            if (t[i][c].digit != t[i][best].digit)
                other = std::max(other, r[c]);
        digits += static_cast<char>('0' + t[i][best].digit);
        parity += t[i][best].parity;
        sum += r[best];
        margin = std::min(margin, r[best] - other);
        worst = std::min(worst, r[best]);
    }
    Decoded d;
    d.fit = sum / l.digits;
    d.margin = margin;
    d.worst = worst;
    const std::string fmt = l.format;
    if (fmt == "EAN-13") {
        const auto p = std::find(kEan13Parity.begin(), kEan13Parity.end(), parity.substr(0, 6));
        if (p == kEan13Parity.end())
            return std::nullopt;
        const auto first = static_cast<char>('0' + (p - kEan13Parity.begin()));
        d.text = first + digits;
        if (!gtin::hasValidCheckDigit(d.text))
            return std::nullopt;
        d.format = "EAN-13";
        if (first == '0')
            d.text.erase(0, 1), d.format = "UPC-A";
    } else if (fmt == "EAN-8") {
        d.text = digits;
        if (!gtin::hasValidCheckDigit(d.text))
            return std::nullopt;
        d.format = "EAN-8";
    } else {
        for (char ns : {'0', '1'}) {
            for (int c = 0; c < 10; ++c) {
                std::string expect = kUpcEParity[static_cast<std::size_t>(c)];
                if (ns == '1')
                    for (auto& ch : expect)
                        ch = ch == 'L' ? 'G' : 'L';
                if (expect != parity)
                    continue;
                const std::string text = ns + digits + static_cast<char>('0' + c);
                if (gtin::expandUpcE(text)) {
                    d.text = text;
                    d.format = "UPC-E";
                }
            }
        }
        if (d.text.empty())
            return std::nullopt;
    }
    return d;
}

struct Attempt {
    std::size_t layout = 0;
    int dir = 0; // 1: the profile reversed
    Fit fit;
};

// The grid spanning [s, e) with its outer guards each nudged (up to a module either way) to where they
// fit best, and the mean cost of its fixed windows. Run edges are only roughly where a blurred symbol's
// first and last bars begin; this keeps the true extent near the top of the ranking.
Fit guardFit(const Matcher& m, std::size_t li, double s, double e)
{
    const Layout& l = layouts()[li];
    const auto& t = cachedTemplates(li, kBaseSigma);
    const double w = (e - s) / l.modules;
    const auto grid = [&](double left, double right) {
        return Grid{left, l.split >= l.modules ? right : left + (right - left) * l.split / l.modules, right};
    };
    const auto windowCost = [&](std::size_t k, const Grid& g) {
        return 1.0 - Matcher::correlations(m.samples(l, l.windows[k], g), t[k])[0];
    };
    const std::size_t first = 0, last = l.windows.size() - 1; // the start and end guards
    double left = s, right = e, startCost = 1e9, endCost = 1e9;
    for (double d : {-1.0, -0.5, 0.0, 0.5, 1.0}) {
        const double cs = windowCost(first, grid(s + d * w, e));
        if (cs < startCost)
            startCost = cs, left = s + d * w;
        const double ce = windowCost(last, grid(s, e + d * w));
        if (ce < endCost)
            endCost = ce, right = e + d * w;
    }
    Fit f;
    f.grid = grid(left, right);
    f.cost = startCost + endCost;
    // The middle guard (period two modules) is as sensitive to a small error of scale: nudged too.
    for (std::size_t k = first + 1; k < last; ++k) {
        if (l.windows[k].slot != Slot::Fixed)
            continue;
        double best = 1e9, mid = f.grid.mid;
        for (double d : {-1.0, -0.5, 0.0, 0.5, 1.0}) {
            Grid g = f.grid;
            g.mid += d * w;
            const double c = windowCost(k, g);
            if (c < best)
                best = c, mid = g.mid;
        }
        f.grid.mid = mid;
        f.cost += best;
    }
    f.cost /= static_cast<double>(fixedWindows(l));
    return f;
}

} // namespace

std::optional<ProfileRead> decodeProfile(std::span<const float> grey)
{
    if (grey.size() < 60)
        return std::nullopt;
    std::array<std::vector<float>, 2> dark{std::vector<float>(grey.size()), std::vector<float>(grey.size())};
    for (std::size_t i = 0; i < grey.size(); ++i)
        dark[0][i] = -grey[i], dark[1][grey.size() - 1 - i] = -grey[i];
    const std::array<Matcher, 2> matchers{Matcher(dark[0]), Matcher(dark[1])};

    // Extent hypotheses, both directions, every layout: a run that starts after a quiet zone to one that
    // ends before another, with about as many runs between as the symbol has bars (blur merges some).
    std::vector<Attempt> pairs;
    for (int dir = 0; dir < 2; ++dir) {
        const auto runs = darkRuns(dark[static_cast<std::size_t>(dir)]);
        const auto n = static_cast<double>(grey.size());
        for (std::size_t li = 0; li < layouts().size(); ++li) {
            const Layout& l = layouts()[li];
            const auto minBars = static_cast<std::size_t>(l.bars / 4), maxBars = static_cast<std::size_t>(l.bars + 3);
            for (std::size_t i = 0; i < runs.size(); ++i) {
                const double before = runs[i].start - (i > 0 ? runs[i - 1].end : 0.0);
                for (std::size_t j = i + minBars; j < runs.size() && j <= i + maxBars; ++j) {
                    const double s = runs[i].start, e = runs[j].end;
                    const double w = (e - s) / l.modules;
                    const double after = (j + 1 < runs.size() ? runs[j + 1].start : n) - e;
                    if (w < kMinModulePx || before < kQuietModules * w || after < kQuietModules * w)
                        continue;
                    pairs.push_back({li, dir, guardFit(matchers[static_cast<std::size_t>(dir)], li, s, e)});
                }
            }
        }
    }
    // The hypotheses whose guards and quiet zones fit best as found are fitted by their guards alone (cheap:
    // one template per window); the best few of those are fitted with their digits. Layouts are ranked
    // apart: the guards of one fit a profile differently well than another's.
    std::sort(pairs.begin(), pairs.end(), [](const Attempt& a, const Attempt& b) {
        return a.layout != b.layout ? a.layout < b.layout : a.fit.cost < b.fit.cost;
    });
    std::vector<Attempt> shortlist;
    for (std::size_t i = 0; i < pairs.size(); ++i)
        if (i < kPairsGuarded || pairs[i].layout != pairs[i - kPairsGuarded].layout)
            shortlist.push_back(pairs[i]);
    pairs = std::move(shortlist);
    for (auto& p : pairs) {
        const Layout& l = layouts()[p.layout];
        const auto& m = matchers[static_cast<std::size_t>(p.dir)];
        p.fit = refine(m, l, p.layout, kBaseSigma, p.fit.grid, 1.5, 3, true);
        p.fit = refine(m, l, p.layout, kBaseSigma, p.fit.grid, 0.25, 1, true);
        p.fit.cost /= static_cast<double>(fixedWindows(l));
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Attempt& a, const Attempt& b) {
        return a.layout != b.layout ? a.layout < b.layout : a.fit.cost < b.fit.cost;
    });
    std::optional<ProfileRead> best;
    double bestCost = 1e9;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (pairs[k].fit.cost > kMaxGuardCost || (k >= kPairsKept && pairs[k].layout == pairs[k - kPairsKept].layout))
            continue;
        const Layout& l = layouts()[pairs[k].layout];
        const auto& m = matchers[static_cast<std::size_t>(pairs[k].dir)];
        Fit f = refine(m, l, pairs[k].layout, kBaseSigma, pairs[k].fit.grid, 0.5, 2);
        f = refine(m, l, pairs[k].layout, kBaseSigma, f.grid, 0.125, 1);
        for (std::size_t s = 0; s < kSigmas.size(); ++s) {
            if (s == kBaseSigma)
                continue;
            const double c = m.cost(l, cachedTemplates(pairs[k].layout, s), f.grid);
            if (c < f.cost)
                f.cost = c, f.sigma = s;
        }
        const double perWindow = f.cost / static_cast<double>(l.windows.size());
        if (perWindow >= bestCost)
            continue;
        bestCost = perWindow;
        best.reset();
        const auto d = readDigits(m, l, pairs[k].layout, f);
        if (!d || d->fit < kMinFit || d->margin < kMinMargin || d->worst < kMinWorst)
            continue;
        ProfileRead r;
        r.text = d->text;
        r.format = d->format;
        r.fit = d->fit;
        r.margin = d->margin;
        const auto nf = static_cast<float>(grey.size());
        const auto lx = static_cast<float>(f.grid.left), rx = static_cast<float>(f.grid.right);
        r.left = pairs[k].dir == 0 ? lx : nf - rx;
        r.right = pairs[k].dir == 0 ? rx : nf - lx;
        best = r;
    }
    return best;
}

} // namespace labelcheck::barcode::detail
