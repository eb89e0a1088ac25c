#pragma once
// Private to the db module: RAII over sqlite3 and sqlite3_stmt. Nothing here appears in a public header.

#include "labelcheck/core/expected.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace labelcheck::db::sqlite {

// Builds an Error from the connection's last error, prefixed with what we were doing.
Error lastError(sqlite3* db, std::string_view what);

// Owns one sqlite3 connection. Movable, not copyable; closes on destruction.
class Connection {
  public:
    Connection() = default;
    explicit Connection(sqlite3* db) : db_(db) {}
    Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Opens `path` with SQLITE_OPEN_* `flags` (always adds NOMUTEX: one connection per thread).
    static Expected<Connection> open(const std::string& path, int flags);

    sqlite3* get() const { return db_; }

    // Runs fixed SQL text (schema, pragmas, BEGIN/COMMIT). Never pass text that came from a user.
    Status exec(const char* sql);

  private:
    sqlite3* db_ = nullptr;
};

// Owns one prepared statement. Bind indexes are 1-based like SQLite's. Columns are 0-based.
class Statement {
  public:
    Statement() = default;
    Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    static Expected<Statement> prepare(sqlite3* db, std::string_view sql, bool persistent = true);

    bool valid() const { return stmt_ != nullptr; }

    void bind(int i, std::string_view text);
    void bind(int i, std::int64_t value);
    void bind(int i, int value) { bind(i, static_cast<std::int64_t>(value)); }
    void bind(int i, bool value) { bind(i, static_cast<std::int64_t>(value ? 1 : 0)); }
    void bind(int i, double value);
    void bind(int i, const std::optional<double>& value);
    void bindNull(int i);

    // Advances. Returns true with a row, false when done; an error for anything else.
    Expected<bool> step();
    // Steps a statement that returns no rows.
    Status run();
    // Resets and clears bindings so the statement can be reused.
    void reset();

    bool isNull(int col) const;
    std::int64_t getInt(int col) const;
    double getDouble(int col) const;
    std::optional<double> getOptionalDouble(int col) const;
    std::string getText(int col) const;

  private:
    sqlite3_stmt* stmt_ = nullptr;
    sqlite3* db_ = nullptr;
};

// Resets a statement when the scope ends, so a cached statement never holds a read lock open.
class ResetGuard {
  public:
    explicit ResetGuard(Statement& s) : s_(s) {}
    ~ResetGuard() { s_.reset(); }
    ResetGuard(const ResetGuard&) = delete;
    ResetGuard& operator=(const ResetGuard&) = delete;

  private:
    Statement& s_;
};

} // namespace labelcheck::db::sqlite
