#pragma once
// Turning `labelcheck check PATH...` arguments into the list of photos to check, in a deterministic order.

#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace labelcheck::cli {

struct Input {
    std::string file;                 // the path as given, or as found under a given folder
    std::filesystem::path path;       // where to read it
    std::optional<std::string> error; // set when the argument itself is bad (missing path, empty folder)
};

// Expands `args` in order: a file is taken as is (whatever its extension: the loader sniffs the content);
// a folder is searched recursively for files with an image extension (image::hasImageExtension), sorted
// by path, each named as found under the argument ("samples/" gives "samples/a.jpg"); "-" reads one
// path per line from `stdinLines` (blank lines skipped, trailing CR removed) and expands each the same
// way, once. A missing path and a folder without images give one Input with `error` set, so the batch
// goes on and the result reports it. Never throws.
std::vector<Input> collectInputs(const std::vector<std::string>& args, std::istream& stdinLines);

} // namespace labelcheck::cli
