#include "labelcheck/scan/pipeline_analyzer.hpp"

#include "labelcheck/db/database.hpp"
#include "labelcheck/facts/electrolyte_claim.hpp"
#include "labelcheck/facts/facts.hpp"
#include "labelcheck/image/rectify.hpp"
#include "labelcheck/ocr/engine.hpp"
#include "labelcheck/ocr/photo_text.hpp"
#include "labelcheck/panel/finder.hpp"
#include "labelcheck/rules/evaluate.hpp"

#include <algorithm>
#include <cmath>

namespace labelcheck::scan {

struct PipelineAnalyzer::Impl {
    PipelineAnalyzerOptions options;
    ocr::Engine engine;
    std::optional<db::Database> database;
};

PipelineAnalyzer::PipelineAnalyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PipelineAnalyzer::~PipelineAnalyzer() = default;

Expected<std::unique_ptr<PipelineAnalyzer>> PipelineAnalyzer::create(const PipelineAnalyzerOptions& options)
{
    auto engine = ocr::Engine::create();
    if (!engine)
        return engine.error();
    std::optional<db::Database> database;
    if (options.databasePath) {
        db::OpenOptions o;
        o.readOnly = true;
        auto opened = db::Database::open(*options.databasePath, o);
        if (!opened)
            return opened.error();
        database.emplace(std::move(*opened));
    }
    auto impl = std::unique_ptr<Impl>(new Impl{options, std::move(*engine), std::move(database)});
    return std::unique_ptr<PipelineAnalyzer>(new PipelineAnalyzer(std::move(impl)));
}

std::optional<PanelReading> PipelineAnalyzer::readPanel(const image::Image& frame)
{
    auto& d = *impl_;
    panel::FindOptions fo;
    fo.workingLongSide = d.options.panelLongSide;
    const auto found = panel::findPanel(frame, fo);
    if (!found)
        return std::nullopt;
    auto rectified = image::rectifyPanel(frame, found->corners);
    if (!rectified)
        return std::nullopt;
    ocr::RecognizeOptions ro;
    ro.deadlineMs = d.options.deterministic ? 0 : d.options.ocrDeadlineMs;
    auto lines = d.engine.recognize(rectified->image, ro);
    if (!lines)
        return std::nullopt;
    const facts::Facts f = facts::parseFacts(*lines);
    const bool anyMineral = std::any_of(f.minerals.begin(), f.minerals.end(), [](const auto& m) { return m.has_value(); });
    if (!f.panel && !anyMineral)
        return std::nullopt; // panel-like structure, but not a facts panel as far as OCR can tell

    PanelReading r;
    for (std::size_t i = 0; i < 4; ++i)
        r.outline[i] = {static_cast<int>(std::lround(found->corners[i].x)),
                        static_cast<int>(std::lround(found->corners[i].y))};
    r.type = f.panel;
    r.minerals = f.minerals;
    r.electrolyteClaim = f.electrolyteClaim;
    for (Mineral m : kMinerals)
        if (f.mentioned[index(m)] && !f.minerals[index(m)])
            r.mentionedNotDeclared.push_back(m);
    if (d.options.readPhotoText && !r.electrolyteClaim) {
        ocr::PhotoTextOptions po;
        po.longSide = 900;
        po.deadlineMs = d.options.deterministic ? 0 : d.options.photoTextDeadlineMs;
        po.panel = found->corners;
        if (auto text = ocr::readPhotoText(d.engine, frame, po))
            r.electrolyteClaim = facts::claimsElectrolytes(*text);
    }
    return r;
}

CheckResult PipelineAnalyzer::judge(const std::optional<barcode::Barcode>& code, const MergedPanel& panel)
{
    auto& d = *impl_;
    CheckResult r;
    r.ok = true;
    if (code)
        r.barcode = BarcodeInfo{code->text, code->format, code->gtin14};
    r.panel = panel.frames > 0 ? panel.type : std::nullopt;

    rules::LabelFindings label;
    label.panelRead = panel.frames > 0 && panel.type.has_value();
    label.minerals = panel.minerals;
    for (Mineral m : panel.mentionedNotDeclared)
        label.mentioned[index(m)] = true;
    label.electrolyteClaim = panel.electrolyteClaim;

    std::optional<rules::ReferenceMinerals> reference;
    if (d.database && code)
        if (auto found = d.database->findByGtin(code->gtin14); found && *found) {
            const db::Product& p = **found;
            r.product = ProductInfo{p.name, p.brand, "database"};
            reference = rules::ReferenceMinerals{p.mineralMg, p.electrolyteClaim};
        }
    rules::applyEvaluation(rules::evaluate(label, reference, d.database.has_value()), r);
    return r;
}

} // namespace labelcheck::scan
