#pragma once
// Private: where the format readers send records. Owns the batch transactions, counting and rejections.

#include "labelcheck/db/import.hpp"

#include <optional>
#include <string>

namespace labelcheck::db {

class ImportSink {
  public:
    ImportSink(Database& db, const ImportOptions& options, ImportReport& report)
        : db_(db), options_(options), report_(report)
    {
    }

    Status open();
    // A record that became a product. Returns false when the import must stop (strict failure, cancel).
    // Invalid products (bad GTIN, negative amount) become rejections. Errors: the database refused.
    Expected<bool> product(const Product& p, const std::string& file, std::int64_t line);
    // A record that could not become a product. Returns false when the import must stop.
    Expected<bool> reject(const std::string& file, std::int64_t line, std::string reason);
    // Commits what is pending (unless already rolled back). Call once at the end.
    Status close();
    // Rolls back what is pending after a file-level error.
    void abort();
    bool stopped() const { return stopped_; }

  private:
    Expected<bool> afterRecord();
    bool cancelRequested() const { return options_.cancel && options_.cancel->load(); }
    Expected<bool> stopForCancel();

    Database& db_;
    const ImportOptions& options_;
    ImportReport& report_;
    std::optional<Transaction> tx_;
    std::size_t pending_ = 0;
    bool stopped_ = false;
};

// Format readers. Each streams its input into `sink` and returns an error only for file-level problems.
Status importCsvFile(const std::filesystem::path& file, ImportSink& sink);
Status importOffFile(const std::filesystem::path& file, ImportSink& sink);
Status importFdc(const std::vector<std::filesystem::path>& inputs, ImportSink& sink);
Status importDsldFile(const std::filesystem::path& file, ImportSink& sink);

// Opens a file for reading. Errors: NotFound, Io.
Expected<std::unique_ptr<std::istream>> openInput(const std::filesystem::path& file);

// Finds each required column's index in a header. Errors: InvalidArgument naming the missing columns.
Expected<std::vector<int>> columnIndexes(const std::vector<std::string>& header,
                                         const std::vector<std::string>& required, const std::string& file);
// Index of an optional column, or -1.
int optionalColumn(const std::vector<std::string>& header, std::string_view name);

} // namespace labelcheck::db
