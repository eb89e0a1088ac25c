#pragma once
// Reads an EAN-13 / UPC-A / EAN-8 / UPC-E symbol from one intensity profile taken across its bars by
// matching blurred templates of its modules, after Gallo & Manduchi, "Reading 1D Barcodes with Mobile
// Phones Using Deformable Templates" (IEEE PAMI 2011). Edge-based decoders (ZXing's) need every bar's two
// edges; at 2-3 pixels per module and a blur of about half a module, bars of one module merge into grey
// and those decoders see nothing. Here the symbol's extent (its guard patterns) fixes the module grid, and
// each digit is the pattern whose blurred rendering correlates best with the profile over its seven modules.
// Pure: no third-party types. Internal to the barcode module.

#include <optional>
#include <span>
#include <string>

namespace labelcheck::barcode::detail {

struct ProfileRead {
    std::string text;   // as printed: EAN-13 13 digits, UPC-A 12, EAN-8 8, UPC-E 8
    std::string format; // "EAN-13", "UPC-A", "EAN-8", "UPC-E"
    double fit = 0;     // mean correlation of the chosen digit patterns with the profile, -1..1
    double margin = 0;  // smallest lead of a chosen digit's correlation over the best other digit's
    float left = 0;     // the symbol's first and last module edges, in profile samples (left < right)
    float right = 0;
};

// The symbol read from `grey` (one value per sample, light = high; bars dark on a light ground, either
// direction), or nullopt when no symbol fits well enough with a valid check digit (and, for EAN-13, a
// valid parity pattern). `grey` should span the symbol with some quiet zone on both sides.
std::optional<ProfileRead> decodeProfile(std::span<const float> grey);

} // namespace labelcheck::barcode::detail
