#include "labelcheck/core/line_fit.hpp"

#include <doctest/doctest.h>

#include <utility>
#include <vector>

using labelcheck::fitLine;

namespace {

using Pt = std::pair<double, double>;
const auto first = [](const Pt& p) { return p.first; };
const auto second = [](const Pt& p) { return p.second; };

} // namespace

TEST_SUITE("core") {

TEST_CASE("a line through points on it, either way round; a level line for one point or one u")
{
    const std::vector<Pt> onLine{{0, 3}, {10, 5}, {20, 7}, {35, 10}};
    const auto f = fitLine(onLine, first, second);
    CHECK(f.slope == doctest::Approx(0.2));
    CHECK(f.offset == doctest::Approx(3));
    CHECK(f.at(50) == doctest::Approx(13));
    // The same points with the axes swapped: u from the second member (a panel's side, x as a function of y).
    const auto g = fitLine(onLine, second, first);
    CHECK(g.slope == doctest::Approx(5));
    CHECK(g.at(5) == doctest::Approx(10));
    // Least squares: an outlier pulls the line, symmetric noise does not.
    const std::vector<Pt> noisy{{0, 1}, {1, -1}, {2, 1}, {3, -1}, {4, 1}, {5, -1}};
    CHECK(std::abs(fitLine(noisy, first, second).slope) < 0.3);
    CHECK(fitLine(std::vector<Pt>{{4, 9}}, first, second).at(100) == doctest::Approx(9));
    CHECK(fitLine(std::vector<Pt>{{4, 9}, {4, 3}}, first, second).at(-7) == doctest::Approx(6));
    CHECK(fitLine(std::vector<Pt>{}, first, second).at(1) == 0);
}

} // TEST_SUITE
