#include "labelcheck/db/database.hpp"

#include "csv_reader.hpp"
#include "embedded.hpp"
#include "labelcheck/core/gtin.hpp"
#include "labelcheck/db/paths.hpp"
#include "labelcheck/db/product_format.hpp"
#include "sqlite.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>
#include <system_error>

namespace labelcheck::db {

namespace fs = std::filesystem;
using sqlite::Statement;

namespace {

// Column list shared by every query that builds a Product (see readProductRow).
#define LC_PRODUCT_COLUMNS                                                                                             \
    "p.id, p.gtin14, p.brand, p.name, p.form, p.serving_size, p.electrolyte_claim, p.source, p.source_id, "            \
    "p.sample, p.updated_at"

constexpr const char* kFindByGtinSql = "SELECT " LC_PRODUCT_COLUMNS " FROM products p WHERE p.gtin14 = ?1";
constexpr const char* kNutrientsSql =
    "SELECT nutrient_id, amount, daily_value_pct FROM product_nutrients WHERE product_id = ?1 AND nutrient_id <= 4";
constexpr const char* kFindIdSql = "SELECT id FROM products WHERE gtin14 = ?1";
// Insert first (the common case in an import); only when the GTIN exists do we look up its id and update.
constexpr const char* kInsertSql =
    "INSERT INTO products (gtin14, brand, name, form, serving_size, electrolyte_claim, source, source_id, sample) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (gtin14) DO NOTHING";
constexpr const char* kUpdateSql =
    "UPDATE products SET brand = ?2, name = ?3, form = ?4, serving_size = ?5, electrolyte_claim = ?6, "
    "source = ?7, source_id = ?8, sample = ?9, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";
constexpr const char* kDeleteNutrientsSql = "DELETE FROM product_nutrients WHERE product_id = ?1";
constexpr const char* kInsertNutrientSql =
    "INSERT INTO product_nutrients (product_id, nutrient_id, amount, daily_value_pct) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kDeleteSql = "DELETE FROM products WHERE gtin14 = ?1";
// Ranks at most ?3 matches (the first ones in insertion order), then joins only the ?2 rows kept. BM25 costs
// ~2 µs per match (a document-size lookup each), so ranking every match of a common word among a million
// products took 50 ms; capped at 500, a search stays within a few ms and is exact whenever matches <= ?3.
constexpr const char* kSearchSql =
    "SELECT " LC_PRODUCT_COLUMNS " FROM (SELECT rowid, rank FROM products_fts WHERE products_fts MATCH ?1 "
    "LIMIT ?3) AS hit JOIN products p ON p.id = hit.rowid ORDER BY hit.rank, p.id LIMIT ?2";
constexpr const char* kListSql =
    "SELECT " LC_PRODUCT_COLUMNS " FROM products p "
    "WHERE (?1 = 0 OR p.electrolyte_claim = 1) "
    "AND (?2 = 0 OR (p.electrolyte_claim = 1 AND (SELECT count(*) FROM product_nutrients n "
    "     WHERE n.product_id = p.id AND n.nutrient_id <= 4 AND n.amount > 0) < 4)) "
    "AND (?3 = 0 OR NOT EXISTS (SELECT 1 FROM product_nutrients n WHERE n.product_id = p.id AND n.nutrient_id = 1 AND "
    "n.amount > 0)) "
    "AND (?4 = 0 OR NOT EXISTS (SELECT 1 FROM product_nutrients n WHERE n.product_id = p.id AND n.nutrient_id = 2 AND "
    "n.amount > 0)) "
    "AND (?5 = 0 OR NOT EXISTS (SELECT 1 FROM product_nutrients n WHERE n.product_id = p.id AND n.nutrient_id = 3 AND "
    "n.amount > 0)) "
    "AND (?6 = 0 OR NOT EXISTS (SELECT 1 FROM product_nutrients n WHERE n.product_id = p.id AND n.nutrient_id = 4 AND "
    "n.amount > 0)) "
    "ORDER BY p.brand, p.name, p.gtin14 LIMIT ?7";
constexpr const char* kAllSql = "SELECT " LC_PRODUCT_COLUMNS " FROM products p ORDER BY p.gtin14";
#undef LC_PRODUCT_COLUMNS

constexpr int kSearchRankCap = 500;

// Nutrient ids 1-4 in the nutrients table are the minerals in contract order.
constexpr int nutrientId(Mineral m)
{
    return static_cast<int>(index(m)) + 1;
}

} // namespace

struct Database::Impl {
    sqlite::Connection conn;
    fs::path path;
    int version = 0;
    bool readOnly = false;
    int savepoints = 0;
    // Cached statements, prepared on first use. Mutable: const queries reuse them (hence one thread).
    mutable Statement findByGtin, nutrients, findId, insert, update, deleteNutrients, insertNutrient, remove, search,
        list, savepointUpsert, releaseUpsert, rollbackUpsert;

