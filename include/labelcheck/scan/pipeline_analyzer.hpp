#pragma once
// The scanner's Analyzer over the `check` modules: panel finder, rectifier, Tesseract, facts parser, the
// product database and the electrolyte rules (the same verdict as `check`). Built into labelcheck::scan when those modules are part of the build.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/scan/analyzer.hpp"

#include <filesystem>
#include <memory>
#include <optional>

namespace labelcheck::scan {

struct PipelineAnalyzerOptions {
    // The product database (opened read-only on the judging thread). nullopt: none; results then have
    // `database: null` and products come from the label only.
    std::optional<std::filesystem::path> databasePath;
    int panelLongSide = 1000;  // the frame is searched for the panel at this size (long side, pixels)
    int ocrDeadlineMs = 2500;  // Tesseract stops after this long on one panel
    bool readPhotoText = true; // also read the text around the panel for an electrolyte claim
    int photoTextDeadlineMs = 600;
    // No OCR deadlines, so that a recording gives the same result however busy the machine is.
    bool deterministic = false;
};

class PipelineAnalyzer final : public Analyzer {
public:
    // Loads the OCR model and opens the database. Errors: what ocr::Engine::create or db::Database::open
    // return (NotFound for missing Tesseract data or database file, Corrupt, Unsupported, Io).
    static Expected<std::unique_ptr<PipelineAnalyzer>> create(const PipelineAnalyzerOptions& options);
    ~PipelineAnalyzer() override;

    std::optional<PanelReading> readPanel(const image::Image& frame) override;
    CheckResult judge(const std::optional<barcode::Barcode>& barcode, const MergedPanel& panel) override;

private:
    struct Impl;
    explicit PipelineAnalyzer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace labelcheck::scan
