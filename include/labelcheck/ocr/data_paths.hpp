#pragma once
// Where the OCR data lives: labelcheck's own models/ (user words, patterns, config) and the system's
// Tesseract language data. Found relative to the executable or the system, never the working directory.

#include "labelcheck/core/expected.hpp"

#include <filesystem>

namespace labelcheck::ocr {

// The models/ directory shipped with labelcheck: <dir of /proc/self/exe>/../share/labelcheck/models
// (the build tree has the same shape as an install). Errors: NotFound (with the path tried), Io when
// /proc/self/exe cannot be read. Thread-safe.
Expected<std::filesystem::path> defaultModelsDir();

// The directory holding eng.traineddata: $TESSDATA_PREFIX when set and it holds `language`.traineddata,
// else the Debian/Ubuntu and /usr/local locations of Tesseract 5 and 4. Errors: NotFound listing the
// places tried. Thread-safe.
Expected<std::filesystem::path> findTessdataDir(const std::string& language = "eng");

} // namespace labelcheck::ocr
