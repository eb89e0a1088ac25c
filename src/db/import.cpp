#include "labelcheck/db/import.hpp"

#include "import_sink.hpp"

#include <algorithm>
#include <fstream>

namespace labelcheck::db {

namespace fs = std::filesystem;

std::optional<ImportFormat> importFormatFromName(std::string_view name)
{
    if (name == "off")
        return ImportFormat::Off;
    if (name == "fdc")
        return ImportFormat::Fdc;
    if (name == "dsld")
        return ImportFormat::Dsld;
    if (name == "csv")
        return ImportFormat::Csv;
    return std::nullopt;
}

Status ImportSink::open()
{
    auto tx = db_.begin();
    if (!tx)
        return tx.error();
    tx_.emplace(std::move(*tx));
    return Status::success();
}

Expected<bool> ImportSink::stopForCancel()
{
    report_.cancelled = true;
    stopped_ = true;
    if (options_.strict) {
        // Strict is all or nothing, so a cancelled strict import keeps nothing.
        if (tx_) {
            tx_->rollback();
            tx_.reset();
        }
        report_.rolledBack = true;
        report_.imported = report_.updated = 0;
    }
    return false;
}

Expected<bool> ImportSink::afterRecord()
{
    ++pending_;
    if (!options_.strict && pending_ >= std::max<std::size_t>(options_.batchSize, 1)) {
        if (auto st = tx_->commit(); !st) {
            tx_.reset();
            return st.error();
        }
        tx_.reset();
        pending_ = 0;
        if (options_.onBatch)
            options_.onBatch(report_);
        if (auto st = open(); !st)
            return st.error();
    }
    return true;
}

Expected<bool> ImportSink::product(const Product& p, const std::string& file, std::int64_t line)
{
    if (stopped_)
        return false;
    if (cancelRequested())
        return stopForCancel();
    if (auto v = validateProduct(p); !v)
        return reject(file, line, v.error().message);
    // Any failure now may have written part of the product into the batch: the caller aborts (rolls back).
    auto r = db_.upsert(p);
    if (!r)
        return r.error();
    ++report_.read;
    ++(*r == UpsertOutcome::Inserted ? report_.imported : report_.updated);
    return afterRecord();
}

Expected<bool> ImportSink::reject(const std::string& file, std::int64_t line, std::string reason)
{
    if (stopped_)
        return false;
    if (cancelRequested())
        return stopForCancel();
    ++report_.read;
    ++report_.rejected;
    report_.rejections.push_back({file, line, std::move(reason)});
    if (options_.strict) {
        if (tx_) {
            tx_->rollback();
            tx_.reset();
        }
        report_.rolledBack = true;
        report_.imported = report_.updated = 0;
        stopped_ = true;
        return false;
    }
    return afterRecord();
}

Status ImportSink::close()
{
    if (!tx_)
        return Status::success();
    auto st = tx_->commit();
    tx_.reset();
    if (st && options_.onBatch && pending_ > 0)
        options_.onBatch(report_);
    return st;
}

void ImportSink::abort()
{
    if (tx_) {
        tx_->rollback();
        tx_.reset();
    }
}

Expected<std::unique_ptr<std::istream>> openInput(const fs::path& file)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        return makeError(ErrorCode::NotFound, "'" + file.string() + "' does not exist");
    if (fs::is_directory(file, ec))
        return makeError(ErrorCode::InvalidArgument, "'" + file.string() + "' is a folder");
    auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
    if (!*in)
        return makeError(ErrorCode::Io, "cannot read '" + file.string() + "'");
    return std::unique_ptr<std::istream>(std::move(in));
}

int optionalColumn(const std::vector<std::string>& header, std::string_view name)
{
    auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

Expected<std::vector<int>> columnIndexes(const std::vector<std::string>& header,
                                         const std::vector<std::string>& required, const std::string& file)
{
    std::vector<int> out;
    std::string missing;
    for (const auto& name : required) {
        const int i = optionalColumn(header, name);
        if (i < 0)
            missing += (missing.empty() ? "" : ", ") + name;
        out.push_back(i);
    }
    if (!missing.empty())
        return makeError(ErrorCode::InvalidArgument, file + ": header lacks column(s) " + missing);
    return out;
}

Expected<ImportReport> importFiles(Database& database, ImportFormat format, const std::vector<fs::path>& files,
                                   const ImportOptions& options)
{
    ImportReport report;
    if (files.empty())
        return makeError(ErrorCode::InvalidArgument, "no input files");
    ImportSink sink(database, options, report);
    if (auto st = sink.open(); !st)
        return st.error();
    Status st;
    if (format == ImportFormat::Fdc) {
        st = importFdc(files, sink);
    } else {
        std::vector<fs::path> inputs;
        for (const auto& f : files) {
            std::error_code ec;
            if (format == ImportFormat::Dsld && fs::is_directory(f, ec)) {
                // The DSLD bulk download is a folder of one-label JSON files.
                std::vector<fs::path> jsons;
                for (const auto& e : fs::directory_iterator(f, ec))
                    if (e.path().extension() == ".json")
                        jsons.push_back(e.path());
                std::sort(jsons.begin(), jsons.end());
                inputs.insert(inputs.end(), jsons.begin(), jsons.end());
            } else {
                inputs.push_back(f);
            }
        }
        for (const auto& f : inputs) {
            switch (format) {
            case ImportFormat::Csv:
                st = importCsvFile(f, sink);
                break;
            case ImportFormat::Off:
                st = importOffFile(f, sink);
                break;
            case ImportFormat::Dsld:
                st = importDsldFile(f, sink);
                break;
            case ImportFormat::Fdc:
                break;
            }
            if (!st || sink.stopped())
                break;
        }
    }
    if (!st) {
        sink.abort();
        return st.error();
    }
    if (auto c = sink.close(); !c)
        return c.error();
    return report;
}

} // namespace labelcheck::db
