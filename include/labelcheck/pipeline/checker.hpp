#pragma once
// The `check` pipeline for one photo: image -> barcode -> facts panel -> OCR -> facts -> rules -> database.
// Wires the modules together; holds the per-thread resources (OCR engine, database connection).

#include "labelcheck/barcode/reader.hpp"
#include "labelcheck/core/check_result.hpp"
#include "labelcheck/core/expected.hpp"
#include "labelcheck/image/load.hpp"
#include "labelcheck/report/annotation.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace labelcheck::pipeline {

struct CheckerOptions {
    // The product database to consult (opened read-only, so it must exist). nullopt: no database; results
    // then have `database: null` and products come from the label only.
    std::optional<std::filesystem::path> databasePath;
    image::LoadLimits limits;
    barcode::ReadOptions barcode;
    // When > 0, each Inspection carries an annotated thumbnail whose longer side is at most this many
    // pixels (for the HTML report). 0: none (saves the encoding time).
    int annotationMaxSide = 0;
    // Wall-clock limit of the OCR pass over the text outside the panel (claims, ingredients), in ms; 0: none.
    // A limit makes results depend on the machine's load (a busy machine reads less text), so `check`
    // leaves it at 0 for reproducible output.
    int photoTextDeadlineMs = 0;
};

// What checking one photo produced: the contract's result and, when asked for, the annotated thumbnail.
struct Inspection {
    CheckResult result;
    std::optional<report::Annotation> annotation;
};

// One pipeline per worker thread. Not thread-safe: one check() at a time per Checker; make one per
// thread (creation loads the OCR model and opens the database, so reuse it). Movable, not copyable.
class Checker {
  public:
    // Errors: whatever opening the database (NotFound, Io, Corrupt, Unsupported) or creating the OCR
    // engine (NotFound when no Tesseract language data) returns; the message names what failed.
    static Expected<Checker> create(const CheckerOptions& options);

    Checker(Checker&&) noexcept;
    Checker& operator=(Checker&&) noexcept;
    ~Checker();

    // Checks the photo at `path`; `file` is copied to the result's `file` field (the path as the user
    // gave it). Never throws and never aborts on a bad photo: a photo that cannot be loaded gives
    // ok == false with a one-line error. A photo without barcode or panel gives ok == true with nulls.
    Inspection check(const std::filesystem::path& path, const std::string& file);

  private:
    struct Impl;
    explicit Checker(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The result for a file that could not be processed at all: ok false, `error` (one line), no barcode,
// panel, product or database, every mineral null and so listed as missing, verdict unreadable.
CheckResult failedResult(std::string file, std::string error);

} // namespace labelcheck::pipeline
