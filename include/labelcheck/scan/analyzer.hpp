#pragma once
// The expensive, pipeline-specific work the scanner delegates: reading the facts panel of one frame
// (panel + OCR + facts) and judging a product (database + rules). The CLI supplies an implementation over the
// pipeline modules; tests supply fakes. Only plain types cross this line.

#include "labelcheck/barcode/reader.hpp"
#include "labelcheck/core/check_result.hpp"
#include "labelcheck/image/image.hpp"

#include <array>
#include <optional>
#include <vector>

namespace labelcheck::scan {

using Quad = std::array<barcode::Point, 4>; // frame pixels, clockwise from top-left

// What one frame's facts panel said.
struct PanelReading {
    Quad outline{};                   // where the panel is in the frame
    std::optional<PanelType> type;
    std::array<std::optional<MineralAmount>, 4> minerals; // indexed by index(Mineral); null: row not read
    bool electrolyteClaim = false;
    std::vector<Mineral> mentionedNotDeclared;
};

// Panel readings of several frames of one product, merged (minerals by vote).
struct MergedPanel {
    int frames = 0; // panel frames merged; 0 when the panel was never found
    std::optional<PanelType> type;
    std::array<std::optional<MineralAmount>, 4> minerals;
    bool electrolyteClaim = false; // any frame saw a claim
    std::vector<Mineral> mentionedNotDeclared;
};

class Analyzer {
public:
    virtual ~Analyzer() = default;

    // Finds the facts panel in `frame` and reads it; nullopt when there is no panel in the frame.
    // Called from the scanner's OCR worker thread, never concurrently with itself.
    virtual std::optional<PanelReading> readPanel(const image::Image& frame) = 0;

    // The contract result for a product from its barcode and merged panel: database lookup, missing list,
    // verdict, as `check` does for one photo (`file` is filled in by the caller).
    // Called from the thread calling Scanner::process/finish, never concurrently with itself.
    virtual CheckResult judge(const std::optional<barcode::Barcode>& barcode, const MergedPanel& panel) = 0;
};

} // namespace labelcheck::scan
