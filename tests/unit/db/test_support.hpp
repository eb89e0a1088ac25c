#pragma once
// Helpers for the db tests: a temporary folder removed at the end of the test, and fixture paths.

#include "labelcheck/db/database.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace labelcheck::db::test {

class TempDir {
  public:
    TempDir()
    {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("labelcheck-db-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

inline std::filesystem::path fixture(const std::string& relative)
{
    return std::filesystem::path(LABELCHECK_SOURCE_DIR) / "tests" / "fixtures" / "db" / relative;
}

// A fresh database without seed products.
inline Database emptyDatabase(const TempDir& dir, const std::string& name = "test.db")
{
    OpenOptions o;
    o.seed = false;
    auto db = Database::open(dir / name, o);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    return std::move(*db);
}

inline Product sampleProduct(const std::string& gtin14, const std::string& brand, const std::string& name)
{
    Product p;
    p.gtin14 = gtin14;
    p.brand = brand;
    p.name = name;
    p.source = "manual";
    return p;
}

} // namespace labelcheck::db::test
