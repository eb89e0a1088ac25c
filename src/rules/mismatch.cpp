#include "labelcheck/rules/mismatch.hpp"

#include "labelcheck/rules/tolerance.hpp"

namespace labelcheck::rules {

std::vector<Mismatch> findMismatches(const LabelFindings& label, const ReferenceMinerals& reference)
{
    std::vector<Mismatch> out;
    if (!label.panelRead)
        return out;
    for (Mineral m : kMinerals) {
        const auto& l = label.minerals[index(m)];
        const auto& r = reference.mg[index(m)];
        if (!l && label.unreadable[index(m)])
            continue;
        // Absent on one side agrees with a value that FDA rounding declares as zero on the other.
        if (l && r) {
            if (!agrees(m, l->mg, *r, l->estimated, l->dailyValuePct))
                out.push_back(Mismatch{m, l->mg, *r});
        } else if (l && fdaRoundMg(m, l->mg) > 0) {
            out.push_back(Mismatch{m, l->mg, std::nullopt});
        } else if (r && fdaRoundMg(m, *r) > 0) {
            out.push_back(Mismatch{m, std::nullopt, *r});
        }
    }
    return out;
}

} // namespace labelcheck::rules
