#include "labelcheck/ocr/data_paths.hpp"

#include <cstdlib>
#include <system_error>
#include <vector>

namespace labelcheck::ocr {

namespace fs = std::filesystem;

Expected<fs::path> defaultModelsDir()
{
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot resolve /proc/self/exe: " + ec.message());
    fs::path dir = (exe.parent_path() / ".." / "share" / "labelcheck" / "models").lexically_normal();
    if (!fs::is_directory(dir, ec))
        return makeError(ErrorCode::NotFound, "models directory not found at " + dir.string());
    return dir;
}

Expected<fs::path> findTessdataDir(const std::string& language)
{
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) {
        candidates.emplace_back(env);
        candidates.emplace_back(fs::path(env) / "tessdata");
    }
    for (const char* p : {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                          "/usr/share/tessdata", "/usr/local/share/tessdata", "/usr/local/share/tesseract-ocr/5/tessdata"})
        candidates.emplace_back(p);
    std::string tried;
    std::error_code ec;
    for (const auto& c : candidates) {
        if (fs::is_regular_file(c / (language + ".traineddata"), ec))
            return c;
        tried += (tried.empty() ? "" : ", ") + c.string();
    }
    return makeError(ErrorCode::NotFound, language + ".traineddata not found in " + tried);
}

} // namespace labelcheck::ocr
