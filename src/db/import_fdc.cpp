// USDA FoodData Central, Branded Foods CSV download. Three files joined on fdc_id:
//   food.csv           fdc_id, data_type, description, ...
//   food_nutrient.csv  id, fdc_id, nutrient_id, amount, ...   (amount per 100 g or 100 ml)
//   branded_food.csv   fdc_id, brand_owner, brand_name, gtin_upc, serving_size, serving_size_unit,
//                      household_serving_fulltext, branded_food_category, ...
// All fields are RFC 4180 quoted. food.csv and food_nutrient.csv are read first into maps keyed by fdc_id
// (descriptions of branded foods and the four minerals only); branded_food.csv then streams into products.
#include "csv_reader.hpp"
#include "import_sink.hpp"
#include "labelcheck/core/gtin.hpp"
#include "labelcheck/db/product_format.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace labelcheck::db {

namespace fs = std::filesystem;

namespace {

// Why a record of a file whose header has `width` fields cannot be used at all: the CSV reader could not split
// it, or it has another number of fields. nullopt for a well-formed record.
std::optional<std::string> malformedRecord(CsvReader::Result r, const CsvReader& reader, std::size_t fields,
                                           std::size_t width)
{
    if (r == CsvReader::Result::Error)
        return reader.error();
    if (fields != width)
        return "has " + std::to_string(fields) + " fields, the header has " + std::to_string(width);
    return std::nullopt;
}

// FDC nutrient ids, all in mg: 1093 sodium, 1092 potassium, 1087 calcium, 1090 magnesium.
std::optional<Mineral> mineralOfNutrient(std::int64_t id)
{
    switch (id) {
    case 1093:
        return Mineral::Sodium;
    case 1092:
        return Mineral::Potassium;
    case 1087:
        return Mineral::Calcium;
    case 1090:
        return Mineral::Magnesium;
    default:
        return std::nullopt;
    }
}

std::optional<std::int64_t> parseId(std::string_view s)
{
    std::int64_t v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc{} || r.ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct Inputs {
    fs::path branded, food, nutrient;
};

Expected<Inputs> findInputs(const std::vector<fs::path>& given)
{
    Inputs in;
    auto consider = [&](const fs::path& p) {
        const auto n = p.filename().string();
        if (n == "branded_food.csv")
            in.branded = p;
        else if (n == "food.csv")
            in.food = p;
        else if (n == "food_nutrient.csv")
            in.nutrient = p;
        else
            return false;
        return true;
    };
    for (const auto& p : given) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (const char* n : {"branded_food.csv", "food.csv", "food_nutrient.csv"})
                if (fs::exists(p / n, ec))
                    consider(p / n);
        } else if (!consider(p)) {
            return makeError(ErrorCode::InvalidArgument,
                             "'" + p.string() + "' is not one of branded_food.csv, food.csv, food_nutrient.csv");
        }
    }
    if (in.branded.empty() || in.food.empty() || in.nutrient.empty())
        return makeError(
            ErrorCode::InvalidArgument,
            "fdc import needs branded_food.csv, food.csv and food_nutrient.csv (as files or their folder)");
    return in;
}

using Minerals = std::array<std::optional<double>, 4>;

} // namespace

