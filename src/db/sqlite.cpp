#include "sqlite.hpp"

#include <cassert>
#include <utility>

namespace labelcheck::db::sqlite {

Error lastError(sqlite3* db, std::string_view what)
{
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    ErrorCode ec = ErrorCode::Internal;
    switch (code & 0xff) {
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        ec = ErrorCode::Io;
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        ec = ErrorCode::Corrupt;
        break;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
        ec = ErrorCode::InvalidArgument;
        break;
    default:
        break;
    }
    return makeError(ec, std::move(message));
}

Connection& Connection::operator=(Connection&& other) noexcept
{
    if (this != &other) {
        if (db_)
            sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

Connection::~Connection()
{
    // close_v2 defers the close until every statement is finalized, so destruction order does not matter.
    if (db_)
        sqlite3_close_v2(db_);
}

Expected<Connection> Connection::open(const std::string& path, int flags)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection conn(raw); // closes even on failure (sqlite3_open_v2 may allocate a handle anyway)
    if (rc != SQLITE_OK)
        return lastError(raw, "cannot open database '" + path + "'");
    sqlite3_extended_result_codes(raw, 1);
    return conn;
}

Status Connection::exec(const char* sql)
{
    char* msg = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        std::string text = msg ? msg : sqlite3_errstr(rc);
        sqlite3_free(msg);
        Error e = lastError(db_, "SQL failed");
        e.message = "SQL failed: " + text;
        return e;
    }
    return Status::success();
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (stmt_)
            sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
        db_ = other.db_;
    }
    return *this;
}

Statement::~Statement()
{
    if (stmt_)
        sqlite3_finalize(stmt_);
}

Expected<Statement> Statement::prepare(sqlite3* db, std::string_view sql, bool persistent)
{
    Statement s;
    s.db_ = db;
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      persistent ? SQLITE_PREPARE_PERSISTENT : 0, &s.stmt_, nullptr);
    if (rc != SQLITE_OK)
        return lastError(db, "cannot prepare statement");
    assert(s.stmt_);
    return s;
}

void Statement::bind(int i, std::string_view text)
{
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int i, std::int64_t value)
{
    sqlite3_bind_int64(stmt_, i, value);
}
void Statement::bind(int i, double value)
{
    sqlite3_bind_double(stmt_, i, value);
}
void Statement::bind(int i, const std::optional<double>& value)
{
    if (value)
        sqlite3_bind_double(stmt_, i, *value);
    else
        sqlite3_bind_null(stmt_, i);
}
void Statement::bindNull(int i)
{
    sqlite3_bind_null(stmt_, i);
}

Expected<bool> Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return lastError(db_, "query failed");
}

Status Statement::run()
{
    auto r = step();
    if (!r)
        return r.error();
    return Status::success();
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int col) const
{
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::int64_t Statement::getInt(int col) const
{
    return sqlite3_column_int64(stmt_, col);
}
double Statement::getDouble(int col) const
{
    return sqlite3_column_double(stmt_, col);
}
std::optional<double> Statement::getOptionalDouble(int col) const
{
    if (isNull(col))
        return std::nullopt;
    return sqlite3_column_double(stmt_, col);
}
std::string Statement::getText(int col) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p)
        return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

} // namespace labelcheck::db::sqlite
