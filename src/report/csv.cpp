#include "labelcheck/report/csv.hpp"

#include "labelcheck/report/number.hpp"

#include <vector>

namespace labelcheck::report {

namespace {

std::string joinRow(const std::vector<std::string>& cells)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            line += ',';
        line += csvField(cells[i]);
    }
    line += '\n';
    return line;
}

std::string boolText(bool b)
{
    return b ? "true" : "false";
}

std::string optionalNumber(const std::optional<double>& v)
{
    return v ? formatNumber(*v) : std::string();
}

std::string mineralList(const std::vector<Mineral>& list)
{
    std::string s;
    for (Mineral m : list) {
        if (!s.empty())
            s += ';';
        s += mineralName(m);
    }
    return s;
}

} // namespace

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string q = "\"";
    for (char c : text) {
        if (c == '"')
            q += '"';
        q += c;
    }
    q += '"';
    return q;
}

std::string csvHeader()
{
    std::vector<std::string> h = {"file",  "ok",    "error",   "barcode",        "format",           "gtin14",
                                  "panel", "brand", "product", "product_source", "electrolyte_claim"};
    for (Mineral m : kMinerals) {
        std::string n(mineralName(m));
        for (const char* suffix : {"_amount", "_unit", "_mg", "_dv"})
            h.push_back(n + suffix);
    }
    for (const char* c : {"missing", "mentioned_not_declared", "verdict", "database_found", "database_mismatches"})
        h.emplace_back(c);
    return joinRow(h);
}

std::string toCsvRow(const CheckResult& r)
{
    std::vector<std::string> c;
    c.push_back(r.file);
    c.push_back(boolText(r.ok));
    c.push_back(r.ok ? std::string() : r.error);
    c.push_back(r.barcode ? r.barcode->text : "");
    c.push_back(r.barcode ? r.barcode->format : "");
    c.push_back(r.barcode ? r.barcode->gtin14 : "");
    c.push_back(r.panel ? std::string(panelTypeName(*r.panel)) : "");
    c.push_back(r.product ? r.product->brand : "");
    c.push_back(r.product ? r.product->name : "");
    c.push_back(r.product ? r.product->source : "");
    c.push_back(boolText(r.electrolyteClaim));
    for (Mineral m : kMinerals) {
        const auto& a = r.minerals[index(m)];
        c.push_back(a ? optionalNumber(a->amount) : "");
        c.push_back(a && a->unit ? std::string(unitName(*a->unit)) : "");
        c.push_back(a && !a->unreadable ? formatNumber(a->mg) : "");
        c.push_back(a ? optionalNumber(a->dailyValuePct) : "");
    }
    c.push_back(mineralList(r.missing));
    c.push_back(mineralList(r.mentionedNotDeclared));
    c.push_back(std::string(verdictName(r.verdict)));
    c.push_back(r.database ? boolText(r.database->found) : "");
    std::string mm;
    if (r.database) {
        for (const auto& x : r.database->mismatches) {
            if (!mm.empty())
                mm += ';';
            mm += std::string(mineralName(x.mineral)) + ':' + optionalNumber(x.labelMg) + '/' +
                  optionalNumber(x.databaseMg);
        }
    }
    c.push_back(mm);
    return joinRow(c);
}

} // namespace labelcheck::report
