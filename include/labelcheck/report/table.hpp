#pragma once
// The human-readable table of `labelcheck check` (the default format): a header, then one line per
// image as results arrive, so it streams. Fixed column widths; the file column's width is chosen up
// front from the names that will be printed.

#include "labelcheck/core/check_result.hpp"

#include <string>
#include <vector>

namespace labelcheck::report {

class TableWriter {
  public:
    // The file column is as wide as the longest of `files` (at least 4, at most kMaxFileWidth); longer
    // names are shortened from the left with "...".
    explicit TableWriter(const std::vector<std::string>& files);

    static constexpr int kMaxFileWidth = 48;

    // Column titles, with a trailing newline.
    std::string header() const;
    // One line per result, with a trailing newline. Minerals print as "<mg> mg" ("~" before estimated
    // values), "-" when not declared. A failed image prints "error: <message>" after its name.
    std::string row(const CheckResult& result) const;

  private:
    int fileWidth_ = 4;
};

} // namespace labelcheck::report