    Expected<Statement*> stmt(Statement& slot, const char* sql) const
    {
        if (!slot.valid()) {
            auto s = Statement::prepare(conn.get(), sql);
            if (!s)
                return s.error();
            slot = std::move(*s);
        }
        return &slot;
    }

    // Reads the product at the current row of `s` (LC_PRODUCT_COLUMNS) and its nutrients.
    Expected<Product> readProduct(const Statement& s) const
    {
        Product p;
        const std::int64_t id = s.getInt(0);
        p.gtin14 = s.getText(1);
        p.brand = s.getText(2);
        p.name = s.getText(3);
        p.form = s.getText(4);
        p.servingSize = s.getText(5);
        p.electrolyteClaim = s.getInt(6) != 0;
        p.source = s.getText(7);
        p.sourceId = s.getText(8);
        p.sample = s.getInt(9) != 0;
        p.updatedAt = s.getText(10);
        auto n = stmt(nutrients, kNutrientsSql);
        if (!n)
            return n.error();
        sqlite::ResetGuard guard(**n);
        (*n)->bind(1, id);
        for (;;) {
            auto row = (*n)->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            const auto nid = (*n)->getInt(0);
            if (nid < 1 || nid > 4)
                continue;
            p.mineralMg[static_cast<std::size_t>(nid - 1)] = (*n)->getOptionalDouble(1);
            p.dailyValuePct[static_cast<std::size_t>(nid - 1)] = (*n)->getOptionalDouble(2);
        }
        return p;
    }

    Expected<std::vector<Product>> readAll(Statement& s) const
    {
        std::vector<Product> out;
        for (;;) {
            auto row = s.step();
            if (!row)
                return row.error();
            if (!*row)
                return out;
            auto p = readProduct(s);
            if (!p)
                return p.error();
            out.push_back(std::move(*p));
        }
    }

    Status savepoint(const std::string& name) { return conn.exec(("SAVEPOINT " + name).c_str()); }
    Status release(const std::string& name) { return conn.exec(("RELEASE " + name).c_str()); }
    Status rollbackTo(const std::string& name)
    {
        auto st = conn.exec(("ROLLBACK TO " + name).c_str());
        auto st2 = conn.exec(("RELEASE " + name).c_str());
        return st ? st2 : st;
    }

