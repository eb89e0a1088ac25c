#pragma once
// A quick read of the text on the whole photo outside the facts panel (product name, claims such as
// "Electrolyte Drink Mix"): large type, so a downscaled image and a time budget suffice.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/core/text.hpp"
#include "labelcheck/image/image.hpp"
#include "labelcheck/image/quad.hpp"
#include "labelcheck/ocr/engine.hpp"

#include <optional>
#include <vector>

namespace labelcheck::ocr {

struct PhotoTextOptions {
    int longSide = 1200;  // without a panel: the photo is read at this size (long side, pixels)
    int deadlineMs = 400; // wall-clock: recognition stops after this long, keeping what was read
    // The panel, corners TL, TR, BR, BL of the upright panel: the photo is levelled by its rows, and the label
    // around it tells dark labels (light type) from light ones. Its own text is read again, but for the
    // `readRegions`: the outline is loose and often overlaps a claim printed above the panel.
    std::optional<image::Quad> panel;
    // With `panel`: the panel's glyph height in photo pixels (RectifiedPanel::glyphHeightPx / scale).
    // When set, only the package face around the panel is read (the panel's box grown by `faceGrow` of its
    // width/height each way), scaled so that the panel's text would be `faceGlyphPx` high: claims, a little
    // larger than the panel's text, land near the recogniser's best size. 0: the whole photo at `longSide`.
    float panelGlyphPx = 0;
    float faceGrow = 2.0f;
    // An outline fewer than this many of the panel's glyphs high is taken for a part of a taller panel (rows
    // between two heavy rules, outlined apart) or for a panel of a few rows: the face is taken round an outline
    // this high, centred on it. Grown from such a part alone, the face stopped short of the claim above the panel
    // (seed 4242 of the generator: 008 and 041, outlined 14-18 glyphs high); on seed 20261125 a tenth of the panels
    // kept are outlined under 23 glyphs high, the median 56. 0: the outline as it is.
    float minPanelGlyphs = 24.0f;
    // Ink whose contrast with its background is below this (0-255) is taken for ground, and the rest stretched
    // to full contrast. The recogniser binarises the whole image with one Otsu threshold: faint marks and a
    // large empty ground pull it where blurred bold type breaks apart. 0: every mark kept.
    int faintInk = 0;
    int faceGlyphPx = 22;
    // After levelling by the panel's rows: levelled again by the slope of the text away from the panel, when it
    // differs (the type above a panel seen from one side runs steeper than the panel's rows).
    bool levelByText = false;
    // The image is cut to its ink and a margin before the recogniser reads it (its layout analysis takes time for every
    // pixel, ground or text). The cut moves the recogniser's global threshold, as painting does (`readRegions`).
    bool cutToInk = true;
    // Regions (photo pixels, each a quadrilateral) whose text was read already, such as the panel's lines:
    // painted as ground before the read, so that the recogniser does not read them again. Painting out much
    // ink moves the recogniser's global (Otsu) threshold: text elsewhere may then read otherwise.
    std::vector<image::Quad> readRegions;
    int maxPixels = 6'000'000; // cap on the image handed to the recogniser
};

// Reads scattered text on `photo` (1- or 3-channel) with `engine`. Boxes are in the downscaled, levelled
// image's pixels (only the text matters here). Errors as Engine::recognize. Same thread rules as the
// engine.
Expected<std::vector<TextLine>> readPhotoText(Engine& engine, const image::Image& photo,
                                              const PhotoTextOptions& options = {});

} // namespace labelcheck::ocr
