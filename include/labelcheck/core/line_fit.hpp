#pragma once
// A straight line fitted to points by least squares (a rule's ends down a panel's side, a band's edge). Pure.

#include <cmath>
#include <cstddef>

namespace labelcheck {

// v = offset + slope * u, fitted to pairs (u, v) by least squares on v.
struct LineFit {
    double slope = 0, offset = 0;
    double at(double u) const { return offset + slope * u; }
};

// The least-squares line through the points that `uOf` and `vOf` read off `points` (a range). A single point, or
// points all at one u, give the horizontal line through their mean v; none give v = 0.
template <class Range, class U, class V> LineFit fitLine(const Range& points, U uOf, V vOf)
{
    double su = 0, sv = 0, suu = 0, suv = 0, n = 0;
    for (const auto& p : points) {
        const double u = uOf(p), v = vOf(p);
        su += u;
        sv += v;
        suu += u * u;
        suv += u * v;
        n += 1;
    }
    if (n == 0)
        return {};
    const double det = n * suu - su * su;
    if (n < 2 || std::abs(det) < 1e-9)
        return LineFit{0, sv / n};
    const double slope = (n * suv - su * sv) / det;
    return LineFit{slope, (sv - slope * su) / n};
}

} // namespace labelcheck
