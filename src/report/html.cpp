#include "labelcheck/report/html.hpp"

#include "labelcheck/report/number.hpp"

#include <fmt/format.h>

namespace labelcheck::report {

namespace {

constexpr std::string_view kStyle = R"(body{font-family:system-ui,sans-serif;margin:1.5em;background:#f6f6f4;color:#222}
h1{font-size:1.4em}
.card{display:flex;gap:1.2em;background:#fff;border-radius:6px;padding:1em;margin:0 0 1em;border-left:6px solid #999}
.card.complete{border-color:#2a8a3e}.card.incomplete{border-color:#d4631f}.card.not_electrolyte{border-color:#5470c6}
.card.unreadable{border-color:#999}.card.failed{border-color:#c0262d}
.card h2{font-size:1em;margin:0 0 .5em;word-break:break-all}
figure{margin:0;flex:none}
svg polygon{fill:none;stroke-width:3}
svg .barcode{stroke:#00b050}svg .panel{stroke:#e0a000}svg .row{stroke:#1e88e5;stroke-width:2}
svg text{font:bold 14px sans-serif;fill:#fff;paint-order:stroke;stroke:#000;stroke-width:3px}
table{border-collapse:collapse}td,th{text-align:left;padding:.15em .8em .15em 0;vertical-align:top}
th{color:#666;font-weight:normal}
.verdict{font-weight:bold}.error{color:#c0262d}.none{color:#aaa}
footer{margin-top:1.5em;color:#555})";

const char* regionClass(RegionKind k)
{
    switch (k) {
    case RegionKind::Barcode:
        return "barcode";
    case RegionKind::Panel:
        return "panel";
    case RegionKind::Row:
        return "row";
    }
    return "";
}

const char* regionColour(RegionKind k)
{
    switch (k) {
    case RegionKind::Barcode:
        return "#00b050";
    case RegionKind::Panel:
        return "#e0a000";
    case RegionKind::Row:
        return "#1e88e5";
    }
    return "#000";
}

std::string figure(const Annotation& a)
{
    std::string s = fmt::format(
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">"
        "<image width=\"{0}\" height=\"{1}\" href=\"data:image/jpeg;base64,{2}\"/>",
        a.width, a.height, base64Encode(a.jpeg));
    for (const auto& r : a.regions) {
        if (r.points.empty())
            continue;
        std::string pts;
        int minY = r.points.front().y, minX = r.points.front().x;
        for (const auto& p : r.points) {
            pts += fmt::format("{}{},{}", pts.empty() ? "" : " ", p.x, p.y);
            if (p.y < minY || (p.y == minY && p.x < minX)) {
                minY = p.y;
                minX = p.x;
            }
        }
        // Presentation attributes as well as the class, so the outline shows in any SVG renderer.
        s += fmt::format("<polygon class=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
                         regionClass(r.kind), pts, regionColour(r.kind), r.kind == RegionKind::Row ? 2 : 3);
        if (!r.label.empty())
            s += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", minX, std::max(14, minY - 4), htmlEscape(r.label));
    }
    s += "</svg></figure>";
    return s;
}

std::string row(std::string_view name, const std::string& valueHtml)
{
    return fmt::format("<tr><th>{}</th><td>{}</td></tr>", name, valueHtml);
}

const std::string kNone = "<span class=\"none\">&mdash;</span>";

std::string mineralHtml(const std::optional<MineralAmount>& m)
{
    if (!m)
        return "<span class=\"none\">not declared</span>";
    if (m->unreadable)
        return "<span class=\"none\">on the label, amount unreadable</span>";
    std::string s;
    if (m->amount && m->unit)
        s = formatNumber(*m->amount) + " " + std::string(unitName(*m->unit));
    if (s.empty() || *m->unit != AmountUnit::Mg) {
        if (!s.empty())
            s += " = ";
        if (m->estimated)
            s += '~';
        s += formatNumber(m->mg);
        s += " mg";
    }
    if (m->dailyValuePct)
        s += ", " + formatNumber(*m->dailyValuePct) + "% DV";
    if (m->estimated)
        s += " (estimated from %DV)";
    if (m->confidence)
        s += fmt::format(" <span class=\"none\">conf {}</span>", formatNumber(*m->confidence));
    return s;
}

std::string mineralListText(const std::vector<Mineral>& list)
{
    std::string s;
    for (Mineral m : list) {
        if (!s.empty())
            s += ", ";
        s += mineralName(m);
    }
    return s.empty() ? kNone : s;
}

} // namespace

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string base64Encode(const std::vector<std::uint8_t>& bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        std::uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += kAlphabet[n & 63];
    }
    if (i + 1 == bytes.size()) {
        std::uint32_t n = bytes[i] << 16;
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += "==";
    } else if (i + 2 == bytes.size()) {
        std::uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += '=';
    }
    return out;
}

std::string htmlBegin(std::string_view title)
{
    return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n"
                       "<style>\n{1}\n</style>\n</head>\n<body>\n<h1>{0}</h1>\n",
                       htmlEscape(title), kStyle);
}

std::string htmlEntry(const CheckResult& r, const Annotation* a)
{
    const std::string cls = r.ok ? std::string(verdictName(r.verdict)) : "failed";
    std::string s = fmt::format("<section class=\"card {}\">", cls);
    if (a && !a->jpeg.empty())
        s += figure(*a);
    s += fmt::format("<div><h2>{}</h2><table>", htmlEscape(r.file));
    if (!r.ok) {
        s += row("error", "<span class=\"error\">" + htmlEscape(r.error) + "</span>");
    } else {
        s += row("verdict", "<span class=\"verdict\">" + std::string(verdictName(r.verdict)) + "</span>");
        s += row("barcode",
                 r.barcode ? htmlEscape(r.barcode->format + " " + r.barcode->text + " (GTIN " + r.barcode->gtin14 + ")")
                           : kNone);
        s += row("panel", r.panel ? std::string(panelTypeName(*r.panel)) : kNone);
        s += row("product", r.product
                                ? htmlEscape(r.product->brand + " " + r.product->name + " (" + r.product->source + ")")
                                : kNone);
        s += row("electrolyte claim", r.electrolyteClaim ? "yes" : "no");
        for (Mineral m : kMinerals)
            s += row(mineralName(m), mineralHtml(r.minerals[index(m)]));
        s += row("missing", mineralListText(r.missing));
        if (!r.mentionedNotDeclared.empty())
            s += row("mentioned, not declared", mineralListText(r.mentionedNotDeclared));
        if (r.database) {
            std::string db = r.database->found ? "found" : "not found";
            for (const auto& mm : r.database->mismatches)
                db += fmt::format("; {} label {} mg, database {} mg", mineralName(mm.mineral),
                                  mm.labelMg ? formatNumber(*mm.labelMg) : "?",
                                  mm.databaseMg ? formatNumber(*mm.databaseMg) : "?");
            s += row("database", db);
        }
    }
    s += "</table></div></section>\n";
    return s;
}

std::string htmlEnd(const Tally& tally)
{
    return fmt::format("<footer>{}</footer>\n</body>\n</html>\n", htmlEscape(summaryText(tally)));
}

} // namespace labelcheck::report
