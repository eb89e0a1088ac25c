#include "labelcheck/facts/merge.hpp"

#include "labelcheck/facts/dv_era.hpp"

#include <algorithm>
#include <array>

namespace labelcheck::facts {

namespace {

// An amount read without a %DV beside it and more than this many times off an estimate made from a whole %DV (either
// way) is a misread of that row, not its amount: "Magnesium 19%" read again as "Magnesium 1996". The Daily Values of
// the two eras differ by a third at most.
constexpr double kContradictsEstimate = 4.0;

// Of two amounts of one mineral that no %DV confirms, the one read this much more confidently (0..1) is taken.
constexpr double kClearlyBetterRead = 0.3;

// Whether another read's `from` of mineral `m` should replace `into` (see mergeMinerals).
bool replaces(Mineral m, const MineralAmount& from, const MineralAmount& into)
{
    if (into.estimated && !from.estimated) {
        const bool contradicted =
            into.dailyValuePct && *into.dailyValuePct >= 1 && !from.dailyValuePct &&
            (from.mg > kContradictsEstimate * into.mg || from.mg * kContradictsEstimate < into.mg);
        return !contradicted;
    }
    if (into.mg == from.mg || confirmedByDailyValue(m, into))
        return false;
    if (confirmedByDailyValue(m, from))
        return true;
    // Neither amount has a %DV to vouch for it: the row read clearly better wins ("Potassium = =-ss« 20mg", its words
    // at 0.32, against "Potassium 420mg %" at 0.86 in another read: seed 4242's 106).
    return !into.estimated && !from.estimated && into.confidence && from.confidence &&
           *from.confidence > *into.confidence + kClearlyBetterRead;
}

// A panel row read with a confidence (0..1) under this is checked against another read of the label; a line of that
// read at least this confident replaces it (crossCheckMinerals).
constexpr double kWeakRow = 0.3;
constexpr double kSureLine = 0.8;

// A mineral the panel's reads lack is taken from the package face's read at this confidence (0..1) or more
// (takeMissingMinerals). On the 624 generated photos of three seeds, every mineral the face's read gave where the
// panel's reads had none was right, read at 0.55 to 0.76.
constexpr double kFaceRow = 0.5;

// Whether another read gives `seen` as a printed amount (not estimated from a %DV) read at `confidence` or more.
bool printedAtLeast(const std::optional<MineralAmount>& seen, double confidence)
{
    return seen && !seen->estimated && seen->amount && seen->confidence && *seen->confidence >= confidence;
}

} // namespace

void takeMissingMinerals(Facts& into, const Facts& face)
{
    for (std::size_t i = 0; i < into.minerals.size(); ++i) {
        const std::optional<MineralAmount>& seen = face.minerals[i];
        if (into.minerals[i] || into.notSignificant[i] || !printedAtLeast(seen, kFaceRow))
            continue;
        into.minerals[i] = seen;
        into.unreadable[i] = false;
    }
}

void crossCheckMinerals(Facts& into, const std::vector<TextLine>& lines)
{
    std::array<bool, 4> checked{}; // the minerals read weakly
    for (std::size_t i = 0; i < checked.size(); ++i) {
        const std::optional<MineralAmount>& kept = into.minerals[i];
        checked[i] = kept && !kept->estimated && !kept->unreadable && kept->amount && kept->confidence &&
                     *kept->confidence < kWeakRow && !confirmedByDailyValue(kMinerals[i], *kept);
    }
    if (std::none_of(checked.begin(), checked.end(), [](bool b) { return b; }))
        return;
    // Each line parsed once; of the weak minerals each takes the most confident amount that differs from its own.
    std::array<std::optional<MineralAmount>, 4> best;
    for (const TextLine& line : lines) {
        const Facts read = parseFacts(std::vector<TextLine>{line});
        for (std::size_t i = 0; i < checked.size(); ++i) {
            if (!checked[i])
                continue;
            const std::optional<MineralAmount>& seen = read.minerals[i];
            const MineralAmount& kept = *into.minerals[i];
            if (!printedAtLeast(seen, kSureLine) || seen->mg == kept.mg ||
                (best[i] && *best[i]->confidence >= *seen->confidence))
                continue;
            if (kept.dailyValuePct && !fitsDailyValue(kMinerals[i], seen->mg, *kept.dailyValuePct))
                continue;
            best[i] = seen;
        }
    }
    for (std::size_t i = 0; i < best.size(); ++i)
        if (best[i]) {
            if (!best[i]->dailyValuePct)
                best[i]->dailyValuePct = into.minerals[i]->dailyValuePct;
            into.minerals[i] = std::move(best[i]);
        }
}

void mergeMinerals(Facts& into, const Facts& from)
{
    for (std::size_t i = 0; i < into.minerals.size(); ++i)
        if (from.minerals[i] && (!into.minerals[i] || replaces(kMinerals[i], *from.minerals[i], *into.minerals[i]))) {
            into.minerals[i] = from.minerals[i];
            into.unreadable[i] = false;
            MineralAmount& taken = *into.minerals[i];
            if (taken.estimated && !taken.amount && taken.dailyValuePct)
                taken.mg = *taken.dailyValuePct / 100.0 * dailyValues(into.dvEra).of(kMinerals[i]);
        }
}

void mergeMentions(Facts& into, const Facts& from)
{
    into.electrolyteClaim = into.electrolyteClaim || from.electrolyteClaim;
    for (std::size_t i = 0; i < into.mentioned.size(); ++i)
        into.mentioned[i] = into.mentioned[i] || from.mentioned[i];
}

} // namespace labelcheck::facts
