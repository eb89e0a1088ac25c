#include "labelcheck/image/run_components.hpp"

#include "byte_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>

namespace labelcheck::image {

namespace {

std::vector<PixelRun> horizontalRuns(const cv::Mat& bin, std::vector<int>& rowStart)
{
    std::vector<PixelRun> runs;
    rowStart.assign(std::size_t(bin.rows) + 1, 0);
    for (int y = 0; y < bin.rows; ++y) {
        rowStart[std::size_t(y)] = int(runs.size());
        const std::uint8_t* p = bin.ptr<std::uint8_t>(y);
        const int n = bin.cols;
        for (int x = detail::nextWhere(p, 0, n, true); x < n; x = detail::nextWhere(p, x, n, true)) {
            const int start = x;
            x = detail::nextWhere(p, x, n, false);
            runs.push_back({y, start, x});
        }
    }
    rowStart[std::size_t(bin.rows)] = int(runs.size());
    return runs;
}

} // namespace

std::vector<RunComponent> runComponents(const cv::Mat& bin)
{
    CV_Assert(bin.type() == CV_8UC1);
    std::vector<int> rowStart;
    const std::vector<PixelRun> runs = horizontalRuns(bin, rowStart);

    // Union-find over the runs; a root is its set's first run.
    std::vector<int> parent(runs.size());
    std::iota(parent.begin(), parent.end(), 0);
    const auto root = [&](int a) {
        while (parent[std::size_t(a)] != a)
            a = parent[std::size_t(a)] = parent[std::size_t(parent[std::size_t(a)])];
        return a;
    };
    for (int y = 1; y < bin.rows; ++y) {
        int i = rowStart[std::size_t(y - 1)], j = rowStart[std::size_t(y)];
        const int iEnd = rowStart[std::size_t(y)], jEnd = rowStart[std::size_t(y) + 1];
        while (i < iEnd && j < jEnd) {
            const PixelRun& a = runs[std::size_t(i)];
            const PixelRun& b = runs[std::size_t(j)];
            // Touching, diagonally included: columns [a.x0 - 1, a.x1] and [b.x0, b.x1 - 1] meet.
            if (a.x0 <= b.x1 && b.x0 <= a.x1) {
                const int ra = root(i), rb = root(j);
                if (ra != rb)
                    parent[std::size_t(std::max(ra, rb))] = std::min(ra, rb);
            }
            if (a.x1 < b.x1)
                ++i;
            else
                ++j;
        }
    }

    // Each component keyed by its first 2x2 block (row pair, then column pair): OpenCV's numbering.
    std::vector<int> index(runs.size(), -1);
    std::vector<RunComponent> found;
    std::vector<std::pair<std::int64_t, int>> firstBlock;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const int top = root(int(r));
        if (index[std::size_t(top)] < 0) {
            index[std::size_t(top)] = int(found.size());
            const PixelRun& u = runs[r];
            found.push_back({u.x0, u.y, u.x1 - 1, u.y, 0, 0, 0, {}});
            firstBlock.emplace_back(INT64_MAX, int(firstBlock.size()));
        }
        const int k = index[std::size_t(top)];
        RunComponent& c = found[std::size_t(k)];
        const PixelRun& u = runs[r];
        c.left = std::min(c.left, u.x0);
        c.right = std::max(c.right, u.x1 - 1);
        c.top = std::min(c.top, u.y);
        c.bottom = std::max(c.bottom, u.y);
        c.area += u.x1 - u.x0;
        c.sumX += (std::int64_t(u.x0) + u.x1 - 1) * (u.x1 - u.x0) / 2;
        c.sumY += std::int64_t(u.y) * (u.x1 - u.x0);
        c.runs.push_back(u);
        const std::int64_t block = (std::int64_t(u.y >> 1) << 32) + (u.x0 >> 1);
        firstBlock[std::size_t(k)].first = std::min(firstBlock[std::size_t(k)].first, block);
    }
    std::sort(firstBlock.begin(), firstBlock.end());
    std::vector<RunComponent> out;
    out.reserve(found.size());
    for (const auto& [block, k] : firstBlock)
        out.push_back(std::move(found[std::size_t(k)]));
    return out;
}

} // namespace labelcheck::image
