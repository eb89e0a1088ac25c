#include "labelcheck/pipeline/verdict.hpp"

#include "labelcheck/rules/evaluate.hpp"

namespace labelcheck::pipeline {

double applyVerdict(CheckResult& r, const LabelReading& label, bool databaseConsulted, const db::Product* product)
{
    const facts::Facts* f = label.facts ? &*label.facts : nullptr;

    rules::LabelFindings findings;
    if (f) {
        findings.panelRead = facts::panelReadable(*f);
        findings.minerals = f->minerals;
        findings.unreadable = f->unreadable;
        findings.mentioned = f->mentioned;
        findings.electrolyteClaim = f->electrolyteClaim;
    }
    for (Mineral m : kMinerals)
        findings.mentioned[index(m)] = findings.mentioned[index(m)] || label.photoMentions[index(m)];
    findings.electrolyteClaim = findings.electrolyteClaim || label.photoClaimsElectrolytes;

    std::optional<rules::ReferenceMinerals> reference;
    if (product)
        reference = rules::ReferenceMinerals{product->mineralMg, product->electrolyteClaim};

    const rules::Evaluation evaluation = rules::evaluate(findings, reference, databaseConsulted);
    rules::applyEvaluation(evaluation, r);

    r.panel = f ? f->panel : std::nullopt;
    if (product)
        r.product = ProductInfo{product->name, product->brand, "database"};
    else
        r.product.reset();
    return evaluation.confidence;
}

} // namespace labelcheck::pipeline
