#pragma once
// A one-line progress bar on standard error, drawn only when standard error is a terminal.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace labelcheck::cli {

class ProgressBar {
  public:
    // Enabled when `enabled` (callers pass isatty(STDERR_FILENO)) and total > 1.
    ProgressBar(std::size_t total, bool enabled);
    ~ProgressBar();

    // Erases the bar so that other output can be printed on a clean line; the next update redraws it.
    void clear();
    // Records that `done` of the total are finished and redraws (at most every 50 ms, and at the end).
    void update(std::size_t done);

    // The bar's text for `done` of `total` in `width` columns, e.g. "[=====>    ] 12/40": pure, for tests.
    static std::string render(std::size_t done, std::size_t total, int width);

  private:
    std::size_t total_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point lastDraw_{};
};

} // namespace labelcheck::cli