Status importFdc(const std::vector<fs::path>& given, ImportSink& sink)
{
    auto inputs = findInputs(given);
    if (!inputs)
        return inputs.error();
    std::vector<std::string> f;

    // 1. food.csv: descriptions of branded foods.
    std::unordered_map<std::int64_t, std::string> descriptions;
    {
        const std::string name = inputs->food.string();
        auto in = openInput(inputs->food);
        if (!in)
            return in.error();
        CsvReader reader(**in, ',', true);
        if (reader.next(f) != CsvReader::Result::Record)
            return makeError(ErrorCode::InvalidArgument, name + ": empty file");
        auto cols = columnIndexes(f, {"fdc_id", "description"}, name);
        if (!cols)
            return cols.error();
        const int dataType = optionalColumn(f, "data_type");
        const auto width = f.size();
        for (;;) {
            const auto r = reader.next(f);
            if (r == CsvReader::Result::End)
                break;
            Expected<bool> go = true;
            if (auto bad = malformedRecord(r, reader, f.size(), width)) {
                go = sink.reject(name, reader.recordLine(), *bad);
            } else if (dataType >= 0 && f[static_cast<std::size_t>(dataType)] != "branded_food") {
                continue;
            } else if (auto id = parseId(f[static_cast<std::size_t>((*cols)[0])])) {
                descriptions[*id] = std::move(f[static_cast<std::size_t>((*cols)[1])]);
            } else {
                go = sink.reject(name, reader.recordLine(),
                                 "fdc_id '" + f[static_cast<std::size_t>((*cols)[0])] + "' is not a number");
            }
            if (!go)
                return go.error();
            if (!*go)
                return Status::success();
        }
    }

    // 2. food_nutrient.csv: the four minerals per 100 g, only for branded foods.
    std::unordered_map<std::int64_t, Minerals> minerals;
    {
        const std::string name = inputs->nutrient.string();
        auto in = openInput(inputs->nutrient);
        if (!in)
            return in.error();
        CsvReader reader(**in, ',', true);
        if (reader.next(f) != CsvReader::Result::Record)
            return makeError(ErrorCode::InvalidArgument, name + ": empty file");
        auto cols = columnIndexes(f, {"fdc_id", "nutrient_id", "amount"}, name);
        if (!cols)
            return cols.error();
        const auto width = f.size();
        for (;;) {
            const auto r = reader.next(f);
            if (r == CsvReader::Result::End)
                break;
            Expected<bool> go = true;
            if (auto bad = malformedRecord(r, reader, f.size(), width)) {
                go = sink.reject(name, reader.recordLine(), *bad);
            } else {
                auto nid = parseId(f[static_cast<std::size_t>((*cols)[1])]);
                auto mineral = nid ? mineralOfNutrient(*nid) : std::nullopt;
                if (!mineral)
                    continue; // other nutrients (or a malformed id of a row we would not use)
                auto id = parseId(f[static_cast<std::size_t>((*cols)[0])]);
                if (!id) {
                    go = sink.reject(name, reader.recordLine(),
                                     "fdc_id '" + f[static_cast<std::size_t>((*cols)[0])] + "' is not a number");
                } else if (descriptions.count(*id)) {
                    auto amount = parseNumber(f[static_cast<std::size_t>((*cols)[2])]);
                    if (!amount || *amount < 0)
                        go = sink.reject(name, reader.recordLine(),
                                         "amount '" + f[static_cast<std::size_t>((*cols)[2])] +
                                             "' is not a non-negative number");
                    else
                        minerals[*id][index(*mineral)] = *amount;
                }
            }
            if (!go)
                return go.error();
            if (!*go)
                return Status::success();
        }
    }

    // 3. branded_food.csv: one product per row.
    const std::string name = inputs->branded.string();
    auto in = openInput(inputs->branded);
    if (!in)
        return in.error();
    CsvReader reader(**in, ',', true);
    if (reader.next(f) != CsvReader::Result::Record)
        return makeError(ErrorCode::InvalidArgument, name + ": empty file");
    auto cols = columnIndexes(f, {"fdc_id", "brand_owner", "gtin_upc", "serving_size", "serving_size_unit"}, name);
    if (!cols)
        return cols.error();
    const int brandName = optionalColumn(f, "brand_name");
    const int household = optionalColumn(f, "household_serving_fulltext");
    const int category = optionalColumn(f, "branded_food_category");
    const auto width = f.size();
    for (;;) {
        const auto r = reader.next(f);
        if (r == CsvReader::Result::End)
            return Status::success();
        const auto line = reader.recordLine();
        Expected<bool> go = true;
        auto at = [&](int c) -> const std::string& { return f[static_cast<std::size_t>(c)]; };
        if (auto bad = malformedRecord(r, reader, f.size(), width)) {
            go = sink.reject(name, line, *bad);
        } else {
            std::string error;
            Product p;
            p.source = "fdc";
            auto id = parseId(at((*cols)[0]));
            if (!id)
                error = "fdc_id '" + at((*cols)[0]) + "' is not a number";
            auto g = gtin::toGtin14(at((*cols)[2]));
            if (error.empty() && !g)
                error = "gtin_upc: " + g.error().message;
            std::optional<double> size;
            if (error.empty() && !at((*cols)[3]).empty()) {
                size = parseNumber(at((*cols)[3]));
                if (!size || *size < 0)
                    error = "serving_size '" + at((*cols)[3]) + "' is not a non-negative number";
            }
            if (error.empty()) {
                p.gtin14 = *g;
                p.sourceId = at((*cols)[0]);
                p.brand = brandName >= 0 && !at(brandName).empty() ? at(brandName) : at((*cols)[1]);
                if (auto d = descriptions.find(*id); d != descriptions.end())
                    p.name = d->second;
                // FDC writes units as g/ml or as the codes GRM/MLT.
                const std::string unit = lower(at((*cols)[4]));
                const bool metric = unit == "g" || unit == "grm" || unit == "ml" || unit == "mlt";
                const std::string unitText = unit == "grm" ? "g" : unit == "mlt" ? "ml" : at((*cols)[4]);
                std::string amount = size ? formatNumber(*size) + " " + unitText : std::string();
                if (household >= 0 && !at(household).empty())
                    p.servingSize = amount.empty() ? at(household) : at(household) + " (" + amount + ")";
                else
                    p.servingSize = amount;
                if (auto m = minerals.find(*id); m != minerals.end() && size && metric) {
                    for (Mineral mineral : kMinerals)
                        if (auto per100 = m->second[index(mineral)])
                            p.mineralMg[index(mineral)] = std::round(*per100 * *size / 100.0 * 1000.0) / 1000.0;
                }
                p.electrolyteClaim = mentionsElectrolytes(p.name) || mentionsElectrolytes(p.brand) ||
                                     (category >= 0 && mentionsElectrolytes(at(category)));
                go = sink.product(p, name, line);
            } else {
                go = sink.reject(name, line, std::move(error));
            }
        }
        if (!go)
            return go.error();
        if (!*go)
            return Status::success();
    }
}

} // namespace labelcheck::db
