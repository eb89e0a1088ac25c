#pragma once
// Which product database a `check` or `scan` run consults.

#include "labelcheck/core/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace labelcheck::cli {

// nullopt with `noDatabase`; otherwise `database` (--db; it must exist: NotFound), $LABELCHECK_DB or the
// default path. The default database is created with the seed products on first use; when that is
// impossible (no home folder, read-only disk) the run goes on without one, with a note on stderr that starts
// with `program` ("labelcheck", "labelcheck scan").
Expected<std::optional<std::filesystem::path>> chooseDatabase(bool noDatabase, const std::string& database,
                                                              std::string_view program);

} // namespace labelcheck::cli
