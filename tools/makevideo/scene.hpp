#pragma once
// Test videos for `labelcheck scan`: label images moved in front of a camera-like background with pan,
// zoom, rotation, motion blur, frames without any label, and one product after another.
// A developer tool, not a module: it uses OpenCV and ZXing types freely.

#include <opencv2/core.hpp>

#include <optional>
#include <string>
#include <vector>

namespace labelcheck::tools {

struct MineralRow {
    std::string name;   // "Sodium"
    std::string amount; // "200mg"
    std::string dv;     // "9%" or ""
};

struct LabelSpec {
    std::string name;  // product name printed at the top
    std::string ean13; // 13 digits with a valid check digit
    bool supplementFacts = true;
    std::vector<MineralRow> rows;
    std::string claim = "ELECTROLYTE DRINK MIX"; // printed under the name; empty for none
};

// Draws a simple label: name, claim, EAN-13 symbol (ZXing's writer) and a facts panel with rules.
// About 900 x 1100 pixels, BGR.
cv::Mat renderLabel(const LabelSpec& spec);

struct SceneOptions {
    int width = 1280;
    int height = 720;
    double fps = 30;
    double secondsPerProduct = 5; // time each label is in view
    double gapSeconds = 0.8;      // frames without a label before each product and at the end
    unsigned seed = 1;
    double labelHeightShare = 0.85; // label height at zoom 1, as a share of the frame height
    bool still = false; // labels held perfectly still in the centre (screenshot tests)
};

// Where the label of a frame is: nullopt for a frame without a label.
struct Placement {
    int product = 0;
    cv::Point2f centre;
    double scale = 1;       // zoom factor
    double angleDeg = 0;    // rotation
    cv::Point2f velocity;   // pixels per frame, for motion blur
};

class Scene {
public:
    Scene(std::vector<cv::Mat> labels, SceneOptions options);

    int frameCount() const;
    double fps() const { return options_.fps; }
    std::optional<Placement> placement(int frame) const;
    // Renders frame `frame` (deterministic for a given seed).
    cv::Mat render(int frame) const;
    // First and last frame in which product `p` is fully steady in view (for time-to-verdict measurements).
    std::pair<int, int> steadyRange(int product) const;

private:
    std::vector<cv::Mat> labels_;
    SceneOptions options_;
    int gapFrames_ = 0, productFrames_ = 0;
    cv::Mat background_;
};

// Writes all frames of `scene` to an MJPG .avi. Returns false when the writer cannot be opened.
bool writeVideo(const Scene& scene, const std::string& path);

// Writes frames as JPEG files named by `pattern` (printf style, e.g. dir/%04d.jpg).
bool writeFrames(const Scene& scene, const std::string& pattern);

} // namespace labelcheck::tools
