#include "version_info.hpp"

#include "labelcheck/barcode/version.hpp"
#include "labelcheck/db/version.hpp"
#include "labelcheck/image/version.hpp"
#include "labelcheck/ocr/version.hpp"

#include <fmt/format.h>

namespace labelcheck::cli {

std::string versionText()
{
    return fmt::format("labelcheck {}\nOpenCV {}\nZXing-C++ {}\nTesseract {}\nSQLite {}", LABELCHECK_VERSION,
                       image::openCvVersion(), barcode::zxingVersion(), ocr::tesseractVersion(), db::sqliteVersion());
}

} // namespace labelcheck::cli
