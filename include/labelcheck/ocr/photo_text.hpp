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
    int deadlineMs = 300;               // recognition stops after this long, keeping what was read
    std::optional<image::Quad> panel;   // blanked out (already read) and used to level the photo
};

// Reads scattered text on `photo` (1- or 3-channel) with `engine`. Boxes are in the downscaled, levelled
// image's pixels (only the text matters here). Errors as Engine::recognize. Same thread rules as the
// engine.
Expected<std::vector<TextLine>> readPhotoText(Engine& engine, const image::Image& photo,
                                              const PhotoTextOptions& options = {});

} // namespace labelcheck::ocr
