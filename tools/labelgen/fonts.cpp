#include "fonts.hpp"

#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <stdexcept>

namespace labelgen {

Fonts::Fonts(std::vector<std::string> dirs) : dirs_(std::move(dirs)) {}

cv::freetype::FreeType2& Fonts::face(const std::string& file)
{
    auto it = faces_.find(file);
    if (it != faces_.end())
        return *it->second;
    for (const auto& dir : dirs_) {
        std::filesystem::path p = std::filesystem::path(dir) / file;
        if (std::filesystem::exists(p)) {
            auto ft = cv::freetype::createFreeType2();
            ft->loadFontData(p.string(), 0);
            return *faces_.emplace(file, ft).first->second;
        }
    }
    throw std::runtime_error("font not found: " + file);
}

int Fonts::width(const std::string& file, const std::string& text, int px)
{
    if (text.empty())
        return 0;
    int baseline = 0;
    return face(file).getTextSize(text, px, -1, &baseline).width;
}

void Fonts::draw(cv::Mat& img, const std::string& file, const std::string& text, int x, int baselineY, int px, cv::Scalar color)
{
    if (text.empty())
        return;
    // cv::freetype puts the baseline one em below the origin when bottomLeftOrigin is false.
    face(file).putText(img, text, cv::Point(x, baselineY - px), px, color, -1, cv::LINE_AA, false);
}

double Fonts::xHeight(const std::string& file, int px)
{
    auto key = std::make_pair(file, px);
    auto it = xHeights_.find(key);
    if (it != xHeights_.end())
        return it->second;
    cv::Mat m(px * 3, px * 2, CV_8UC3, cv::Scalar::all(0));
    face(file).putText(m, "x", cv::Point(px / 2, px / 2), px, cv::Scalar::all(255), -1, cv::LINE_AA, false);
    cv::Mat gray, nz;
    cv::cvtColor(m, gray, cv::COLOR_BGR2GRAY);
    cv::findNonZero(gray > 127, nz);
    double h = nz.empty() ? px * 0.53 : cv::boundingRect(nz).height;
    xHeights_[key] = h;
    return h;
}

} // namespace labelgen
