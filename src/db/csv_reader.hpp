#pragma once
// Private: a streaming reader of delimited text (RFC 4180 CSV, or unquoted TSV such as Open Food Facts').
// Reads through a fixed buffer, so files of any size use constant memory.

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace labelcheck::db {

class CsvReader {
  public:
    // `quoting`: honour RFC 4180 double quotes (CSV). When false, quotes are ordinary characters (OFF TSV).
    CsvReader(std::istream& in, char delimiter, bool quoting);

    enum class Result { Record, End, Error };

    // Reads the next record into `fields` (reusing its strings). Blank lines are skipped. On Error the rest
    // of the bad record's line is skipped, error() says why, and reading may continue.
    Result next(std::vector<std::string>& fields);

    // 1-based line on which the record last returned by next() started.
    std::int64_t recordLine() const { return recordLine_; }
    const std::string& error() const { return error_; }

  private:
    int get();
    int peek();
    bool fill();
    void skipLine();

    std::istream& in_;
    char delimiter_;
    bool quoting_;
    std::vector<char> buf_;
    std::size_t pos_ = 0;
    std::size_t len_ = 0;
    bool eof_ = false;
    bool first_ = true;
    std::int64_t line_ = 1;
    std::int64_t recordLine_ = 0;
    std::string error_;
};

} // namespace labelcheck::db
