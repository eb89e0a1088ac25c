// Open Food Facts CSV export: tab-separated, one header row, no quoting (quotes are literal characters).
// Nutrient columns *_100g are grams per 100 g (or 100 ml); serving_quantity is grams (or ml) per serving.
#include "csv_reader.hpp"
#include "import_sink.hpp"
#include "labelcheck/core/gtin.hpp"
#include "labelcheck/db/product_format.hpp"

#include <cmath>

namespace labelcheck::db {

namespace {

enum Col { Code, ProductName, Brands, ServingSize, ServingQuantity, Sodium, Potassium, Calcium, Magnesium };
const std::vector<std::string> kRequired = {"code",           "product_name",     "brands",
                                            "serving_size",   "serving_quantity", "sodium_100g",
                                            "potassium_100g", "calcium_100g",     "magnesium_100g"};

std::string trim(std::string s)
{
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

// Rounds away binary noise from unit conversion (0.1 g * 1000 = 100.00000000000001 mg).
double roundMg(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

Status importOffFile(const std::filesystem::path& file, ImportSink& sink)
{
    auto in = openInput(file);
    if (!in)
        return in.error();
    const std::string name = file.string();
    CsvReader reader(**in, '\t', false);
    std::vector<std::string> header;
    if (reader.next(header) != CsvReader::Result::Record)
        return makeError(ErrorCode::InvalidArgument, name + ":1: empty file, expected an Open Food Facts header");
    auto cols = columnIndexes(header, kRequired, name);
    if (!cols)
        return cols.error();
    const int genericName = optionalColumn(header, "generic_name");
    const int categories = optionalColumn(header, "categories_en");

    std::vector<std::string> f;
    for (;;) {
        const auto r = reader.next(f);
        if (r == CsvReader::Result::End)
            return Status::success();
        const auto line = reader.recordLine();
        auto reject = [&](std::string why) { return sink.reject(name, line, std::move(why)); };
        Expected<bool> go = true;
        if (r == CsvReader::Result::Error) {
            go = reject(reader.error());
        } else if (f.size() != header.size()) {
            go = reject("has " + std::to_string(f.size()) + " fields, the header has " + std::to_string(header.size()));
        } else {
            auto at = [&](Col c) -> const std::string& { return f[static_cast<std::size_t>((*cols)[c])]; };
            Product p;
            p.source = "off";
            std::string error;
            const std::string code = trim(at(Code));
            if (code.empty()) {
                error = "no barcode in 'code'";
            } else if (auto g = gtin::toGtin14(code)) {
                p.gtin14 = *g;
                p.sourceId = code;
            } else {
                error = "code: " + g.error().message;
            }
            p.name = trim(at(ProductName));
            // `brands` is a comma-separated list, main brand first.
            p.brand = trim(at(Brands).substr(0, at(Brands).find(',')));
            p.servingSize = trim(at(ServingSize));
            std::optional<double> servingG;
            if (error.empty() && !trim(at(ServingQuantity)).empty()) {
                servingG = parseNumber(at(ServingQuantity));
                if (!servingG || *servingG < 0)
                    error = "serving_quantity '" + at(ServingQuantity) + "' is not a non-negative number";
            }
            for (Mineral m : kMinerals) {
                if (!error.empty())
                    break;
                const std::string& text = at(static_cast<Col>(Sodium + static_cast<int>(index(m))));
                if (trim(text).empty())
                    continue;
                auto per100 = parseNumber(text);
                if (!per100 || *per100 < 0) {
                    error = std::string(mineralName(m)) + "_100g '" + text + "' is not a non-negative number";
                    break;
                }
                // Per serving only when the serving's weight is known; a per-100 g value alone is not a
                // per-serving amount.
                if (servingG && *servingG > 0)
                    p.mineralMg[index(m)] = roundMg(*per100 * 1000.0 * *servingG / 100.0);
            }
            p.electrolyteClaim = mentionsElectrolytes(p.name) || mentionsElectrolytes(at(Brands)) ||
                                 (genericName >= 0 && mentionsElectrolytes(f[static_cast<std::size_t>(genericName)])) ||
                                 (categories >= 0 && mentionsElectrolytes(f[static_cast<std::size_t>(categories)]));
            go = error.empty() ? sink.product(p, name, line) : reject(std::move(error));
        }
        if (!go)
            return go.error();
        if (!*go)
            return Status::success();
    }
}

} // namespace labelcheck::db
