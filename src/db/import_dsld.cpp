// NIH Dietary Supplement Label Database, label JSON as served by API v9 and the bulk download: one label
// object per file, or a JSON array of labels parsed one element at a time (constant memory per label).
//   {"id": 12345, "fullName": "...", "brandName": "...", "upcSku": "7 39930 19531 8",
//    "physicalState": {"langualCodeDescription": "Powder"},
//    "servingSizes": [{"minQuantity": 1, "maxQuantity": 1, "unit": "Scoop(s)"}],
//    "ingredientRows": [{"name": "Sodium", "ingredientGroup": "Sodium",
//        "quantity": [{"servingSizeOrder": 1, "quantity": 200, "unit": "mg",
//                      "dailyValueTargetGroup": [{"name": "Adults and children 4 or more years of age",
//                                                 "percent": 9}]}],
//        "nestedRows": [...]}]}
// unit "NP" means the amount is not disclosed.
#include "import_sink.hpp"
#include "labelcheck/db/product_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <streambuf>

namespace labelcheck::db {

namespace {

using nlohmann::json;

// Reads a file in chunks and can say on which line the next unread character is. nlohmann's stream
// adapter consumes one character at a time, so this is the parser's position.
class LineCountingBuf : public std::streambuf {
  public:
    explicit LineCountingBuf(std::istream& in) : in_(in), buf_(1 << 16) {}

    std::int64_t line()
    {
        linesBefore_ += std::count(counted_, gptr(), '\n');
        counted_ = gptr();
        return linesBefore_ + 1;
    }

  protected:
    int_type underflow() override
    {
        if (gptr() < egptr())
            return traits_type::to_int_type(*gptr());
        if (eback())
            linesBefore_ += std::count(counted_, egptr(), '\n');
        in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        const auto n = in_.gcount();
        if (n <= 0)
            return traits_type::eof();
        setg(buf_.data(), buf_.data(), buf_.data() + n);
        counted_ = buf_.data();
        return traits_type::to_int_type(*gptr());
    }

  private:
    std::istream& in_;
    std::vector<char> buf_;
    char* counted_ = nullptr;
    std::int64_t linesBefore_ = 0;
};

struct StopParsing {};

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string text(const json& j, const char* key)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<std::int64_t>());
    if (it->is_number())
        return formatNumber(it->get<double>());
    return {};
}

