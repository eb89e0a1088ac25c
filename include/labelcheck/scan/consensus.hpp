#pragma once
// Multi-frame barcode consensus: a GTIN is confirmed only when it was read in several recent frames, so a
// single misread never reaches the screen or the output. Pure: no clocks, no threads, no I/O.

#include "labelcheck/barcode/reader.hpp"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>

namespace labelcheck::scan {

struct ConsensusOptions {
    int window = 8;      // how many recent processed frames are considered
    int minAgreeing = 3; // reads of the same GTIN within the window needed to confirm it
    int maxAgeFrames = 90; // reads older than this many frames (by frame index) no longer count
};

// Emitted by BarcodeConsensus::add when a GTIN becomes the confirmed one.
struct Confirmation {
    std::int64_t frame = 0;   // the frame whose read completed the consensus
    barcode::Barcode barcode; // that frame's read
};

// Not thread-safe; one instance per stream.
class BarcodeConsensus {
public:
    explicit BarcodeConsensus(ConsensusOptions options = {});

    // Adds the result of one processed frame (nullopt: nothing decoded). Frames must be added in increasing
    // order. Returns a Confirmation when this frame makes a GTIN other than the currently confirmed one
    // reach the threshold. The confirmed GTIN stays confirmed while the label is out of view; only another
    // confirmed GTIN replaces it, so a product that leaves and comes back is not confirmed twice.
    std::optional<Confirmation> add(std::int64_t frame, const std::optional<barcode::Barcode>& read);

    // The confirmed GTIN-14, if any.
    const std::optional<std::string>& confirmedGtin() const { return confirmedGtin_; }
    // The most recent read of the confirmed GTIN (corners for the overlay) and its frame.
    const std::optional<barcode::Barcode>& lastConfirmedRead() const { return lastRead_; }
    std::optional<std::int64_t> lastConfirmedReadFrame() const { return lastReadFrame_; }

    // Forgets everything, including the confirmed GTIN.
    void reset();

private:
    struct Entry {
        std::int64_t frame;
        std::optional<std::string> gtin14;
    };
    ConsensusOptions options_;
    std::deque<Entry> recent_;
    std::optional<std::string> confirmedGtin_;
    std::optional<barcode::Barcode> lastRead_;
    std::optional<std::int64_t> lastReadFrame_;
};

} // namespace labelcheck::scan
