#include "labelcheck/db/product_format.hpp"

#include "labelcheck/core/gtin.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace labelcheck::db {

namespace {

const std::vector<std::string> kColumns = {
    "gtin14",       "brand",        "name",         "form",         "serving_size", "electrolyte_claim",
    "sodium_mg",    "sodium_dv",    "potassium_mg", "potassium_dv", "calcium_mg",   "calcium_dv",
    "magnesium_mg", "magnesium_dv", "source",       "source_id",    "sample"};

constexpr std::string_view kHeader = "gtin14,brand,name,form,serving_size,electrolyte_claim,sodium_mg,sodium_dv,"
                                     "potassium_mg,potassium_dv,calcium_mg,calcium_dv,magnesium_mg,magnesium_dv,"
                                     "source,source_id,sample";

void appendCsvField(std::string& out, std::string_view s)
{
    const bool quote =
        s.find_first_of(",\"\r\n") != std::string_view::npos || (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

Error bad(std::string_view column, std::string_view value, std::string_view why)
{
    return makeError(ErrorCode::InvalidArgument,
                     std::string(column) + " '" + std::string(value) + "' " + std::string(why));
}

Expected<std::optional<double>> optionalAmount(std::string_view column, std::string_view text)
{
    auto trimmed = text;
    while (!trimmed.empty() && trimmed.front() == ' ')
        trimmed.remove_prefix(1);
    while (!trimmed.empty() && trimmed.back() == ' ')
        trimmed.remove_suffix(1);
    if (trimmed.empty())
        return std::optional<double>{};
    auto v = parseNumber(trimmed);
    if (!v)
        return bad(column, text, "is not a number");
    if (*v < 0)
        return bad(column, text, "is negative");
    return std::optional<double>{*v};
}

Expected<bool> flag(std::string_view column, std::string_view text)
{
    if (text == "1" || text == "true")
        return true;
    if (text == "0" || text == "false" || text.empty())
        return false;
    return bad(column, text, "must be 1 or 0");
}

} // namespace

std::string_view csvHeader()
{
    return kHeader;
}
const std::vector<std::string>& csvColumns()
{
    return kColumns;
}

std::string formatNumber(double v)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::optional<double> parseNumber(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    double v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc{} || r.ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::string toCsvRow(const Product& p)
{
    std::string out;
    out.reserve(160);
    auto sep = [&] { out += ','; };
    appendCsvField(out, p.gtin14);
    sep();
    appendCsvField(out, p.brand);
    sep();
    appendCsvField(out, p.name);
    sep();
    appendCsvField(out, p.form);
    sep();
    appendCsvField(out, p.servingSize);
    sep();
    out += p.electrolyteClaim ? '1' : '0';
    for (Mineral m : kMinerals) {
        sep();
        if (auto v = p.mg(m))
            out += formatNumber(*v);
        sep();
        if (auto v = p.dv(m))
            out += formatNumber(*v);
    }
    sep();
    appendCsvField(out, p.source);
    sep();
    appendCsvField(out, p.sourceId);
    sep();
    out += p.sample ? '1' : '0';
    return out;
}

Expected<Product> productFromCsvFields(const std::vector<std::string>& f)
{
    if (f.size() != kColumns.size())
        return makeError(ErrorCode::InvalidArgument,
                         "expected " + std::to_string(kColumns.size()) + " columns, found " + std::to_string(f.size()));
    Product p;
    auto g = gtin::toGtin14(f[0]);
    if (!g)
        return makeError(ErrorCode::InvalidArgument, "gtin14: " + g.error().message);
    p.gtin14 = *g;
    p.brand = f[1];
    p.name = f[2];
    p.form = f[3];
    p.servingSize = f[4];
    auto claim = flag("electrolyte_claim", f[5]);
    if (!claim)
        return claim.error();
    p.electrolyteClaim = *claim;
    for (Mineral m : kMinerals) {
        const std::size_t col = 6 + 2 * index(m);
        auto mg = optionalAmount(kColumns[col], f[col]);
        if (!mg)
            return mg.error();
        auto dv = optionalAmount(kColumns[col + 1], f[col + 1]);
        if (!dv)
            return dv.error();
        p.mineralMg[index(m)] = *mg;
        p.dailyValuePct[index(m)] = *dv;
    }
    p.source = f[14].empty() ? "csv" : f[14];
    p.sourceId = f[15];
    auto sample = flag("sample", f[16]);
    if (!sample)
        return sample.error();
    p.sample = *sample;
    return p;
}

std::string toJson(const Product& p)
{
    nlohmann::ordered_json j;
    j["gtin14"] = p.gtin14;
    j["brand"] = p.brand;
    j["name"] = p.name;
    j["form"] = p.form;
    j["serving_size"] = p.servingSize;
    j["electrolyte_claim"] = p.electrolyteClaim;
    nlohmann::ordered_json minerals = nlohmann::ordered_json::object();
    for (Mineral m : kMinerals) {
        const auto key = std::string(mineralName(m));
        if (!p.mg(m) && !p.dv(m)) {
            minerals[key] = nullptr;
            continue;
        }
        nlohmann::ordered_json one;
        one["mg"] = p.mg(m) ? nlohmann::ordered_json(*p.mg(m)) : nlohmann::ordered_json(nullptr);
        one["daily_value_pct"] = p.dv(m) ? nlohmann::ordered_json(*p.dv(m)) : nlohmann::ordered_json(nullptr);
        minerals[key] = one;
    }
    j["minerals"] = minerals;
    j["source"] = p.source;
    j["source_id"] = p.sourceId;
    j["sample"] = p.sample;
    j["updated_at"] = p.updatedAt;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

Expected<std::optional<double>> jsonAmount(const nlohmann::json& v, const std::string& what)
{
    if (v.is_null())
        return std::optional<double>{};
    if (!v.is_number())
        return makeError(ErrorCode::InvalidArgument, what + " must be a number or null");
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < 0)
        return makeError(ErrorCode::InvalidArgument, what + " must be a non-negative number");
    return std::optional<double>{d};
}

} // namespace

Expected<Product> productFromJson(std::string_view text)
{
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded())
        return makeError(ErrorCode::InvalidArgument, "not valid JSON");
    if (!j.is_object())
        return makeError(ErrorCode::InvalidArgument, "expected a JSON object");
    Product p;
    p.source = "manual";
    bool haveCode = false;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const nlohmann::json& v = it.value();
        auto str = [&](std::string& out) -> Status {
            if (!v.is_string())
                return makeError(ErrorCode::InvalidArgument, "\"" + key + "\" must be a string");
            out = v.get<std::string>();
            return Status::success();
        };
        auto boolean = [&](bool& out) -> Status {
            if (v.is_boolean())
                out = v.get<bool>();
            else if (v.is_number_integer() && (v.get<int>() == 0 || v.get<int>() == 1))
                out = v.get<int>() == 1;
            else
                return makeError(ErrorCode::InvalidArgument, "\"" + key + "\" must be true or false");
            return Status::success();
        };
        Status st;
        if (key == "gtin14" || key == "gtin" || key == "code") {
            std::string code;
            if (v.is_number_unsigned())
                return makeError(ErrorCode::InvalidArgument, "\"" + key + "\" must be a string (leading zeros matter)");
            st = str(code);
            if (st) {
                auto g = gtin::toGtin14(code);
                if (!g)
                    return g.error();
                p.gtin14 = *g;
                haveCode = true;
            }
        } else if (key == "brand")
            st = str(p.brand);
        else if (key == "name")
            st = str(p.name);
        else if (key == "form")
            st = str(p.form);
        else if (key == "serving_size")
            st = str(p.servingSize);
        else if (key == "source")
            st = str(p.source);
        else if (key == "source_id")
            st = str(p.sourceId);
        else if (key == "updated_at")
            continue;
        else if (key == "electrolyte_claim")
            st = boolean(p.electrolyteClaim);
        else if (key == "sample")
            st = boolean(p.sample);
        else if (key == "minerals") {
            if (!v.is_object())
                return makeError(ErrorCode::InvalidArgument, "\"minerals\" must be an object");
            for (auto m = v.begin(); m != v.end(); ++m) {
                auto mineral = mineralFromName(m.key());
                if (!mineral)
                    return makeError(ErrorCode::InvalidArgument, "unknown mineral \"" + m.key() + "\"");
                const auto& e = m.value();
                if (e.is_null())
                    continue;
                if (e.is_number()) { // shorthand: "sodium": 200
                    auto a = jsonAmount(e, m.key());
                    if (!a)
                        return a.error();
                    p.mineralMg[index(*mineral)] = *a;
                    continue;
                }
                if (!e.is_object())
                    return makeError(ErrorCode::InvalidArgument,
                                     "\"" + m.key() + "\" must be an object, a number or null");
                for (auto f = e.begin(); f != e.end(); ++f) {
                    auto a = jsonAmount(f.value(), m.key() + "." + f.key());
                    if (!a)
                        return a.error();
                    if (f.key() == "mg")
                        p.mineralMg[index(*mineral)] = *a;
                    else if (f.key() == "daily_value_pct")
                        p.dailyValuePct[index(*mineral)] = *a;
                    else
                        return makeError(ErrorCode::InvalidArgument, "unknown key \"" + m.key() + "." + f.key() + "\"");
                }
            }
        } else {
            bool matched = false;
            for (Mineral m : kMinerals) {
                const std::string name(mineralName(m));
                if (key == name + "_mg" || key == name + "_dv") {
                    auto a = jsonAmount(v, key);
                    if (!a)
                        return a.error();
                    (key.back() == 'g' ? p.mineralMg : p.dailyValuePct)[index(m)] = *a;
                    matched = true;
                }
            }
            if (!matched)
                return makeError(ErrorCode::InvalidArgument, "unknown key \"" + key + "\"");
        }
        if (!st)
            return st.error();
    }
    if (!haveCode)
        return makeError(ErrorCode::InvalidArgument, "the object has no \"gtin14\"");
    if (p.source.empty())
        return makeError(ErrorCode::InvalidArgument, "\"source\" must not be empty");
    return p;
}

} // namespace labelcheck::db
