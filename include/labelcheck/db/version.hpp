#pragma once
// The SQLite in use, for `labelcheck --version`.

#include <string>

namespace labelcheck::db {

// The version of the SQLite library linked at run time (sqlite3_libversion()), e.g. "3.40.1".
std::string sqliteVersion();

} // namespace labelcheck::db
