#include "inputs.hpp"

#include "labelcheck/image/load.hpp"

#include <algorithm>
#include <system_error>

namespace labelcheck::cli {

namespace fs = std::filesystem;

namespace {

void expandFolder(const std::string& arg, std::vector<Input>& out)
{
    std::vector<fs::path> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(fs::path(arg), fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        out.push_back({arg, fs::path(arg), "cannot read folder: " + ec.message()});
        return;
    }
    for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec)
            break;
        std::error_code fileEc;
        if (it->is_regular_file(fileEc) && image::hasImageExtension(it->path()))
            found.push_back(it->path());
    }
    if (ec) {
        out.push_back({arg, fs::path(arg), "cannot read folder: " + ec.message()});
        return;
    }
    if (found.empty()) {
        out.push_back({arg, fs::path(arg), "no images in folder (looked for .jpg .jpeg .png .webp .tif .tiff .bmp)"});
        return;
    }
    std::sort(found.begin(), found.end());
    for (auto& p : found)
        out.push_back({p.string(), p, std::nullopt});
}

void expand(const std::string& arg, std::vector<Input>& out)
{
    std::error_code ec;
    fs::path p(arg);
    auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
        out.push_back({arg, p, "no such file or folder"});
        return;
    }
    if (fs::is_directory(status))
        expandFolder(arg, out);
    else
        out.push_back({arg, p, std::nullopt});
}

} // namespace

std::vector<Input> collectInputs(const std::vector<std::string>& args, std::istream& stdinLines)
{
    std::vector<Input> out;
    bool stdinRead = false;
    for (const auto& arg : args) {
        if (arg != "-") {
            expand(arg, out);
            continue;
        }
        if (stdinRead)
            continue;
        stdinRead = true;
        std::string line;
        while (std::getline(stdinLines, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line.empty())
                continue;
            expand(line, out);
        }
    }
    return out;
}

} // namespace labelcheck::cli
