#pragma once
// The ZXing-C++ in use, for `labelcheck --version`.

#include <string>

namespace labelcheck::barcode {

// The version of the ZXing-C++ headers this was built with, e.g. "1.4.0" (the library has no run-time
// version query).
std::string zxingVersion();

} // namespace labelcheck::barcode
