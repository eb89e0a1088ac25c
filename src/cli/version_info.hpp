#pragma once
// The text of `labelcheck --version`.

#include <string>

namespace labelcheck::cli {

// "labelcheck X.Y.Z" then one line per library in use: OpenCV, ZXing-C++, Tesseract, SQLite.
std::string versionText();

} // namespace labelcheck::cli
