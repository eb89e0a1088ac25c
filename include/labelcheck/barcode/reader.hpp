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

// What the time budget of ReadOptions counts.
enum class BudgetClock {
    Wall,      // elapsed time: the latency a live view waits for
    ThreadCpu, // the calling thread's CPU time: a batch answers the same on a busy machine as on an idle one
               // (OpenCV work a pass hands to helper threads is not counted)
};

// Options for readBarcode, a value type with chainable setters (like ZXing's DecodeHints).
class ReadOptions {
  public:
    // Time budget for the whole multi-pass search, in milliseconds on the clock of setBudgetClock (wall-clock
    // unless set; 0: no limit). Checked between
    // passes: the first pass always runs, and a pass that has started is finished, so the search can
    // overrun by one pass (a few ms to a few tens of ms on a 12 MP photo).
    ReadOptions& setTimeBudgetMs(int ms)
    {
        timeBudgetMs_ = ms;
        return *this;
    }
    int timeBudgetMs() const { return timeBudgetMs_; }
    ReadOptions& setBudgetClock(BudgetClock clock)
    {
        budgetClock_ = clock;
        return *this;
    }
    BudgetClock budgetClock() const { return budgetClock_; }
    // Deterministic budget: at most this many decoding passes (0: no cap). Unlike the wall-clock budget the
    // result does not depend on machine load, so recordings and tests give the same answer on every run.
    ReadOptions& setMaxPasses(int n)
    {
        maxPasses_ = n;
        return *this;
    }
    int maxPasses() const { return maxPasses_; }
    // Stop after the first pass (one plain ZXing call on the greyscale image), returned unconfirmed; for
    // benchmarks only: it can return a misread.
    ReadOptions& setSinglePass(bool v)
    {
        singlePass_ = v;
        return *this;
    }
    bool singlePass() const { return singlePass_; }
    // Diagnostics: run every pass even after a decision and record each one in ReadStats::trace. The
    // returned barcode is the same as without it. Slow; for the benchmark and tuning only.
    ReadOptions& setRunAllPasses(bool v)
    {
        runAllPasses_ = v;
        return *this;
    }
    bool runAllPasses() const { return runAllPasses_; }

  private:
    int timeBudgetMs_ = 500;
    BudgetClock budgetClock_ = BudgetClock::Wall;
    int maxPasses_ = 0;
    bool singlePass_ = false;
    bool runAllPasses_ = false;
};

// One pass of the search, for diagnostics.
struct PassTrace {
    std::string name;   // e.g. "base/local", "region1/global", "up2/local"
    bool trusted;       // a trusted pass's read is always verified; every read needs a second view to agree
    std::string gtin14; // empty when the pass read nothing
    double ms = 0;
};

// What a search did (filled by the readBarcode overload that takes it).
struct ReadStats {
    int passes = 0; // passes run
    double ms = 0;  // wall-clock time of the whole call
    bool budgetExhausted = false;
    std::string decidedBy; // pass names that produced the result ("a+b" when two had to agree); empty: none
    std::vector<PassTrace> trace;
};

// Finds one EAN-13, EAN-8, UPC-A or UPC-E symbol whose check digit is valid.
// Search, cheapest first, stopping at the first decision:
//  1. plain ZXing on the whole greyscale photo scaled to at most 1280 px, then (photos over 1280 px) at
//     full resolution;
//  2. photos over 1280 px: plain ZXing on overlapping 640 px full-resolution tiles (a read that touches a
//     tile's cut edge is ignored);
//  3. large photos: the two most barcode-like tiles (gradient coherence x edge coverage) get a tight,
//     deskewed crop of what looks like a symbol and aggressive variants;
//  4. the whole-photo locator: up to 3 deskewed crops of barcode-like regions;
//  in 3 and 4, every deskewed crop is also read by template matching (the symbol's blurred modules
//  fitted digit by digit, for symbols too blurred for ZXing: bars of one module gone grey); such a read
//  needs two bands of rows that agree, and is verified by the same decoder on its own crop of the photo;
//  5. aggressive variants of the (scaled) photo: 2x/3x upscaling (small photos), half size, unsharp masks,
//     CLAHE, fixed and adaptive thresholds, smoothing, rotations by 8/15/25 degrees.
// No pass decides alone: on a blurred or foreshortened symbol a single ZXing call can misread 2-4 digits
// and still land on a valid check digit. A GTIN is accepted when two different views read it and no view
// read a different GTIN (a second symbol on the pack, or a misread, leaves the result empty rather than
// risking the wrong product), except that a GTIN read by template matching and by 3+ views overrules
// reads of other GTINs by fewer than half as many views, none of them template matching (one ZXing pass's
// misread, whose own verification crop often reads the true code). The reads of steps 1, 2 and of the best locator crop ("trusted") are always
// given a verification crop (the full-resolution photo around the symbol), which runs even past the
// budget; and a decision reached in steps 1-2 is cross-checked on the best located region, deskewed and
// rescaled: a different GTIN there withdraws it and no later pass may decide. A pair made of an untrusted
// variant and its own verification crop (two looks at the same pixels) decides only if the next 2 passes
// read no other GTIN. Those confirmations (at most 1 + 1 + 2 passes) may overrun the time/pass budget.
// setSinglePass(true) is the exception: its one call decides alone, unconfirmed (a benchmark baseline).
// Returns nullopt when none is found within the budget. Never aborts, whatever the photo (0x0, 1x1,
// huge, blank, 4-channel: nullopt). Thread-safe: no shared state.
std::optional<Barcode> readBarcode(const image::Image& img, const ReadOptions& options = {});

// Same, and fills `stats`.
std::optional<Barcode> readBarcode(const image::Image& img, const ReadOptions& options, ReadStats& stats);

} // namespace labelcheck::barcode
