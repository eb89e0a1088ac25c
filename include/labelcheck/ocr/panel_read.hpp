#pragma once
// Reading a rectified facts panel, recovering from an upside-down crop (the panel finder tells the
// panel's top from its title, which can fail on small or damaged titles).

#include "labelcheck/core/expected.hpp"
#include "labelcheck/core/text.hpp"
#include "labelcheck/image/image.hpp"
#include "labelcheck/ocr/engine.hpp"

#include <optional>
#include <vector>

namespace labelcheck::ocr {

struct PanelText {
    std::vector<TextLine> lines; // reading order; boxes in the panel image as read (see upsideDown)
    bool upsideDown = false;     // the panel image was read turned 180 degrees: boxes are in that frame
    float meanConfidence = 0;    // mean word confidence, 0..1 (0 when nothing was read)
};

struct PanelReadOptions {
    RecognizeOptions recognize;        // layout etc. for both reads
    float retryBelowConfidence = 0.6f; // read the image turned 180 degrees when the first read is weaker
    long retryAtMostPixels = 0;        // and the image has no more pixels than this (0: any size)
    float blockBelowCoverage = 0.5f;   // read again as one block when the lines span less of the height
    // The way up another read of the same panel settled: the image is read that way only (turned 180 degrees
    // when true), without the retry. nullopt: the retry decides.
    std::optional<bool> upsideDown;
};

// Reads `panel` (an output of image::rectifyPanel) with `engine`; when the lines read span less than
// options.blockBelowCoverage of its height (none at all included), reads it again as one block and keeps the
// read with more confident text; when the words' mean confidence is below options.retryBelowConfidence (and the
// image is no larger than options.retryAtMostPixels), reads it again turned 180 degrees and keeps the read with more
// confident text (unless options.upsideDown says which way up it is). Errors as Engine::recognize. Same thread rules as
// the engine.
Expected<PanelText> readPanel(Engine& engine, const image::Image& panel, const PanelReadOptions& options = {});

// Reads the rows `top` to `bottom` (clamped to the image) of `panel`, its whole width, as one line (PSM 7), turned
// 180 degrees first when `upsideDown` (`top` and `bottom` then count in the turned image, as a PanelText's boxes do).
// A row that the panel's read garbled often reads whole alone: the recogniser sizes and places one line by itself.
// Returns the words, boxes in the frame `top` counts in; no words when nothing was read. Errors as Engine::recognize.
Expected<TextLine> readBand(Engine& engine, const image::Image& panel, int top, int bottom, bool upsideDown);

} // namespace labelcheck::ocr
