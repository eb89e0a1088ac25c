#pragma once
// TrueType text through cv::freetype: a cache of loaded faces, text measurement and drawing by baseline.

#include <opencv2/core.hpp>
#include <opencv2/freetype.hpp>

#include <map>
#include <string>

namespace labelgen {

// A regular and a bold face of one family, as file names under the Debian font directories.
struct Family {
    std::string regular;
    std::string bold;
};

class Fonts {
public:
    // `dirs` are searched in order for each file name. Throws std::runtime_error when a file is missing
    // (the tool's main catches it).
    explicit Fonts(std::vector<std::string> dirs);

    // Width in px of `text` at em size `px`.
    int width(const std::string& file, const std::string& text, int px);
    // Draws `text` with its baseline at `baselineY`, starting at `x`.
    void draw(cv::Mat& img, const std::string& file, const std::string& text, int x, int baselineY, int px, cv::Scalar color);
    // Height of a lower-case "x" in px at em size `px` (measured by rendering, cached).
    double xHeight(const std::string& file, int px);

private:
    cv::freetype::FreeType2& face(const std::string& file);
    std::vector<std::string> dirs_;
    std::map<std::string, cv::Ptr<cv::freetype::FreeType2>> faces_;
    std::map<std::pair<std::string, int>, double> xHeights_;
};

} // namespace labelgen