std::optional<double> number(const json& j, const char* key)
{
    auto it = j.find(key);
    if (it == j.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

// "Magnesium", "Magnesium (as citrate)" name the mineral; "Magnesium Stearate" does not.
std::optional<Mineral> mineralOfRow(const std::string& name)
{
    const std::string n = lower(name);
    for (Mineral m : kMinerals) {
        const auto key = mineralName(m);
        if (n.rfind(key, 0) != 0)
            continue;
        const std::string_view rest = std::string_view(n).substr(key.size());
        if (rest.empty() || rest[0] == '(' || rest[0] == ',' || rest.rfind(" (", 0) == 0 || rest == " ")
            return m;
    }
    return std::nullopt;
}

std::optional<double> toMg(double amount, const std::string& unit)
{
    const std::string u = lower(unit);
    if (u == "mg" || u == "milligram(s)" || u == "milligrams")
        return amount;
    if (u == "g" || u == "gram(s)" || u == "grams")
        return amount * 1000.0;
    if (u == "mcg" || u == "\xC2\xB5g" || u == "microgram(s)" || u == "micrograms")
        return amount / 1000.0;
    return std::nullopt;
}

std::string formOf(const json& label)
{
    auto ps = label.find("physicalState");
    if (ps == label.end() || !ps->is_object())
        return {};
    const std::string d = lower(text(*ps, "langualCodeDescription"));
    if (d.find("softgel") != std::string::npos)
        return "softgel";
    for (const char* f : {"powder", "tablet", "capsule", "liquid", "gummy", "bar", "lozenge"})
        if (d.find(f) != std::string::npos)
            return f;
    return d;
}

std::string servingOf(const json& label)
{
    auto ss = label.find("servingSizes");
    if (ss == label.end() || !ss->is_array() || ss->empty() || !(*ss)[0].is_object())
        return {};
    const json& s = (*ss)[0];
    auto lo = number(s, "minQuantity");
    auto hi = number(s, "maxQuantity");
    const std::string unit = text(s, "unit");
    std::string q;
    if (lo)
        q = formatNumber(*lo);
    if (hi && (!lo || *hi != *lo))
        q += (q.empty() ? "" : "-") + formatNumber(*hi);
    return q.empty() ? unit : unit.empty() ? q : q + " " + unit;
}

// Walks ingredient rows (and their nested rows) filling the minerals; first declaration wins.
// Returns an error text for a unit we cannot convert.
std::string collectRows(const json& rows, Product& p, std::array<bool, 4>& seen, bool& claim)
{
    if (!rows.is_array())
        return {};
    for (const json& row : rows) {
        if (!row.is_object())
            continue;
        const std::string name = text(row, "name");
        if (mentionsElectrolytes(name) || mentionsElectrolytes(text(row, "ingredientGroup")))
            claim = true;
        if (auto m = mineralOfRow(name); m && !seen[index(*m)]) {
            seen[index(*m)] = true;
            auto qs = row.find("quantity");
            if (qs != row.end() && qs->is_array() && !qs->empty()) {
                // The first serving size's quantity.
                const json* q = &(*qs)[0];
                for (const json& c : *qs)
                    if (c.is_object() && number(c, "servingSizeOrder") == 1.0) {
                        q = &c;
                        break;
                    }
                if (q->is_object()) {
                    const std::string unit = text(*q, "unit");
                    auto amount = number(*q, "quantity");
                    if (unit != "NP" && amount) {
                        auto mg = toMg(*amount, unit);
                        if (!mg)
                            return std::string(mineralName(*m)) + " unit '" + unit + "' is not a mass unit";
                        if (*mg < 0)
                            return std::string(mineralName(*m)) + " amount is negative";
                        p.mineralMg[index(*m)] = std::round(*mg * 1000.0) / 1000.0;
                    }
                    auto dvs = q->find("dailyValueTargetGroup");
                    if (unit != "NP" && dvs != q->end() && dvs->is_array() && !dvs->empty() && (*dvs)[0].is_object())
                        if (auto pct = number((*dvs)[0], "percent"); pct && *pct >= 0)
                            p.dailyValuePct[index(*m)] = *pct;
                }
            }
        }
        if (auto nested = row.find("nestedRows"); nested != row.end()) {
            auto e = collectRows(*nested, p, seen, claim);
            if (!e.empty())
                return e;
        }
    }
    return {};
}

// A label object to a product, or the reason it cannot be one.
Expected<Product> productOfLabel(const json& label)
{
    if (!label.is_object())
        return makeError(ErrorCode::InvalidArgument, "a label must be a JSON object");
    Product p;
    p.source = "dsld";
    p.sourceId = text(label, "id");
    const std::string upc = text(label, "upcSku");
    if (upc.empty())
        return makeError(ErrorCode::InvalidArgument, "label " + p.sourceId + " has no upcSku");
    auto candidates = gtinCandidates(upc);
    if (!candidates)
        return makeError(ErrorCode::InvalidArgument, "label " + p.sourceId + " upcSku: " + candidates.error().message);
    p.gtin14 = candidates->front();
    p.name = text(label, "fullName");
    p.brand = text(label, "brandName");
    p.form = formOf(label);
    p.servingSize = servingOf(label);
    std::array<bool, 4> seen{};
    bool claim = mentionsElectrolytes(p.name) || mentionsElectrolytes(p.brand);
    if (auto rows = label.find("ingredientRows"); rows != label.end()) {
        auto e = collectRows(*rows, p, seen, claim);
        if (!e.empty())
            return makeError(ErrorCode::InvalidArgument, "label " + p.sourceId + ": " + e);
    }
    p.electrolyteClaim = claim;
    return p;
}

} // namespace

Status importDsldFile(const std::filesystem::path& file, ImportSink& sink)
{
    auto in = openInput(file);
    if (!in)
        return in.error();
    const std::string name = file.string();
    LineCountingBuf buf(**in);
    std::istream stream(&buf);
    std::int64_t labelLine = 1;
    std::optional<Error> failure;
    bool topIsArray = false;
    bool topIsObject = false;
    auto handle = [&](const json& label) {
        Expected<bool> go = true;
        auto p = productOfLabel(label);
        go = p ? sink.product(*p, name, labelLine) : sink.reject(name, labelLine, p.error().message);
        if (!go) {
            failure = go.error();
            throw StopParsing{};
        }
        if (!*go)
            throw StopParsing{};
    };
    auto cb = [&](int depth, json::parse_event_t ev, json& parsed) -> bool {
        if (depth == 0 && ev == json::parse_event_t::array_start)
            topIsArray = true;
        if (depth == 0 && ev == json::parse_event_t::object_start)
            topIsObject = true;
        if ((ev == json::parse_event_t::object_start || ev == json::parse_event_t::array_start) &&
            depth == (topIsArray ? 1 : 0))
            labelLine = buf.line();
        if (topIsArray && depth == 1) {
            if (ev == json::parse_event_t::object_end) {
                handle(parsed);
                return false; // discard: the array never holds more than one label
            }
            if (ev == json::parse_event_t::value || ev == json::parse_event_t::array_end) {
                labelLine = buf.line();
                handle(parsed); // not an object: rejected
                return false;
            }
        }
        if (!topIsArray && depth == 0 && ev == json::parse_event_t::object_end) {
            handle(parsed);
            return false;
        }
        return true;
    };
    try {
        // The callback takes each label as it is parsed; what parse returns is the emptied shell.
        [[maybe_unused]] const json shell = json::parse(stream, cb, true, false);
        if (!topIsArray && !topIsObject)
            if (auto go = sink.reject(name, 1, "not a DSLD label (expected a JSON object or an array of them)"); !go)
                return go.error();
    } catch (const StopParsing&) {
        if (failure)
            return *failure;
    } catch (const json::exception& e) {
        // The file is broken from here on; what came before is kept (unless strict).
        if (auto go = sink.reject(name, buf.line(), std::string("invalid JSON: ") + e.what()); !go)
            return go.error();
    }
    return Status::success();
}

} // namespace labelcheck::db
