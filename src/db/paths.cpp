#include "labelcheck/db/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace labelcheck::db {

namespace fs = std::filesystem;

namespace {
std::optional<std::string> env(const char* name)
{
    const char* v = std::getenv(name);
    if (!v || !*v)
        return std::nullopt;
    return std::string(v);
}
} // namespace

Expected<fs::path> defaultDatabasePath()
{
    if (auto p = env("LABELCHECK_DB"))
        return fs::path(*p);
    // The XDG spec says relative values are invalid and must be ignored.
    if (auto xdg = env("XDG_DATA_HOME"); xdg && fs::path(*xdg).is_absolute())
        return fs::path(*xdg) / "labelcheck" / "labelcheck.db";
    if (auto home = env("HOME"))
        return fs::path(*home) / ".local" / "share" / "labelcheck" / "labelcheck.db";
    return makeError(ErrorCode::NotFound, "no database path: pass --db or set LABELCHECK_DB, XDG_DATA_HOME or HOME");
}

Expected<fs::path> resolveDatabasePath(const std::optional<fs::path>& explicitPath)
{
    if (explicitPath && !explicitPath->empty())
        return *explicitPath;
    return defaultDatabasePath();
}

std::optional<fs::path> dataDirectory()
{
    std::error_code ec;
    if (auto dir = env("LABELCHECK_DATA_DIR")) {
        fs::path p = fs::path(*dir) / "db";
        if (fs::is_directory(p, ec))
            return p;
        return std::nullopt;
    }
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return std::nullopt;
    fs::path p = exe.parent_path().parent_path() / "share" / "labelcheck" / "db";
    if (fs::is_directory(p, ec))
        return p;
    return std::nullopt;
}

} // namespace labelcheck::db
