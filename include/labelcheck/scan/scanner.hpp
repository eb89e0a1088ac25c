#pragma once
// The scan engine: per frame a barcode read and a sharpness score; multi-frame barcode consensus; OCR of the
// sharpest recent frames on a worker thread; per-product vote over the panel readings; one settled verdict
// per confirmed product. Knows nothing about windows, clocks or output formats.

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/scan/analyzer.hpp"
#include "labelcheck/scan/consensus.hpp"
#include "labelcheck/scan/mineral_vote.hpp"
#include "labelcheck/scan/overlay.hpp"
#include "labelcheck/scan/source.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace labelcheck::scan {

struct ScannerOptions {
    int barcodeBudgetMs = 40; // readBarcode time budget per frame (live mode)
    int barcodeMaxPasses = 6; // readBarcode pass cap per frame in reproducible mode (synchronousOcr), where a
                              // wall-clock budget would make the output depend on machine load
    int barcodeEvery = 1;     // read the barcode on every Nth processed frame; 0: 1, or 2 when it cannot keep up
                              // with 30 fps (mean decode > 33 ms)
    ConsensusOptions consensus;
    VoteOptions vote;
    // Reproducible mode for recordings: OCR runs inline on the sharpest of every `ocrEvery` processed frames,
    // so the output depends only on the frames. Otherwise OCR runs on a worker thread, which takes the
    // sharpest frame since its last job whenever it is idle and at least `minOcrGap` frames have passed.
    bool synchronousOcr = false;
    int ocrEvery = 6;
    int minOcrGap = 2;
    // A product's verdict is settled (reported once) after `settleFrames` panel frames, or after
    // `fastSettleFrames` when those frames are unanimous (each mineral read with the same value in all of them,
    // or in none).
    int settleFrames = 3;
    int fastSettleFrames = 2;
    // How many frames after its last barcode read the barcode outline stays on screen.
    int outlineFrames = 8;
    // How many frames after it was read a panel outline stays on screen.
    int panelOutlineFrames = 20;
};

// A product's settled (or, at a product change or the end, final) result.
struct ScanEvent {
    std::int64_t frame = 0; // the frame being processed when it was settled
    CheckResult result;     // `file` left empty for the caller
};

struct ScannerStats {
    std::int64_t framesProcessed = 0;
    std::int64_t barcodeReads = 0; // frames on which readBarcode ran
    double barcodeMsMean = 0;
    std::int64_t ocrRuns = 0;
    std::int64_t panelFrames = 0; // OCR runs that found a panel
    double ocrMsMean = 0;
};

class Scanner {
public:
    // `analyzer` must outlive the scanner.
    explicit Scanner(Analyzer& analyzer, ScannerOptions options = {});
    // Waits for a running OCR job and stops the worker.
    ~Scanner();
    Scanner(const Scanner&) = delete;
    Scanner& operator=(const Scanner&) = delete;

    // Processes one frame (indices must increase) and returns the verdicts settled since the last call.
    // Call from one thread at a time.
    std::vector<ScanEvent> process(const Frame& frame);

    // End of the stream: waits for the OCR in flight (synchronous mode: OCRs the pending candidate), then
    // reports the current product if it was confirmed but not yet reported. Call from the processing thread.
    std::vector<ScanEvent> finish();

    // Snapshot of what the window should draw (fps and frozen left for the caller). Thread-safe.
    OverlayState overlay() const;
    // The current product's latest result (settled or not), with the frame it belongs to. Thread-safe.
    std::optional<ScanEvent> current() const;
    ScannerStats stats() const; // thread-safe

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace labelcheck::scan
