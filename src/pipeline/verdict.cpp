#include "labelcheck/pipeline/verdict.hpp"

#include <algorithm>
#include <cmath>

namespace labelcheck::pipeline {

namespace {

bool declared(const std::optional<MineralAmount>& m)
{
    return m && m->mg > 0;
}

bool differs(std::optional<double> labelMg, std::optional<double> dbMg)
{
    const bool onLabel = labelMg && *labelMg > 0, inDb = dbMg && *dbMg > 0;
    if (onLabel != inDb)
        return true;
    if (!onLabel)
        return false;
    const double diff = std::fabs(*labelMg - *dbMg);
    return diff > kMismatchMinMg && diff > kMismatchRelative * std::max(*labelMg, *dbMg);
}

} // namespace

void applyVerdict(CheckResult& r, const LabelReading& label, bool databaseConsulted, const db::Product* product)
{
    const facts::Facts* f = label.facts ? &*label.facts : nullptr;
    const bool panelRead = f != nullptr;

    r.panel = f ? f->panel : std::nullopt;
    if (f)
        r.minerals = f->minerals;

    if (product)
        r.product = ProductInfo{product->name, product->brand, "database"};
    else
        r.product.reset();

    r.electrolyteClaim =
        (f && f->electrolyteClaim) || label.photoClaimsElectrolytes || (product && product->electrolyteClaim);

    // Mismatches compare what the label says with the record, so only when the panel was read.
    if (databaseConsulted) {
        DatabaseInfo info;
        info.found = product != nullptr;
        if (product && panelRead) {
            for (Mineral m : kMinerals) {
                const auto& a = r.minerals[index(m)];
                std::optional<double> labelMg = a ? std::optional<double>(a->mg) : std::nullopt;
                if (differs(labelMg, product->mg(m)))
                    info.mismatches.push_back(Mismatch{m, labelMg, product->mg(m)});
            }
        }
        r.database = info;
    } else {
        r.database.reset();
    }

    // Without a readable panel, the database record answers (contract: unreadable only when neither).
    if (!panelRead && product) {
        for (Mineral m : kMinerals) {
            if (auto mg = product->mg(m)) {
                MineralAmount a;
                a.amount = *mg;
                a.unit = AmountUnit::Mg;
                a.mg = *mg;
                a.dailyValuePct = product->dv(m);
                r.minerals[index(m)] = a;
            }
        }
    }

    r.missing.clear();
    r.mentionedNotDeclared.clear();
    for (Mineral m : kMinerals) {
        if (declared(r.minerals[index(m)]))
            continue;
        r.missing.push_back(m);
        const bool mentioned = (f && f->mentioned[index(m)]) || label.photoMentions[index(m)];
        if (mentioned)
            r.mentionedNotDeclared.push_back(m);
    }

    if (!panelRead && !product)
        r.verdict = Verdict::Unreadable;
    else if (!r.electrolyteClaim)
        r.verdict = Verdict::NotElectrolyte;
    else
        r.verdict = r.missing.empty() ? Verdict::Complete : Verdict::Incomplete;
}

} // namespace labelcheck::pipeline
