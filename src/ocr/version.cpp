#include "labelcheck/ocr/version.hpp"

#include <tesseract/baseapi.h>

namespace labelcheck::ocr {

std::string tesseractVersion()
{
    return tesseract::TessBaseAPI::Version();
}

} // namespace labelcheck::ocr
