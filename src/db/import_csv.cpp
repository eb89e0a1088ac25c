// labelcheck's own product CSV (docs/csv-format.md): what `db export --format csv` writes.
#include "csv_reader.hpp"
#include "import_sink.hpp"
#include "labelcheck/db/product_format.hpp"

namespace labelcheck::db {

Status importCsvFile(const std::filesystem::path& file, ImportSink& sink)
{
    auto in = openInput(file);
    if (!in)
        return in.error();
    const std::string name = file.string();
    CsvReader reader(**in, ',', true);
    std::vector<std::string> fields;
    if (reader.next(fields) != CsvReader::Result::Record || fields != csvColumns())
        return makeError(ErrorCode::InvalidArgument, name + ":1: not a labelcheck product CSV (the header must be: " +
                                                         std::string(csvHeader()) + ")");
    for (;;) {
        const auto r = reader.next(fields);
        if (r == CsvReader::Result::End)
            return Status::success();
        Expected<bool> go = true;
        if (r == CsvReader::Result::Error) {
            go = sink.reject(name, reader.recordLine(), reader.error());
        } else {
            auto p = productFromCsvFields(fields);
            go = p ? sink.product(*p, name, reader.recordLine())
                   : sink.reject(name, reader.recordLine(), p.error().message);
        }
        if (!go)
            return go.error();
        if (!*go)
            return Status::success();
    }
}

} // namespace labelcheck::db
