#pragma once
// Where the database and its shipped SQL/seed live. Never relative to the working directory.

#include "labelcheck/core/expected.hpp"

#include <filesystem>
#include <optional>

namespace labelcheck::db {

// The database used when no --db is given: $LABELCHECK_DB when set and non-empty, else
// $XDG_DATA_HOME/labelcheck/labelcheck.db when XDG_DATA_HOME is an absolute path, else
// $HOME/.local/share/labelcheck/labelcheck.db. Errors: NotFound when none of these variables is usable.
Expected<std::filesystem::path> defaultDatabasePath();

// `explicitPath` when given (the --db flag), else defaultDatabasePath().
Expected<std::filesystem::path> resolveDatabasePath(const std::optional<std::filesystem::path>& explicitPath);

// The shipped db/ folder: $LABELCHECK_DATA_DIR/db when set, else <executable dir>/../share/labelcheck/db
// (the build tree and the install prefix have the same shape). nullopt when it does not exist.
std::optional<std::filesystem::path> dataDirectory();

} // namespace labelcheck::db
