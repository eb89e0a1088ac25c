#include "labelcheck/rules/evaluate.hpp"

#include "labelcheck/rules/mismatch.hpp"
#include "labelcheck/rules/missing.hpp"
#include "labelcheck/rules/verdict.hpp"

#include <algorithm>

namespace labelcheck::rules {

namespace {

MineralAmount fromRecord(double mg)
{
    MineralAmount a;
    a.amount = mg;
    a.unit = AmountUnit::Mg;
    a.mg = mg;
    return a;
}

} // namespace

Evaluation evaluate(const LabelFindings& label, const std::optional<ReferenceMinerals>& reference,
                    bool databaseConsulted)
{
    Evaluation ev;
    ev.electrolyteClaim = label.electrolyteClaim || (reference && reference->electrolyteClaim);
    std::array<bool, 4> uncertain{};

    if (label.panelRead) {
        ev.minerals = label.minerals;
        double conf = 1.0;
        for (Mineral m : kMinerals) {
            auto& v = ev.minerals[index(m)];
            if (v && v->confidence)
                conf = std::min(conf, static_cast<double>(*v->confidence));
            if (v || !label.unreadable[index(m)])
                continue;
            const auto r = reference ? reference->mg[index(m)] : std::nullopt;
            if (r && *r > 0)
                v = fromRecord(*r); // the row is there; the record says what it holds
            else if (!r)
                uncertain[index(m)] = true;
            // r == 0: the record confirms none; the mineral stays null and is missing.
        }
        for (Mineral m : kMinerals)
            if (uncertain[index(m)]) {
                ev.uncertain.push_back(m);
                // Declared but unreadable: reported as a mineral with unknown amount, never as missing.
                MineralAmount a;
                a.unreadable = true;
                a.confidence = 0.0;
                ev.minerals[index(m)] = a;
            }
        ev.confidence = ev.uncertain.empty() ? conf : std::min(conf, 0.5);
    } else if (reference) {
        ev.mineralsFromDatabase = true;
        for (Mineral m : kMinerals)
            if (const auto& r = reference->mg[index(m)])
                ev.minerals[index(m)] = fromRecord(*r);
        ev.confidence = 1.0;
    }

    ev.missing = missingMinerals(ev.minerals, uncertain);
    ev.mentionedNotDeclared = mentionedNotDeclared(ev.missing, label.mentioned, ev.minerals);
    // A panel whose every mineral row is unreadable (a Nutrition Facts read that lost its rows) says nothing
    // about the minerals: the verdict is the one of no panel, neither complete nor incomplete.
    const bool mineralsRead = label.panelRead && ev.uncertain.size() < kMinerals.size();
    ev.verdict = decideVerdict(mineralsRead, reference.has_value(), ev.electrolyteClaim, !ev.missing.empty());
    if (ev.verdict == Verdict::Unreadable)
        ev.confidence = 0;
    if (databaseConsulted) {
        DatabaseInfo db;
        db.found = reference.has_value();
        if (reference)
            db.mismatches = findMismatches(label, *reference);
        ev.database = db;
    }
    return ev;
}

void applyEvaluation(const Evaluation& ev, CheckResult& result)
{
    result.electrolyteClaim = ev.electrolyteClaim;
    result.minerals = ev.minerals;
    result.missing = ev.missing;
    result.mentionedNotDeclared = ev.mentionedNotDeclared;
    result.verdict = ev.verdict;
    result.database = ev.database;
}

} // namespace labelcheck::rules
