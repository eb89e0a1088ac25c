#include "csv_reader.hpp"

namespace labelcheck::db {

CsvReader::CsvReader(std::istream& in, char delimiter, bool quoting)
    : in_(in), delimiter_(delimiter), quoting_(quoting), buf_(1 << 20)
{
}

bool CsvReader::fill()
{
    if (eof_)
        return false;
    in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    len_ = static_cast<std::size_t>(in_.gcount());
    pos_ = 0;
    if (len_ == 0) {
        eof_ = true;
        return false;
    }
    return true;
}

int CsvReader::peek()
{
    if (pos_ == len_ && !fill())
        return -1;
    return static_cast<unsigned char>(buf_[pos_]);
}

int CsvReader::get()
{
    const int c = peek();
    if (c >= 0) {
        ++pos_;
        if (c == '\n')
            ++line_;
    }
    return c;
}

void CsvReader::skipLine()
{
    for (int c = get(); c >= 0 && c != '\n'; c = get()) {
    }
}

CsvReader::Result CsvReader::next(std::vector<std::string>& fields)
{
    if (first_) {
        first_ = false;
        // A UTF-8 byte order mark (Excel writes one) is not part of the first column name.
        if (peek() == 0xEF) {
            get();
            if (get() != 0xBB || get() != 0xBF) {
                error_ = "invalid UTF-8 byte order mark";
                skipLine();
                recordLine_ = 1;
                return Result::Error;
            }
        }
    }
    // Skip blank lines (a lone "\n" or "\r\n").
    for (;;) {
        const int c = peek();
        if (c == -1)
            return Result::End;
        if (c == '\n') {
            get();
            continue;
        }
        if (c == '\r') {
            get();
            continue;
        }
        break;
    }
    recordLine_ = line_;
    std::size_t n = 0;
    auto field = [&]() -> std::string& {
        if (n == fields.size())
            fields.emplace_back();
        std::string& f = fields[n++];
        f.clear();
        return f;
    };
    std::string* cur = &field();
    for (;;) {
        int c = get();
        if (c == -1 || c == '\n') {
            if (!cur->empty() && cur->back() == '\r')
                cur->pop_back();
            break;
        }
        if (c == delimiter_) {
            cur = &field();
            continue;
        }
        if (quoting_ && c == '"' && cur->empty()) {
            // Quoted field: runs to the closing quote; "" is a literal quote; newlines are kept.
            for (;;) {
                c = get();
                if (c == -1) {
                    error_ = "unterminated quoted field";
                    fields.resize(n);
                    return Result::Error;
                }
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        cur->push_back('"');
                        continue;
                    }
                    break;
                }
                cur->push_back(static_cast<char>(c));
            }
            const int after = peek();
            if (after == '\r') {
                get();
                if (peek() != '\n' && peek() != -1) {
                    error_ = "stray carriage return after a quoted field";
                    skipLine();
                    fields.resize(n);
                    return Result::Error;
                }
                continue;
            }
            if (after != delimiter_ && after != '\n' && after != -1) {
                error_ = "unexpected character after a closing quote";
                skipLine();
                fields.resize(n);
                return Result::Error;
            }
            continue;
        }
        cur->push_back(static_cast<char>(c));
    }
    fields.resize(n);
    return Result::Record;
}

} // namespace labelcheck::db
