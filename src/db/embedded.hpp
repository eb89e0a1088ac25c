#pragma once
// Private: db/migrations/*.sql and db/seed.csv compiled into the library (see embed_sql.cmake).

#include <cstddef>

namespace labelcheck::db::detail {

struct EmbeddedMigration {
    int version;      // NNNN of NNNN_description.sql; 1, 2, 3, ... in order
    const char* name; // file name, for error messages
    const char* sql;
};

extern const EmbeddedMigration kMigrations[];
extern const std::size_t kMigrationCount;
extern const char* const kSeedCsv;

} // namespace labelcheck::db::detail
