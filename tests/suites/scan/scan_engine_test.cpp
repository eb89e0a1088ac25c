// The scan engine over a generated video (pan, zoom, rotation, motion blur, frames without a label, a second
// product after the first), with a stand-in analyzer: checks that each product is reported once, in order,
// with its own GTIN, and nothing else; and that the run is reproducible.

#include "labelcheck/image/opencv.hpp"
#include "labelcheck/scan/scanner.hpp"
#include "scene.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;

namespace {

// Reads a fixed panel (all four minerals) from every frame; judges from the merged minerals.
class FixedAnalyzer : public scan::Analyzer {
  public:
    int panelCalls = 0;
    std::optional<scan::PanelReading> readPanel(const image::Image&) override
    {
        ++panelCalls;
        scan::PanelReading r;
        r.type = PanelType::SupplementFacts;
        for (Mineral m : kMinerals) {
            MineralAmount a;
            a.amount = 100.0 + static_cast<double>(index(m));
            a.unit = AmountUnit::Mg;
            a.mg = *a.amount;
            r.minerals[index(m)] = a;
        }
        r.electrolyteClaim = true;
        return r;
    }
    CheckResult judge(const std::optional<barcode::Barcode>& code, const scan::MergedPanel& panel) override
    {
        CheckResult r;
        r.ok = true;
        if (code)
            r.barcode = BarcodeInfo{code->text, code->format, code->gtin14};
        r.minerals = panel.minerals;
        for (Mineral m : kMinerals)
            if (!r.minerals[index(m)])
                r.missing.push_back(m);
        r.electrolyteClaim = panel.electrolyteClaim;
        r.verdict =
            panel.frames == 0 ? Verdict::Unreadable : (r.missing.empty() ? Verdict::Complete : Verdict::Incomplete);
        return r;
    }
};

tools::Scene makeScene()
{
    std::vector<cv::Mat> labels = {
        tools::renderLabel({"Citrus Hydration", "2000000000015", true, {{"Sodium", "200mg", "9%"}}}),
        tools::renderLabel({"Berry Electrolytes", "2000000000022", true, {{"Sodium", "500mg", "22%"}}}),
    };
    tools::SceneOptions o;
    o.width = 960;
    o.height = 540;
    o.fps = 15;
    o.secondsPerProduct = 4;
    o.gapSeconds = 0.6;
    return tools::Scene(std::move(labels), o);
}

std::vector<scan::ScanEvent> scanScene(const tools::Scene& scene, FixedAnalyzer& analyzer)
{
    scan::ScannerOptions o;
    o.synchronousOcr = true;
    o.ocrEvery = 4;
    scan::Scanner scanner(analyzer, o);
    std::vector<scan::ScanEvent> events;
    for (int i = 0; i < scene.frameCount(); ++i) {
        scan::Frame f{i, image::fromMat(scene.render(i))};
        for (auto& e : scanner.process(f))
            events.push_back(std::move(e));
    }
    for (auto& e : scanner.finish())
        events.push_back(std::move(e));
    return events;
}

} // namespace

TEST_SUITE("scan")
{
    TEST_CASE("each product of the generated video is reported once, in order, and nothing else")
    {
        const auto scene = makeScene();
        FixedAnalyzer analyzer;
        const auto events = scanScene(scene, analyzer);
        REQUIRE(events.size() == 2);
        REQUIRE(events[0].result.barcode);
        REQUIRE(events[1].result.barcode);
        CHECK(events[0].result.barcode->gtin14 == "02000000000015");
        CHECK(events[1].result.barcode->gtin14 == "02000000000022");
        for (std::size_t p = 0; p < 2; ++p) {
            // Reported while its label was in view, after it appeared.
            int first = -1, last = -1;
            for (int f = 0; f < scene.frameCount(); ++f)
                if (auto pl = scene.placement(f); pl && pl->product == static_cast<int>(p)) {
                    first = first < 0 ? f : first;
                    last = f;
                }
            CHECK(events[p].frame >= first);
            CHECK(events[p].frame <= last);
            CHECK(events[p].result.verdict == Verdict::Complete);
        }
        // OCR ran on a fraction of the frames, not on all of them.
        CHECK(analyzer.panelCalls > 0);
        CHECK(analyzer.panelCalls < scene.frameCount() / 2);
    }

    TEST_CASE("the same video gives the same events")
    {
        const auto scene = makeScene();
        FixedAnalyzer a, b;
        const auto first = scanScene(scene, a);
        const auto second = scanScene(scene, b);
        REQUIRE(first.size() == second.size());
        for (std::size_t i = 0; i < first.size(); ++i)
            CHECK(first[i].frame == second[i].frame);
    }
}
