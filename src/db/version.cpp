#include "labelcheck/db/version.hpp"

#include <sqlite3.h>

namespace labelcheck::db {

std::string sqliteVersion()
{
    return sqlite3_libversion();
}

} // namespace labelcheck::db
