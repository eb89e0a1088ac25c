#pragma once
// Merging each mineral's readings across OCR'd frames by vote, so a turning bottle whose panel is never fully
// visible in one frame still gets all its rows, and one misread row is outvoted. Pure: no I/O, no threads.

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/core/mineral.hpp"

#include <array>
#include <optional>
#include <vector>

namespace labelcheck::scan {

// What the overlay shows for a mineral: grey, green, red.
enum class MineralState {
    NotRead, // no reading yet and too few panel frames to call it missing
    Present, // the winning reading declares a non-zero amount
    Missing, // declared zero, or absent from every one of at least `framesForMissing` panel frames
};

struct VoteOptions {
    int framesForMissing = 2; // panel frames without a row before that mineral counts as missing
};

// Not thread-safe; one instance per product.
class MineralVote {
public:
    explicit MineralVote(VoteOptions options = {});

    // Adds the minerals read from one frame in which the panel was found (indexed by index(Mineral)).
    void add(const std::array<std::optional<MineralAmount>, 4>& reading);

    // Number of panel frames added.
    int frames() const { return frames_; }
    // Number of frames that read this mineral at all, and how many of them agree with the winner.
    int readings(Mineral m) const;
    int winnerVotes(Mineral m) const;

    // The winning reading: the value (amount, unit, mg rounded to 3 significant digits) read most often;
    // ties go to the higher summed confidence, then to the earlier reading. Its %DV is the one most often
    // read with that value, its confidence the mean confidence of the agreeing readings scaled by the share
    // of readings that agree. nullopt when no frame read this mineral.
    std::optional<MineralAmount> winner(Mineral m) const;

    MineralState state(Mineral m) const;

    // winner() for all four minerals, indexed by index(Mineral).
    std::array<std::optional<MineralAmount>, 4> merged() const;

private:
    VoteOptions options_;
    int frames_ = 0;
    std::array<std::vector<MineralAmount>, 4> readings_;
};

} // namespace labelcheck::scan
