#pragma once
// Tesseract behind a small RAII class. This module is the only user of Tesseract and Leptonica.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/core/text.hpp"
#include "labelcheck/image/image.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace labelcheck::ocr {

// How the recogniser should look for lines (Tesseract page segmentation modes; always set explicitly,
// since the API's default differs from the command line's).
enum class Layout {
    Block,  // PSM 6: one uniform block; rows span the whole width, so right-aligned columns stay on the row
    Column, // PSM 4: one column of lines of varying size
    Auto,   // PSM 3: full page layout analysis (columns, regions)
    Sparse, // PSM 11: scattered text in no particular order (whole photos)
    Line,   // PSM 7: the image is one line
};

struct EngineOptions {
    std::filesystem::path tessdataDir; // empty: findTessdataDir(language)
    std::filesystem::path modelsDir;   // empty: defaultModelsDir(); when that fails, no user words
    std::string language = "eng";
};

struct RecognizeOptions {
    Layout layout = Layout::Column; // keeps the large title that Block drops; rows are rejoined by groupRows
    int deadlineMs = 0;       // stop recognising after this long and return what was read (0: no limit)
    int resolutionDpi = 300;  // stated to Tesseract; only its size heuristics use it
    bool groupRows = true;    // merge lines that share a row (see groupRows)
    float minConfidence = 0;  // drop words below this confidence (0..1)
    bool tryInverted = false; // also try lines as light-on-dark (slower; panels come already upright)
};

// One Tesseract instance. Create once per worker thread and reuse: creation loads the language model
// (~100 ms), recognition does not. Not thread-safe: one thread at a time per Engine. Movable, not copyable.
// Recognition runs on the calling thread only: create() and recognize() switch OpenMP nesting off for
// that thread (Tesseract would otherwise start 4 OpenMP threads per call), so --jobs N scales.
class Engine {
public:
    // Loads `language` from the tessdata directory with the user words, user patterns and config from
    // models/ (eng.user-words, eng.user-patterns, labelcheck.config) when they are there.
    // Errors: NotFound (no traineddata), Internal (Tesseract refused to initialise).
    static Expected<Engine> create(const EngineOptions& options = {});

    Engine(Engine&&) noexcept;
    Engine& operator=(Engine&&) noexcept;
    ~Engine();

    // Recognises `img` (1-channel grey/binary or 3-channel BGR). Returns rows in reading order (top to
    // bottom, words left to right), boxes in `img` pixels, confidences 0..1; empty when nothing was read.
    // Errors: InvalidArgument (empty image or unsupported channel count), Internal (Tesseract failed).
    Expected<std::vector<TextLine>> recognize(const image::Image& img, const RecognizeOptions& options = {});

    // The models directory whose user words were loaded (empty when none).
    const std::filesystem::path& modelsDir() const;

private:
    struct Impl;
    explicit Engine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace labelcheck::ocr