    Expected<UpsertOutcome> upsertUnguarded(const Product& p)
    {
        auto bindFields = [&](Statement& s) {
            s.bind(2, p.brand);
            s.bind(3, p.name);
            s.bind(4, p.form);
            s.bind(5, p.servingSize);
            s.bind(6, p.electrolyteClaim);
            s.bind(7, p.source);
            s.bind(8, p.sourceId);
            s.bind(9, p.sample);
        };
        std::int64_t id = 0;
        bool existed = false;
        {
            auto ins = stmt(insert, kInsertSql);
            if (!ins)
                return ins.error();
            sqlite::ResetGuard g(**ins);
            (*ins)->bind(1, p.gtin14);
            bindFields(**ins);
            if (auto st = (*ins)->run(); !st)
                return st.error();
            existed = sqlite3_changes(conn.get()) == 0;
            id = sqlite3_last_insert_rowid(conn.get());
        }
        if (existed) {
            auto fid = stmt(findId, kFindIdSql);
            if (!fid)
                return fid.error();
            {
                sqlite::ResetGuard g(**fid);
                (*fid)->bind(1, p.gtin14);
                auto row = (*fid)->step();
                if (!row)
                    return row.error();
                if (!*row)
                    return makeError(ErrorCode::Internal, "product " + p.gtin14 + " vanished during its update");
                id = (*fid)->getInt(0);
            }
            auto up = stmt(update, kUpdateSql);
            if (!up)
                return up.error();
            sqlite::ResetGuard g(**up);
            (*up)->bind(1, id);
            bindFields(**up);
            if (auto st = (*up)->run(); !st)
                return st.error();
            auto del = stmt(deleteNutrients, kDeleteNutrientsSql);
            if (!del)
                return del.error();
            sqlite::ResetGuard g2(**del);
            (*del)->bind(1, id);
            if (auto st = (*del)->run(); !st)
                return st.error();
        }
        auto nut = stmt(insertNutrient, kInsertNutrientSql);
        if (!nut)
            return nut.error();
        for (Mineral m : kMinerals) {
            if (!p.mg(m) && !p.dv(m))
                continue;
            sqlite::ResetGuard g(**nut);
            (*nut)->bind(1, id);
            (*nut)->bind(2, nutrientId(m));
            (*nut)->bind(3, p.mg(m));
            (*nut)->bind(4, p.dv(m));
            if (auto st = (*nut)->run(); !st)
                return st.error();
        }
        return existed ? UpsertOutcome::Updated : UpsertOutcome::Inserted;
    }
};

namespace {

} // namespace

Status validateProduct(const Product& p)
{
    if (p.gtin14.size() != 14 || !gtin::hasValidCheckDigit(p.gtin14))
        return makeError(ErrorCode::InvalidArgument,
                         "'" + p.gtin14 + "' is not a GTIN-14 (14 digits with a valid check digit)");
    if (p.source.empty())
        return makeError(ErrorCode::InvalidArgument, "product " + p.gtin14 + " has no source");
    for (Mineral m : kMinerals) {
        for (const auto& v : {p.mg(m), p.dv(m)}) {
            if (v && (!std::isfinite(*v) || *v < 0))
                return makeError(ErrorCode::InvalidArgument, "product " + p.gtin14 + ": " +
                                                                 std::string(mineralName(m)) +
                                                                 " must be a non-negative number");
        }
    }
    return Status::success();
}

namespace {

Status validate(const Product& p)
{
    return validateProduct(p);
}

Expected<int> userVersion(sqlite::Connection& conn)
{
    auto s = Statement::prepare(conn.get(), "PRAGMA user_version", false);
    if (!s)
        return s.error();
    auto row = s->step();
    if (!row)
        return row.error();
    return static_cast<int>(s->getInt(0));
}

// Parses seed CSV text and writes its products (inside the caller's transaction).
Status loadSeed(Database::Impl& impl, std::istream& in, const std::string& origin)
{
    CsvReader reader(in, ',', true);
    std::vector<std::string> fields;
    auto r = reader.next(fields);
    if (r != CsvReader::Result::Record || fields != csvColumns())
        return makeError(ErrorCode::Corrupt, origin + ":1: the header is not the product CSV header");
    for (;;) {
        r = reader.next(fields);
        if (r == CsvReader::Result::End)
            return Status::success();
        const std::string where = origin + ":" + std::to_string(reader.recordLine()) + ": ";
        if (r == CsvReader::Result::Error)
            return makeError(ErrorCode::Corrupt, where + reader.error());
        auto p = productFromCsvFields(fields);
        if (!p)
            return makeError(ErrorCode::Corrupt, where + p.error().message);
        if (auto st = validate(*p); !st)
            return makeError(ErrorCode::Corrupt, where + st.error().message);
        if (auto u = impl.upsertUnguarded(*p); !u)
            return u.error();
    }
}

Status migrate(Database::Impl& impl, bool seedNewFile, const OpenOptions& options)
{
    if (auto st = impl.conn.exec("BEGIN IMMEDIATE"); !st)
        return st;
    auto fail = [&](Error e) -> Status {
        impl.conn.exec("ROLLBACK");
        return e;
    };
    // Another process may have migrated while we waited for the lock.
    auto v = userVersion(impl.conn);
    if (!v)
        return fail(v.error());
    const int from = *v;
    for (std::size_t i = 0; i < detail::kMigrationCount; ++i) {
        const auto& m = detail::kMigrations[i];
        if (m.version <= from)
            continue;
        if (auto st = impl.conn.exec(m.sql); !st)
            return fail(makeError(ErrorCode::Internal, std::string("migration ") + m.name + ": " + st.error().message));
        // PRAGMA takes no parameters; the number comes from the migration table, not from input.
        if (auto st = impl.conn.exec(("PRAGMA user_version = " + std::to_string(m.version)).c_str()); !st)
            return fail(st.error());
    }
    if (seedNewFile && from == 0) {
        Status st;
        std::optional<fs::path> seedPath = options.seedFile;
        if (!seedPath) {
            if (auto dir = dataDirectory(); dir && fs::exists(*dir / "seed.csv"))
                seedPath = *dir / "seed.csv";
        }
        if (seedPath) {
            std::ifstream in(*seedPath, std::ios::binary);
            if (!in)
                return fail(makeError(ErrorCode::NotFound, "cannot read seed file '" + seedPath->string() + "'"));
            st = loadSeed(impl, in, seedPath->string());
        } else {
            std::istringstream in(detail::kSeedCsv);
            st = loadSeed(impl, in, "db/seed.csv (built in)");
        }
        if (!st)
            return fail(st.error());
    }
    if (auto st = impl.conn.exec("COMMIT"); !st)
        return fail(st.error());
    impl.version = detail::kMigrations[detail::kMigrationCount - 1].version;
    return Status::success();
}

} // namespace

int Database::latestSchemaVersion()
{
    return detail::kMigrations[detail::kMigrationCount - 1].version;
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const fs::path& Database::path() const
{
    return impl_->path;
}
int Database::schemaVersion() const
{
    return impl_->version;
}

Expected<Database> Database::open(const fs::path& path, const OpenOptions& options)
{
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    int flags = 0;
    if (options.readOnly) {
        if (!existed)
            return makeError(ErrorCode::NotFound, "database '" + path.string() + "' does not exist");
        flags = SQLITE_OPEN_READONLY;
    } else {
        if (!existed && !options.create)
            return makeError(ErrorCode::NotFound, "database '" + path.string() + "' does not exist");
        if (!existed && path.has_parent_path()) {
            fs::create_directories(path.parent_path(), ec);
            if (ec)
                return makeError(ErrorCode::Io,
                                 "cannot create folder '" + path.parent_path().string() + "': " + ec.message());
        }
        flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    }
    auto conn = sqlite::Connection::open(path.string(), flags);
    if (!conn)
        return conn.error();
    auto impl = std::make_unique<Impl>();
    impl->conn = std::move(*conn);
    impl->path = path;
    impl->readOnly = options.readOnly;
    sqlite3_busy_timeout(impl->conn.get(), options.busyTimeoutMs);

    auto v = userVersion(impl->conn);
    if (!v) {
        Error e = v.error();
        if (e.code == ErrorCode::Corrupt)
            e.message = "'" + path.string() + "' is not a labelcheck database (" + e.message + ")";
        return e;
    }
    if (auto st = impl->conn.exec("PRAGMA foreign_keys = ON"); !st)
        return st.error();
    if (!options.readOnly) {
        // WAL lets the check workers read while an import writes; NORMAL sync is durable in WAL mode
        // except for the last transactions before a power cut, never corrupting.
        if (auto st = impl->conn.exec("PRAGMA journal_mode = WAL"); !st)
            return st.error();
        if (auto st = impl->conn.exec("PRAGMA synchronous = NORMAL"); !st)
            return st.error();
    }
    impl->conn.exec("PRAGMA cache_size = -65536"); // up to 64 MiB, allocated as used; a hint only
    // Savepoint sub-journals (one per written product) in memory: on disk they cost ~30 writes per product.
    impl->conn.exec("PRAGMA temp_store = MEMORY");
    const int latest = latestSchemaVersion();
    if (*v > latest)
        return makeError(ErrorCode::Unsupported, "database '" + path.string() + "' has schema version " +
                                                     std::to_string(*v) + ", newer than this labelcheck (" +
                                                     std::to_string(latest) + ")");
    impl->version = *v;
    if (*v < latest) {
        if (options.readOnly)
            return makeError(ErrorCode::Unsupported, "database '" + path.string() + "' has schema version " +
                                                         std::to_string(*v) + " and needs migrating to " +
                                                         std::to_string(latest) +
                                                         "; open it once for writing (e.g. `labelcheck db stats`)");
        if (auto st = migrate(*impl, options.seed, options); !st)
            return st.error();
    }
    return Database(std::move(impl));
}

Expected<std::optional<Product>> Database::findByGtin(std::string_view gtin14) const
{
    auto s = impl_->stmt(impl_->findByGtin, kFindByGtinSql);
    if (!s)
        return s.error();
    sqlite::ResetGuard guard(**s);
    (*s)->bind(1, gtin14);
    auto row = (*s)->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Product>{};
    auto p = impl_->readProduct(**s);
    if (!p)
        return p.error();
    return std::optional<Product>{std::move(*p)};
}

Expected<std::vector<std::string>> gtinCandidates(std::string_view code)
{
    auto digits = gtin::digitsOnly(code);
    if (digits && digits->size() == 8) {
        std::vector<std::string> out;
        auto ean8 = gtin::toGtin14(*digits);
        if (ean8)
            out.push_back(*ean8);
        auto upce = gtin::toGtin14(*digits, gtin::Kind::UpcE);
        if (upce && (out.empty() || out.front() != *upce))
            out.push_back(*upce);
        if (out.empty())
            return makeError(ErrorCode::InvalidArgument, "'" + std::string(code) + "' is neither a valid EAN-8 (" +
                                                             ean8.error().message + ") nor a valid UPC-E (" +
                                                             upce.error().message + ")");
        return out;
    }
    auto g = gtin::toGtin14(code);
    if (!g)
        return g.error();
    return std::vector<std::string>{*g};
}

Expected<std::optional<Product>> Database::findByCode(std::string_view code) const
{
    auto candidates = gtinCandidates(code);
    if (!candidates)
        return candidates.error();
    for (const auto& g : *candidates) {
        auto p = findByGtin(g);
        if (!p || *p)
            return p;
    }
    return std::optional<Product>{};
}

std::string ftsQuery(std::string_view text, bool prefixLast)
{
    // Words are runs of ASCII letters/digits and any non-ASCII bytes (UTF-8 letters); everything else
    // separates. Each word is quoted, so FTS5 operators and quotes in the input are never syntax.
    std::vector<std::string> words;
    std::string cur;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80) {
            cur += ch;
        } else if (!cur.empty()) {
            words.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty())
        words.push_back(std::move(cur));
    std::string q;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i)
            q += ' ';
        q += '"';
        q += words[i];
        q += '"';
        if (prefixLast && i + 1 == words.size())
            q += '*';
    }
    return q;
}

