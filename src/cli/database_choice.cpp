#include "database_choice.hpp"

#include "labelcheck/db/database.hpp"
#include "labelcheck/db/paths.hpp"

#include <fmt/format.h>

namespace labelcheck::cli {

Expected<std::optional<std::filesystem::path>> chooseDatabase(bool noDatabase, const std::string& database,
                                                              std::string_view program)
{
    using MaybePath = std::optional<std::filesystem::path>;
    if (noDatabase)
        return MaybePath();
    std::error_code ec;
    if (!database.empty()) {
        if (!std::filesystem::is_regular_file(database, ec))
            return makeError(ErrorCode::NotFound, "database not found: " + database);
        return MaybePath(database);
    }
    auto path = db::resolveDatabasePath(std::nullopt);
    if (!path) {
        fmt::print(stderr, "{}: note: no product database ({}); checking labels only\n", program,
                   path.error().message);
        return MaybePath();
    }
    if (!std::filesystem::exists(*path, ec)) {
        db::OpenOptions create;
        create.create = true;
        auto made = db::Database::open(*path, create);
        if (!made) {
            fmt::print(stderr, "{}: note: cannot create the product database {} ({}); checking labels only\n",
                       program, path->string(), made.error().message);
            return MaybePath();
        }
    }
    return MaybePath(*path);
}

} // namespace labelcheck::cli
