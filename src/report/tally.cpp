#include "labelcheck/report/tally.hpp"

#include <fmt/format.h>

namespace labelcheck::report {

void Tally::add(const CheckResult& r)
{
    ++total;
    if (!r.ok) {
        ++failed;
        return;
    }
    switch (r.verdict) {
    case Verdict::Complete:
        ++complete;
        break;
    case Verdict::Incomplete:
        ++incomplete;
        break;
    case Verdict::NotElectrolyte:
        ++notElectrolyte;
        break;
    case Verdict::Unreadable:
        ++unreadable;
        break;
    }
}

std::string summaryText(const Tally& t)
{
    return fmt::format("{} image{}: {} complete, {} incomplete, {} not electrolyte, {} unreadable, {} failed", t.total,
                       t.total == 1 ? "" : "s", t.complete, t.incomplete, t.notElectrolyte, t.unreadable, t.failed);
}

} // namespace labelcheck::report
