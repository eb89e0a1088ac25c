#include "labelcheck/barcode/version.hpp"

#include <ZXing/ZXVersion.h>

namespace labelcheck::barcode {

std::string zxingVersion()
{
    return std::to_string(ZXING_VERSION_MAJOR) + "." + std::to_string(ZXING_VERSION_MINOR) + "." +
           std::to_string(ZXING_VERSION_PATCH);
}

} // namespace labelcheck::barcode
