#pragma once
// The Tesseract in use, for `labelcheck --version`.

#include <string>

namespace labelcheck::ocr {

// The version of the Tesseract library linked at run time (TessBaseAPI::Version()), e.g. "5.3.0".
std::string tesseractVersion();

} // namespace labelcheck::ocr