Expected<std::vector<Product>> Database::search(std::string_view text, int limit) const
{
    auto s = impl_->stmt(impl_->search, kSearchSql);
    if (!s)
        return s.error();
    auto run = [&](const std::string& q) -> Expected<std::vector<Product>> {
        sqlite::ResetGuard guard(**s);
        (*s)->bind(1, q);
        (*s)->bind(2, limit);
        (*s)->bind(3, std::max(limit, kSearchRankCap));
        return impl_->readAll(**s);
    };
    // Whole words first: they are the better matches, and a prefix query ("stel"*) must merge the doclists
    // of every term with that prefix (10-50 ms on a million products) where a word takes well under 1 ms.
    // Only when whole words leave room does the last word also match as a prefix (text still being typed).
    const std::string exact = ftsQuery(text, false);
    if (exact.empty())
        return std::vector<Product>{};
    auto found = run(exact);
    if (!found || static_cast<int>(found->size()) >= limit)
        return found;
    auto more = run(ftsQuery(text, true));
    if (!more)
        return more.error();
    for (auto& p : *more) {
        if (static_cast<int>(found->size()) >= limit)
            break;
        const bool dup =
            std::any_of(found->begin(), found->end(), [&](const Product& f) { return f.gtin14 == p.gtin14; });
        if (!dup)
            found->push_back(std::move(p));
    }
    return found;
}

