#pragma once
// Finding the Supplement Facts / Nutrition Facts panel in a photo. Returns geometry, never pixels: the
// caller rectifies the region with image::rectifyPanel and reads it with ocr::Engine.

#include "labelcheck/image/image.hpp"
#include "labelcheck/image/quad.hpp"

#include <optional>
#include <vector>

namespace labelcheck::panel {

// Known only when the geometry tells (it rarely does); the facts parser decides from the title text.
enum class PanelType { Unknown, SupplementFacts, NutritionFacts };

struct Panel {
    image::Quad corners;            // TL, TR, BR, BL of the panel upright, in the input photo's pixels
    // The panel taken on past a heavy rule that text follows, where `corners` stop (the rule looks like a
    // frame's edge): the vitamins and minerals of an older Nutrition Facts panel, calcium and magnesium
    // among them, often as a %DV only. Empty when nothing follows the outer rules.
    std::optional<image::Quad> throughRules;
    PanelType type = PanelType::Unknown;
    float confidence = 0;           // 0..1: how panel-like the structure is
    int ruleCount = 0;              // aligned horizontal rules found inside
    bool bordered = false;          // a frame (vertical sides) was seen around the rules
    bool lightOnDark = false;       // the rules were light on a dark ground
};

struct FindOptions {
    int workingLongSide = 1200; // the photo is searched at this size (long side, pixels)
    float minConfidence = 0.3f; // candidates below are not returned
    int maxCandidates = 3;
    // Added to the photo's dominant edge angle before the rules are levelled. That angle follows the
    // strongest straight edges, which may be a barcode's or the pack's rather than the panel's: under
    // strong perspective the panel's rules can lie several degrees off it, too far to stay whole.
    double angleOffsetDeg = 0;
    // After levelling, rows sloped this far (degrees, y down) are levelled by a vertical shear, which keeps the
    // panel's sides upright: the way a panel photographed from one side looks, its rows fanned several degrees
    // off the pack's edges while its sides stay near them. A rotation that far tilts the sides, and the rules'
    // ends no longer line up.
    double shearDeg = 0;
    // The shortest rule kept, in working pixels; 0 for a twentieth of the working long side (at least 40). At a
    // finer working size that default grows with the scale and stays where it was in the photo's pixels: a
    // panel narrower than ~5 % of the photo's long side has no rule long enough at any working size.
    int minRuleLengthPx = 0;
};

// The panel candidates in `photo` (1- or 3-channel), most confident first; empty when there is none.
// A panel is recognised by its structure: a stack of parallel rules of equal length (left and right ends
// aligned) with text between them, a title above, optionally a frame. Works at any rotation (including
// sideways and upside-down photos) and under moderate perspective. Never throws. Thread-safe.
std::vector<Panel> findPanels(const image::Image& photo, const FindOptions& options = {});

// Of `byConfidence` (most confident first), at most `maxCount` that outline different regions: a candidate is
// dropped when more than half of its area or of a kept one's is common to both (the same panel seen in both
// polarities or turns). A fragment inside a larger outline does not drop it: the finder scores a few evenly spaced
// rules of a panel above all of its rules when perspective or an indented rule spreads their ends.
std::vector<Panel> distinctPanels(const std::vector<Panel>& byConfidence, int maxCount);

// The best candidate of findPanels, or nullopt.
std::optional<Panel> findPanel(const image::Image& photo, const FindOptions& options = {});

} // namespace labelcheck::panel
