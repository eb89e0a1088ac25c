#include "labelcheck/report/json_lines.hpp"

#include "labelcheck/report/number.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace labelcheck::report {

namespace {

using Json = nlohmann::ordered_json;

// Integral values as JSON integers so that 200 prints as 200, not 200.0.
Json number(double value)
{
    double r = roundForOutput(value);
    if (std::isfinite(r) && r == std::trunc(r) && std::fabs(r) < 1e15)
        return Json(static_cast<std::int64_t>(r));
    if (!std::isfinite(r))
        return Json(nullptr);
    return Json(r);
}

Json optionalNumber(const std::optional<double>& value)
{
    return value ? number(*value) : Json(nullptr);
}

Json mineral(const std::optional<MineralAmount>& m)
{
    if (!m)
        return Json(nullptr);
    Json j = Json::object();
    j["amount"] = optionalNumber(m->amount);
    j["unit"] = m->unit ? Json(std::string(unitName(*m->unit))) : Json(nullptr);
    j["mg"] = m->unreadable ? Json(nullptr) : number(m->mg);
    j["daily_value_pct"] = optionalNumber(m->dailyValuePct);
    if (m->estimated)
        j["estimated"] = true;
    if (m->confidence)
        j["confidence"] = number(*m->confidence);
    return j;
}

Json mineralList(const std::vector<Mineral>& list)
{
    Json j = Json::array();
    for (Mineral m : list)
        j.push_back(std::string(mineralName(m)));
    return j;
}

} // namespace

std::string toJsonLine(const CheckResult& r)
{
    Json j = Json::object();
    j["file"] = r.file;
    j["ok"] = r.ok;
    j["error"] = r.ok ? Json(nullptr) : Json(r.error);
    if (r.barcode)
        j["barcode"] = Json{{"text", r.barcode->text}, {"format", r.barcode->format}, {"gtin14", r.barcode->gtin14}};
    else
        j["barcode"] = nullptr;
    j["panel"] = r.panel ? Json(std::string(panelTypeName(*r.panel))) : Json(nullptr);
    if (r.product)
        j["product"] = Json{{"name", r.product->name}, {"brand", r.product->brand}, {"source", r.product->source}};
    else
        j["product"] = nullptr;
    j["electrolyte_claim"] = r.electrolyteClaim;
    Json minerals = Json::object();
    for (Mineral m : kMinerals)
        minerals[std::string(mineralName(m))] = mineral(r.minerals[index(m)]);
    j["minerals"] = std::move(minerals);
    j["missing"] = mineralList(r.missing);
    if (!r.mentionedNotDeclared.empty())
        j["mentioned_not_declared"] = mineralList(r.mentionedNotDeclared);
    j["verdict"] = std::string(verdictName(r.verdict));
    if (r.database) {
        Json mismatches = Json::array();
        for (const auto& mm : r.database->mismatches)
            mismatches.push_back(Json{{"mineral", std::string(mineralName(mm.mineral))},
                                      {"label_mg", optionalNumber(mm.labelMg)},
                                      {"database_mg", optionalNumber(mm.databaseMg)}});
        j["database"] = Json{{"found", r.database->found}, {"mismatches", std::move(mismatches)}};
    } else {
        j["database"] = nullptr;
    }
    // Replace invalid UTF-8 (a path with Latin-1 bytes) instead of throwing.
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace labelcheck::report
