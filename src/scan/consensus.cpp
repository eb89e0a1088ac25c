#include "labelcheck/scan/consensus.hpp"

#include <algorithm>
#include <cassert>

namespace labelcheck::scan {

BarcodeConsensus::BarcodeConsensus(ConsensusOptions options) : options_(options)
{
    assert(options_.window >= 1 && options_.minAgreeing >= 1 && options_.minAgreeing <= options_.window);
}

std::optional<Confirmation> BarcodeConsensus::add(std::int64_t frame, const std::optional<barcode::Barcode>& read)
{
    assert(recent_.empty() || frame > recent_.back().frame);
    recent_.push_back({frame, read ? std::optional(read->gtin14) : std::nullopt});
    while (static_cast<int>(recent_.size()) > options_.window ||
           (!recent_.empty() && frame - recent_.front().frame > options_.maxAgeFrames))
        recent_.pop_front();

    if (!read)
        return std::nullopt;
    if (confirmedGtin_ && *confirmedGtin_ == read->gtin14) {
        lastRead_ = read;
        lastReadFrame_ = frame;
        return std::nullopt;
    }
    const auto agreeing = std::count_if(recent_.begin(), recent_.end(),
                                        [&](const Entry& e) { return e.gtin14 && *e.gtin14 == read->gtin14; });
    if (agreeing < options_.minAgreeing)
        return std::nullopt;
    confirmedGtin_ = read->gtin14;
    lastRead_ = read;
    lastReadFrame_ = frame;
    return Confirmation{frame, *read};
}

void BarcodeConsensus::reset()
{
    recent_.clear();
    confirmedGtin_.reset();
    lastRead_.reset();
    lastReadFrame_.reset();
}

} // namespace labelcheck::scan
