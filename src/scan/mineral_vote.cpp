#include "labelcheck/scan/mineral_vote.hpp"

#include <cmath>
#include <map>
#include <tuple>

namespace labelcheck::scan {

namespace {

// Rounds to 3 significant digits so that 0.06 g and 0.060 g, or 60 and 60.0 mg, are the same vote.
double roundSignificant(double v)
{
    if (v == 0 || !std::isfinite(v))
        return v;
    const double scale = std::pow(10.0, 2 - std::floor(std::log10(std::fabs(v))));
    return std::round(v * scale) / scale;
}

using Key = std::tuple<double, int, double, bool>; // amount (or -1), unit (or -1), mg, estimated

Key keyOf(const MineralAmount& a)
{
    return {a.amount ? roundSignificant(*a.amount) : -1.0, a.unit ? static_cast<int>(*a.unit) : -1,
            roundSignificant(a.mg), a.estimated};
}

struct Tally {
    int votes = 0;
    double confidence = 0;
    std::size_t first = 0;
};

// The winning key and its tally, or nullopt when there are no readings.
std::optional<std::pair<Key, Tally>> elect(const std::vector<MineralAmount>& readings)
{
    std::map<Key, Tally> tallies;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        auto [it, inserted] = tallies.try_emplace(keyOf(readings[i]));
        if (inserted)
            it->second.first = i;
        ++it->second.votes;
        it->second.confidence += readings[i].confidence.value_or(0.5);
    }
    std::optional<std::pair<Key, Tally>> best;
    for (const auto& [key, t] : tallies) {
        if (!best || t.votes > best->second.votes ||
            (t.votes == best->second.votes &&
             (t.confidence > best->second.confidence ||
              (t.confidence == best->second.confidence && t.first < best->second.first))))
            best = {key, t};
    }
    return best;
}

} // namespace

MineralVote::MineralVote(VoteOptions options) : options_(options) {}

void MineralVote::add(const std::array<std::optional<MineralAmount>, 4>& reading)
{
    ++frames_;
    for (Mineral m : kMinerals)
        if (const auto& r = reading[index(m)])
            readings_[index(m)].push_back(*r);
}

int MineralVote::readings(Mineral m) const { return static_cast<int>(readings_[index(m)].size()); }

int MineralVote::winnerVotes(Mineral m) const
{
    auto best = elect(readings_[index(m)]);
    return best ? best->second.votes : 0;
}

std::optional<MineralAmount> MineralVote::winner(Mineral m) const
{
    const auto& rs = readings_[index(m)];
    auto best = elect(rs);
    if (!best)
        return std::nullopt;
    MineralAmount out = rs[best->second.first];
    // %DV: the value most often read alongside the winning amount (absent %DV does not vote).
    std::map<double, int> dv;
    double confidenceSum = 0;
    for (const auto& r : rs) {
        if (keyOf(r) != best->first)
            continue;
        confidenceSum += r.confidence.value_or(0.5);
        if (r.dailyValuePct)
            ++dv[*r.dailyValuePct];
    }
    out.dailyValuePct.reset();
    int dvVotes = 0;
    for (const auto& [value, votes] : dv)
        if (votes > dvVotes) {
            out.dailyValuePct = value;
            dvVotes = votes;
        }
    const double agreement = static_cast<double>(best->second.votes) / static_cast<double>(rs.size());
    out.confidence = confidenceSum / best->second.votes * agreement;
    return out;
}

MineralState MineralVote::state(Mineral m) const
{
    if (auto w = winner(m))
        return w->mg > 0 ? MineralState::Present : MineralState::Missing;
    return frames_ >= options_.framesForMissing ? MineralState::Missing : MineralState::NotRead;
}

std::array<std::optional<MineralAmount>, 4> MineralVote::merged() const
{
    std::array<std::optional<MineralAmount>, 4> out;
    for (Mineral m : kMinerals)
        out[index(m)] = winner(m);
    return out;
}

} // namespace labelcheck::scan