Expected<std::vector<Product>> Database::list(const ListFilter& f) const
{
    auto s = impl_->stmt(impl_->list, kListSql);
    if (!s)
        return s.error();
    sqlite::ResetGuard guard(**s);
    (*s)->bind(1, f.electrolyteOnly);
    (*s)->bind(2, f.incompleteOnly);
    for (Mineral m : kMinerals) {
        const bool want = std::find(f.missing.begin(), f.missing.end(), m) != f.missing.end();
        (*s)->bind(3 + static_cast<int>(index(m)), want);
    }
    (*s)->bind(7, f.limit);
    return impl_->readAll(**s);
}

Status Database::forEachProduct(const std::function<bool(const Product&)>& fn) const
{
    auto s = Statement::prepare(impl_->conn.get(), kAllSql, false);
    if (!s)
        return s.error();
    for (;;) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            return Status::success();
        auto p = impl_->readProduct(*s);
        if (!p)
            return p.error();
        if (!fn(*p))
            return Status::success();
    }
}

Expected<UpsertOutcome> Database::upsert(const Product& p)
{
    if (auto st = validate(p); !st)
        return st.error();
    // Inside the caller's transaction the product is written directly: a savepoint per product would make
    // FTS5 flush its pending index data to a new segment for every row (20x slower imports). On failure the
    // caller rolls its transaction back (see the header), so no half-written product is ever committed.
    if (sqlite3_get_autocommit(impl_->conn.get()) == 0)
        return impl_->upsertUnguarded(p);
    // On its own, the product's row and nutrients are one transaction.
    auto sp = impl_->stmt(impl_->savepointUpsert, "SAVEPOINT lc_upsert");
    auto rel = impl_->stmt(impl_->releaseUpsert, "RELEASE lc_upsert");
    auto back = impl_->stmt(impl_->rollbackUpsert, "ROLLBACK TO lc_upsert");
    if (!sp || !rel || !back)
        return !sp ? sp.error() : !rel ? rel.error() : back.error();
    auto runReset = [](sqlite::Statement& s) {
        sqlite::ResetGuard g(s);
        return s.run();
    };
    if (auto st = runReset(**sp); !st)
        return st.error();
    auto r = impl_->upsertUnguarded(p);
    if (!r) {
        runReset(**back);
        runReset(**rel);
        return r;
    }
    if (auto st = runReset(**rel); !st) {
        runReset(**back);
        runReset(**rel);
        return st.error();
    }
    return r;
}

