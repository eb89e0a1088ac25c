#include "truth.hpp"

#include <cmath>
#include <cstdio>

namespace labelgen {

namespace {

// Integral values as JSON integers (200, not 200.0); others rounded to 6 decimals.
nlohmann::ordered_json number(double v)
{
    double r = std::round(v * 1e6) / 1e6;
    if (std::abs(r - std::round(r)) < 1e-9)
        return static_cast<long long>(std::llround(r));
    return r;
}

std::string csvNumber(double v)
{
    double r = std::round(v * 1e6) / 1e6;
    char buf[32];
    if (std::abs(r - std::round(r)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(r)));
    else
        std::snprintf(buf, sizeof buf, "%g", r);
    return buf;
}

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

nlohmann::ordered_json toContractJson(const labelcheck::CheckResult& t)
{
    nlohmann::ordered_json j;
    j["file"] = t.file;
    j["ok"] = t.ok;
    j["error"] = t.ok ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.error);
    if (t.barcode)
        j["barcode"] = {{"text", t.barcode->text}, {"format", t.barcode->format}, {"gtin14", t.barcode->gtin14}};
    else
        j["barcode"] = nullptr;
    j["panel"] = t.panel ? nlohmann::ordered_json(std::string(labelcheck::panelTypeName(*t.panel))) : nlohmann::ordered_json(nullptr);
    if (t.product)
        j["product"] = {{"name", t.product->name}, {"brand", t.product->brand}, {"source", t.product->source}};
    else
        j["product"] = nullptr;
    j["electrolyte_claim"] = t.electrolyteClaim;
    nlohmann::ordered_json minerals = nlohmann::ordered_json::object();
    for (labelcheck::Mineral m : labelcheck::kMinerals) {
        const auto& a = t.minerals[labelcheck::index(m)];
        if (!a) {
            minerals[std::string(labelcheck::mineralName(m))] = nullptr;
            continue;
        }
        nlohmann::ordered_json o;
        o["amount"] = a->amount ? number(*a->amount) : nlohmann::ordered_json(nullptr);
        o["unit"] = a->unit ? nlohmann::ordered_json(std::string(labelcheck::unitName(*a->unit))) : nlohmann::ordered_json(nullptr);
        o["mg"] = number(a->mg);
        o["daily_value_pct"] = a->dailyValuePct ? number(*a->dailyValuePct) : nlohmann::ordered_json(nullptr);
        if (a->estimated)
            o["estimated"] = true;
        minerals[std::string(labelcheck::mineralName(m))] = o;
    }
    j["minerals"] = minerals;
    j["missing"] = nlohmann::ordered_json::array();
    for (auto m : t.missing)
        j["missing"].push_back(std::string(labelcheck::mineralName(m)));
    if (!t.mentionedNotDeclared.empty()) {
        j["mentioned_not_declared"] = nlohmann::ordered_json::array();
        for (auto m : t.mentionedNotDeclared)
            j["mentioned_not_declared"].push_back(std::string(labelcheck::mineralName(m)));
    }
    j["verdict"] = std::string(labelcheck::verdictName(t.verdict));
    j["database"] = nullptr;
    return j;
}

std::string productCsvHeader()
{
    return "gtin14,brand,name,form,serving_size,electrolyte_claim,sodium_mg,sodium_dv,potassium_mg,potassium_dv,"
           "calcium_mg,calcium_dv,magnesium_mg,magnesium_dv,source,source_id,sample";
}

std::string productCsvRow(const LabelSpec& spec, const std::string& sourceId)
{
    const auto& t = spec.truth;
    std::string name = spec.productName + (spec.flavor.empty() ? "" : " " + spec.flavor);
    std::string row = t.barcode->gtin14 + "," + csvField(spec.brand) + "," + csvField(name) + "," + csvField(spec.form) + "," +
                      csvField(spec.servingSize) + "," + (t.electrolyteClaim ? "1" : "0");
    for (labelcheck::Mineral m : labelcheck::kMinerals) {
        const auto& a = t.minerals[labelcheck::index(m)];
        row += "," + (a ? csvNumber(a->mg) : std::string());
        row += "," + (a && a->dailyValuePct ? csvNumber(*a->dailyValuePct) : std::string());
    }
    return row + ",sample," + csvField(sourceId) + ",1";
}

} // namespace labelgen
