#pragma once
// Reading EAN/UPC barcodes from photos. This module is the only user of ZXing.

#include "labelcheck/image/image.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace labelcheck::barcode {

struct Point {
    int x = 0, y = 0;
};

struct Barcode {
    std::string text;             // digits as printed by the symbol (UPC-A: 12, UPC-E: 8)
    std::string format;           // "EAN-13", "EAN-8", "UPC-A", "UPC-E"
    std::string gtin14;           // the GTIN it denotes, UPC-E expanded, zero-padded
    std::array<Point, 4> corners; // in the input image's pixels, clockwise from top-left of the symbol
};

// Options for readBarcode, a value type with chainable setters (like ZXing's DecodeHints).
class ReadOptions {
public:
    // Wall-clock budget for the whole multi-pass search, in milliseconds (0: no limit).
    ReadOptions& setTimeBudgetMs(int ms) { timeBudgetMs_ = ms; return *this; }
    int timeBudgetMs() const { return timeBudgetMs_; }
    // Stop after the first pass (one plain ZXing call on the greyscale image); for benchmarks.
    ReadOptions& setSinglePass(bool v) { singlePass_ = v; return *this; }
    bool singlePass() const { return singlePass_; }

private:
    int timeBudgetMs_ = 1500;
    bool singlePass_ = false;
};

// Finds one EAN-13, EAN-8, UPC-A or UPC-E symbol whose check digit is valid.
// Returns nullopt when none is found within the budget. Never aborts, whatever the photo.
// Thread-safe: no shared state.
std::optional<Barcode> readBarcode(const image::Image& img, const ReadOptions& options = {});

} // namespace labelcheck::barcode
