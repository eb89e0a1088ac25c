#pragma once
// The reference product database: an embedded SQLite file behind a small value-type API.
//
// Thread-safety: a Database owns one SQLite connection and is NOT safe to use from two threads at once
// (not even const methods: they reuse cached prepared statements). Open one Database per thread; many
// read-only connections may read while one writer writes (WAL mode). Opening is cheap (~100 µs when the
// schema is current). Moving a Database to another thread is fine while no call is in progress.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/core/mineral.hpp"
#include "labelcheck/db/product.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace labelcheck::db {

struct OpenOptions {
    // Open without write access (the `check` pipeline). The file must exist and its schema be current.
    bool readOnly = false;
    // Create the file (and its parent folders) when missing. Ignored when readOnly.
    bool create = true;
    // When the schema is created (a new or empty file), load the seed products: `seedFile` when set, else
    // dataDirectory()/"seed.csv" when present, else the copy of db/seed.csv compiled into the library.
    bool seed = true;
    std::optional<std::filesystem::path> seedFile;
    // How long a writer waits for another connection's lock before giving up with ErrorCode::Io.
    int busyTimeoutMs = 5000;
};

// Filters of `list`; all given filters must hold.
struct ListFilter {
    bool electrolyteOnly = false; // claims electrolytes
    bool incompleteOnly = false;  // claims electrolytes and lacks at least one of the four minerals
    std::vector<Mineral> missing; // lacks every one of these (not declared or declared as zero)
    std::int64_t limit = -1;      // < 0: no limit
};

struct Stats {
    std::int64_t products = 0;
    std::int64_t samples = 0;
    std::int64_t electrolyteClaims = 0;
    std::int64_t electrolyteComplete = 0;      // claim electrolytes and declare all four minerals (> 0)
    std::array<std::int64_t, 4> withMineral{}; // products declaring each mineral (> 0), by index(Mineral)
    std::vector<std::pair<std::string, std::int64_t>> bySource; // sorted by source name
    int schemaVersion = 0;
    std::uintmax_t fileBytes = 0; // main file plus WAL
};

enum class UpsertOutcome { Inserted, Updated };

class Database;

// A write transaction (SAVEPOINT, so it nests). Rolls back on destruction unless committed.
class Transaction {
  public:
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();
    Status commit();
    Status rollback();

  private:
    friend class Database;
    Transaction(Database* db, std::string name) : db_(db), name_(std::move(name)) {}
    Database* db_;
    std::string name_;
};

class Database {
  public:
    // The schema version this build writes (the highest migration number in db/migrations).
    static int latestSchemaVersion();

    // Opens (and when allowed creates, migrates and seeds) the database at `path`. Sets WAL mode, the busy
    // timeout and foreign keys. Errors: NotFound (missing file and !create or readOnly), Io (permissions,
    // locked), Corrupt (not a database), Unsupported (schema newer than this build, or older and readOnly).
    static Expected<Database> open(const std::filesystem::path& path, const OpenOptions& options = {});

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    const std::filesystem::path& path() const;
    int schemaVersion() const;

    // The product with this GTIN-14 (exactly 14 digits; normalise with gtin::toGtin14 first), or nullopt.
    Expected<std::optional<Product>> findByGtin(std::string_view gtin14) const;

    // Looks up a code as typed or printed (EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14; spaces and dashes allowed).
    // 8 digits are tried as EAN-8, then as UPC-E. Errors: InvalidArgument when the code is not a valid
    // barcode number under any reading (message says why, e.g. the expected check digit).
    Expected<std::optional<Product>> findByCode(std::string_view code) const;

    // Full-text search over brand and name, best match first (BM25). Every word of `text` must match.
    // Products matching every word whole come first; when they are fewer than `limit`, products where the
    // last word matches as a prefix (text still being typed: "magnes") follow. FTS5 syntax in `text` ("", *, -, NEAR,
    // AND, unbalanced quotes) is treated as plain words. Empty or punctuation-only text returns no products. Ranking is
    // exact when at most max(500, limit) products match; beyond that only the first max(500, limit) matches (in
    // insertion order) are ranked, which keeps a search of a common word among a million products in milliseconds.
    // Narrower text ranks everything again.
    Expected<std::vector<Product>> search(std::string_view text, int limit = 20) const;

    // Products matching `filter`, ordered by brand, name, GTIN.
    Expected<std::vector<Product>> list(const ListFilter& filter) const;

    // Calls `fn` for every product in GTIN order without loading them all; stops early when fn returns false.
    Status forEachProduct(const std::function<bool(const Product&)>& fn) const;

    // Inserts the product or replaces the record with the same GTIN (all fields, nutrients included).
    // Outside a Transaction the write is atomic by itself. Inside one, a failure other than InvalidArgument
    // may leave part of the product in that transaction: roll it back (importFiles does).
    // Errors: InvalidArgument when validateProduct fails (nothing was written) or SQLite reports a
    // constraint; Io when the database is read-only or locked; Internal for other SQLite failures.
    Expected<UpsertOutcome> upsert(const Product& product);

    // Removes the product; false when there was none.
    Expected<bool> remove(std::string_view gtin14);

    Expected<Stats> stats() const;

    // Starts a write transaction; products written before commit() appear together or not at all.
    Expected<Transaction> begin();

    // Daily Value in mg of a mineral: the 2016 rule or the pre-2016 values, from the daily_values table.
    Expected<double> dailyValue(Mineral mineral, bool pre2016 = false) const;

    struct Impl;

  private:
    friend class Transaction;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Checks what upsert requires: GTIN of 14 digits with a valid check digit, a non-empty source, amounts and
// %DVs finite and non-negative. Errors: InvalidArgument saying which.
Status validateProduct(const Product& product);

// Normalises a typed or printed code to the GTIN-14 candidates to look up, in order: one candidate for
// 12, 13 and 14 digits; for 8 digits the EAN-8 reading then the UPC-E reading, each only when its check
// digit is valid. Errors: InvalidArgument when no reading is valid.
Expected<std::vector<std::string>> gtinCandidates(std::string_view code);

// Turns free text into an FTS5 query that matches its words literally: every run of letters/digits
// becomes a quoted token; the last gets a prefix `*` when `prefixLast`. Empty when there are no words.
std::string ftsQuery(std::string_view text, bool prefixLast = true);

} // namespace labelcheck::db
