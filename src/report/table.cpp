#include "labelcheck/report/table.hpp"

#include "labelcheck/report/number.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace labelcheck::report {

namespace {

constexpr int kGtinWidth = 14;
constexpr int kPanelWidth = 10;
constexpr int kMineralWidth = 11;

// Display width of UTF-8 text: counts code points, not bytes (close enough for file names).
int displayWidth(const std::string& s)
{
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string fit(const std::string& s, int width)
{
    int w = displayWidth(s);
    if (w <= width)
        return s + std::string(static_cast<std::size_t>(width - w), ' ');
    // Keep the end of the name (the file itself); skip whole code points from the left.
    int drop = w - (width - 3);
    std::size_t i = 0;
    while (i < s.size() && drop > 0) {
        ++i;
        while (i < s.size() && (s[i] & 0xC0) == 0x80)
            ++i;
        --drop;
    }
    return "..." + s.substr(i);
}

std::string mineralCell(const std::optional<MineralAmount>& m)
{
    if (!m)
        return "-";
    if (m->unreadable)
        return "unreadable";
    std::string cell = m->estimated ? "~" : "";
    cell += formatNumber(m->mg);
    cell += " mg";
    return cell;
}

std::string panelCell(const std::optional<PanelType>& p)
{
    if (!p)
        return "-";
    return *p == PanelType::SupplementFacts ? "supplement" : "nutrition";
}

} // namespace

TableWriter::TableWriter(const std::vector<std::string>& files)
{
    for (const auto& f : files)
        fileWidth_ = std::max(fileWidth_, displayWidth(f));
    fileWidth_ = std::min(fileWidth_, kMaxFileWidth);
}

std::string TableWriter::header() const
{
    return fmt::format("{}  {:<{}}  {:<{}}  {:<{}}{:<{}}{:<{}}{:<{}}{}\n", fit("FILE", fileWidth_), "GTIN", kGtinWidth,
                       "PANEL", kPanelWidth, "SODIUM", kMineralWidth, "POTASSIUM", kMineralWidth, "CALCIUM",
                       kMineralWidth, "MAGNESIUM", kMineralWidth, "VERDICT");
}

std::string TableWriter::row(const CheckResult& r) const
{
    if (!r.ok)
        return fmt::format("{}  error: {}\n", fit(r.file, fileWidth_), r.error);
    return fmt::format("{}  {:<{}}  {:<{}}  {:<{}}{:<{}}{:<{}}{:<{}}{}\n", fit(r.file, fileWidth_),
                       r.barcode ? r.barcode->gtin14 : "-", kGtinWidth, panelCell(r.panel), kPanelWidth,
                       mineralCell(r.minerals[0]), kMineralWidth, mineralCell(r.minerals[1]), kMineralWidth,
                       mineralCell(r.minerals[2]), kMineralWidth, mineralCell(r.minerals[3]), kMineralWidth,
                       verdictName(r.verdict));
}

} // namespace labelcheck::report
