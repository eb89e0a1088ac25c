#pragma once
// The OpenCV in use, for `labelcheck --version`.

#include <string>

namespace labelcheck::image {

// The version of the OpenCV library linked at run time, e.g. "4.6.0".
std::string openCvVersion();

} // namespace labelcheck::image
