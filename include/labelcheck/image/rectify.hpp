#pragma once
// Cutting a label panel out of a photo as a flat, upright, OCR-ready image: perspective from its corners,
// residual skew and the mild cylindrical bend of a round bottle removed, scaled so that text has the
// size the recogniser reads best, binarised for uneven light and glare, dark text on a light ground.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/image/image.hpp"
#include "labelcheck/image/quad.hpp"

#include <array>
#include <optional>

namespace labelcheck::image {

// What the rectified panel image holds.
enum class RectifiedOutput {
    // Dark type on white with its grey levels (Tesseract's line recogniser reads grey, which keeps blurred and
    // thin strokes that a threshold breaks): each pixel's contrast with its local background.
    Ink,
    Binary, // Sauvola-binarised: ink 0, ground 255
    Grey,   // the rectified grey panel as it is (inverted when light on dark)
};

struct RectifyOptions {
    // Median height, in output pixels, of the panel's glyphs (a mix of lower case, capitals and digits,
    // so between x-height and cap height). 26 puts the x-height at ~20-22 px.
    float targetGlyphHeightPx = 26.0f;
    int maxOutputPixels = 8'000'000; // the output is scaled down further when it would be larger
    // Output pixels per photo pixel and polarity, when another rectification of the same panel has settled them:
    // a region taken on round the panel holds other type, which can mislead the glyph measurement, and a dark
    // ground beyond the label, which turned a light panel's type light on dark (seed 4242's 202: an outline taken
    // on down past the label read nothing). 0 and null: measured here.
    double scale = 0;
    std::optional<bool> inverted;
    bool deskew = true;              // level the panel's rules
    bool dewarp = true;              // straighten rules bent by a cylinder (bottles, cans)
    RectifiedOutput output = RectifiedOutput::Ink;
    bool removeRules = true;         // Ink, Binary: erase long horizontal/vertical rules (they confuse line finding)
    int paddingPx = 16;              // white border added around the output
};

struct RectifiedPanel {
    Image image;                // 1 channel, dark type on a light ground (see RectifiedOutput)
    double scale = 1.0;         // output pixels per photo pixel (along the panel's width)
    float glyphHeightPx = 0;    // median glyph height measured in the output (0: could not measure)
    float skewDegrees = 0;      // residual rotation that was removed
    float bendPx = 0;           // largest vertical displacement removed by dewarping, in output pixels
    bool inverted = false;      // the panel was light text on a dark ground and was inverted
    // Row-major homography from output pixels (minus padding) to photo pixels, ignoring the deskew and dewarp.
    std::array<double, 9> outputToPhoto{};
    int paddingPx = 0;          // the white border round the output (RectifyOptions::paddingPx)
};

// The photo pixel that output pixel `p` of `panel` shows: the padding taken off, then `outputToPhoto`. Exact for
// a panel neither deskewed nor dewarped; otherwise off by up to unmappedShiftPx(panel). Pure.
PointF toPhoto(const RectifiedPanel& panel, PointF p);

// The most by which toPhoto can miss, in output pixels: how far the deskew and the dewarp moved the panel's
// content beyond the homography (the bend, plus the skew's rise over half the panel's width). Pure.
float unmappedShiftPx(const RectifiedPanel& panel);

// Rectifies the region `quad` (corners TL, TR, BR, BL in `photo` pixels) of a 1- or 3-channel photo.
// Errors: InvalidArgument (empty photo, degenerate or non-convex quad, quad mostly outside the photo).
// Thread-safe.
Expected<RectifiedPanel> rectifyPanel(const Image& photo, const Quad& quad, const RectifyOptions& options = {});

} // namespace labelcheck::image
