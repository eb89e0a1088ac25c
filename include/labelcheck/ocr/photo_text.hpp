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
    int longSide = 1200;                // the photo is read at this size (long side, pixels)
    int deadlineMs = 400;               // wall-clock: recognition stops after this long, keeping what was read
    std::optional<image::Quad> panel;   // blanked out (already read) and used to level the photo
    // With `panel`: the panel's glyph height in photo pixels (RectifiedPanel::glyphHeightPx / scale).
    // When set, only the package face around the panel is read (the panel's box grown by 1.2 panel
    // widths/heights each way), scaled so the panel's text would be ~14 px: claims on a label that is
    // small in the photo stay readable. 0: the whole photo at `longSide`.
    float panelGlyphPx = 0;
    int maxPixels = 2'500'000;          // cap on the image handed to the recogniser
};

// Reads scattered text on `photo` (1- or 3-channel) with `engine`. Boxes are in the downscaled, levelled
// image's pixels (only the text matters here). Errors as Engine::recognize. Same thread rules as the
// engine.
Expected<std::vector<TextLine>> readPhotoText(Engine& engine, const image::Image& photo,
                                              const PhotoTextOptions& options = {});

} // namespace labelcheck::ocr
