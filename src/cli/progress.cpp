#include "progress.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace labelcheck::cli {

ProgressBar::ProgressBar(std::size_t total, bool enabled) : total_(total), enabled_(enabled && total > 1) {}

ProgressBar::~ProgressBar()
{
    clear();
}

void ProgressBar::clear()
{
    if (enabled_ && drawn_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        drawn_ = false;
    }
}

void ProgressBar::update(std::size_t done)
{
    if (!enabled_)
        return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total_ && now - lastDraw_ < std::chrono::milliseconds(50))
        return;
    lastDraw_ = now;
    std::fputs(("\r\033[K" + render(done, total_, 30)).c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
}

std::string ProgressBar::render(std::size_t done, std::size_t total, int width)
{
    done = std::min(done, total);
    const auto w = static_cast<std::size_t>(std::max(width, 1));
    const std::size_t filled = total ? done * w / total : w;
    std::string bar(filled, '=');
    if (filled < w)
        bar += done ? ">" : " ";
    bar.resize(w, ' ');
    return fmt::format("[{}] {}/{}", bar, done, total);
}

} // namespace labelcheck::cli
