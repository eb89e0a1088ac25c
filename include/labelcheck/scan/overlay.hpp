#pragma once
// What the live window draws over the video. drawOverlay is a pure function of (frame, state): the same
// inputs give the same pixels, with no window, clock or global state involved, so it is unit-tested.

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/image/image.hpp"
#include "labelcheck/scan/analyzer.hpp"
#include "labelcheck/scan/mineral_vote.hpp"

#include <array>
#include <optional>
#include <string>

namespace labelcheck::scan {

struct MineralDisplay {
    MineralState state = MineralState::NotRead;
    std::string text; // e.g. "200 mg", empty when not read
};

struct OverlayState {
    std::optional<Quad> barcodeOutline; // drawn when set (recent read of the confirmed GTIN)
    std::string gtin;                   // confirmed GTIN-14, empty while unconfirmed
    std::optional<Quad> panelOutline;   // drawn when set
    std::array<MineralDisplay, 4> minerals; // indexed by index(Mineral)
    std::string productName;            // from the database (or the label), empty when unknown
    std::optional<Verdict> verdict;     // banner when set
    double fps = 0;                     // drawn when > 0
    bool frozen = false;
};

// Colours (BGR) and positions used by drawOverlay, exposed so tests can sample the right pixels.
struct OverlayColors {
    static constexpr std::array<int, 3> kPresent = {40, 180, 40};   // green
    static constexpr std::array<int, 3> kMissing = {40, 40, 220};   // red
    static constexpr std::array<int, 3> kNotRead = {150, 150, 150}; // grey
    static constexpr std::array<int, 3> kBarcode = {0, 220, 255};   // yellow
    static constexpr std::array<int, 3> kPanel = {255, 160, 0};     // blue
};
std::array<int, 3> verdictColor(Verdict v);

struct Rect {
    int x = 0, y = 0, width = 0, height = 0;
};
struct OverlayLayout {
    Rect infoBox;                  // dark box holding the product name and the four mineral rows
    std::array<Rect, 4> swatches;  // the coloured square in front of each mineral row
    Rect banner;                   // the verdict banner across the bottom
    double scale = 1;              // text scale relative to a 720-pixel-high frame
};
OverlayLayout overlayLayout(int frameWidth, int frameHeight);

// Returns a 3-channel copy of `frame` with the overlays drawn. An empty frame gives an empty image.
image::Image drawOverlay(const image::Image& frame, const OverlayState& state);

} // namespace labelcheck::scan