Expected<bool> Database::remove(std::string_view gtin14)
{
    auto s = impl_->stmt(impl_->remove, kDeleteSql);
    if (!s)
        return s.error();
    sqlite::ResetGuard guard(**s);
    (*s)->bind(1, gtin14);
    if (auto st = (*s)->run(); !st)
        return st.error();
    return sqlite3_changes(impl_->conn.get()) > 0;
}

namespace {
Expected<std::int64_t> scalar(sqlite3* db, const char* sql, std::optional<std::int64_t> param = std::nullopt)
{
    auto s = Statement::prepare(db, sql, false);
    if (!s)
        return s.error();
    if (param)
        s->bind(1, *param);
    auto row = s->step();
    if (!row)
        return row.error();
    return *row ? s->getInt(0) : 0;
}
} // namespace

Expected<Stats> Database::stats() const
{
    sqlite3* db = impl_->conn.get();
    Stats st;
    // One read transaction so the numbers agree with each other.
    if (auto s = impl_->conn.exec("SAVEPOINT lc_stats"); !s)
        return s.error();
    struct End {
        sqlite::Connection& c;
        ~End() { c.exec("RELEASE lc_stats"); }
    } end{impl_->conn};
    auto total = scalar(db, "SELECT count(*) FROM products");
    if (!total)
        return total.error();
    st.products = *total;
    auto samples = scalar(db, "SELECT count(*) FROM products WHERE sample = 1");
    if (!samples)
        return samples.error();
    st.samples = *samples;
    auto claims = scalar(db, "SELECT count(*) FROM products WHERE electrolyte_claim = 1");
    if (!claims)
        return claims.error();
    st.electrolyteClaims = *claims;
    auto complete = scalar(db, "SELECT count(*) FROM products p WHERE p.electrolyte_claim = 1 AND "
                               "(SELECT count(*) FROM product_nutrients n WHERE n.product_id = p.id AND "
                               "n.nutrient_id <= 4 AND n.amount > 0) = 4");
    if (!complete)
        return complete.error();
    st.electrolyteComplete = *complete;
    for (Mineral m : kMinerals) {
        auto c =
            scalar(db, "SELECT count(*) FROM product_nutrients WHERE nutrient_id = ?1 AND amount > 0", nutrientId(m));
        if (!c)
            return c.error();
        st.withMineral[index(m)] = *c;
    }
    auto s = Statement::prepare(db, "SELECT source, count(*) FROM products GROUP BY source ORDER BY source", false);
    if (!s)
        return s.error();
    for (;;) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        st.bySource.emplace_back(s->getText(0), s->getInt(1));
    }
    st.schemaVersion = impl_->version;
    std::error_code ec;
    st.fileBytes = fs::file_size(impl_->path, ec);
    if (ec)
        st.fileBytes = 0;
    const auto wal = fs::path(impl_->path.string() + "-wal");
    if (auto w = fs::file_size(wal, ec); !ec)
        st.fileBytes += w;
    return st;
}

Expected<Transaction> Database::begin()
{
    std::string name = "lc_tx" + std::to_string(++impl_->savepoints);
    if (auto st = impl_->savepoint(name); !st)
        return st.error();
    return Transaction(this, std::move(name));
}

Expected<double> Database::dailyValue(Mineral mineral, bool pre2016) const
{
    auto s = Statement::prepare(impl_->conn.get(),
                                "SELECT amount FROM daily_values WHERE nutrient_id = ?1 AND standard = ?2", false);
    if (!s)
        return s.error();
    s->bind(1, nutrientId(mineral));
    s->bind(2, std::string_view(pre2016 ? "pre2016" : "2016"));
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, "no Daily Value for " + std::string(mineralName(mineral)));
    return s->getDouble(0);
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), name_(std::move(other.name_))
{
}

Transaction::~Transaction()
{
    if (db_)
        rollback();
}

Status Transaction::commit()
{
    assert(db_);
    auto st = db_->impl_->release(name_);
    if (!st) {
        db_->impl_->rollbackTo(name_);
    }
    db_ = nullptr;
    return st;
}

Status Transaction::rollback()
{
    assert(db_);
    auto st = db_->impl_->rollbackTo(name_);
    db_ = nullptr;
    return st;
}

} // namespace labelcheck::db
