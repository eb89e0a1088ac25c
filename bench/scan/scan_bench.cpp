// scan_bench: the live scanner over a recorded 1280x720 video, paced at the video's frame rate like a camera.
// Prints the display frame rate while OCR runs (target >= 25 fps) and the time from the label being held
// steady to the first verdict (target < 3 s).
//   scan_bench [--video FILE --steady-frame N] [--db FILE] [--window]
// Without --video it generates the makevideo scene (two products, pan in, steady, turn, blur) in /tmp.

#include "labelcheck/scan/pipeline_analyzer.hpp"
#include "labelcheck/scan/session.hpp"
#include "labelcheck/scan/source.hpp"
#include "scene.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

using namespace labelcheck;

int main(int argc, char** argv)
{
    CLI::App app{"scan_bench: display frame rate and time to first verdict of labelcheck scan"};
    std::string video, database;
    int steadyFrame = -1;
    bool window = false;
    app.add_option("--video", video, "recorded video (1280x720)");
    app.add_option("--steady-frame", steadyFrame, "first frame in which the label is held steady (with --video)");
    app.add_option("--db", database, "product database");
    app.add_flag("--window", window, "show the window (needs a display) instead of drawing offscreen");
    CLI11_PARSE(app, argc, argv);

    double fps = 30;
    if (video.empty()) {
        tools::SceneOptions so;
        so.secondsPerProduct = 5;
        std::vector<cv::Mat> labels = {
            tools::renderLabel({"Citrus Hydration", "2000000000015", true,
                                {{"Sodium", "200mg", "9%"}, {"Potassium", "99mg", "2%"}, {"Magnesium", "60mg", "14%"}}}),
            tools::renderLabel({"Berry Electrolytes", "2000000000022", true,
                                {{"Sodium", "500mg", "22%"}, {"Potassium", "200mg", "4%"}, {"Calcium", "20mg", "2%"},
                                 {"Magnesium", "50mg", "12%"}}}),
        };
        tools::Scene scene(labels, so);
        video = (std::filesystem::temp_directory_path() / "labelcheck-scan-bench.avi").string();
        std::fprintf(stderr, "scan_bench: writing %d frames to %s\n", scene.frameCount(), video.c_str());
        if (!tools::writeVideo(scene, video)) {
            std::fprintf(stderr, "scan_bench: cannot write %s\n", video.c_str());
            return 3;
        }
        steadyFrame = scene.steadyRange(0).first;
        fps = so.fps;
    }
    auto source = scan::VideoSource::open({0, video});
    if (!source) {
        std::fprintf(stderr, "scan_bench: %s\n", source.error().message.c_str());
        return 3;
    }
    if ((*source)->fps() > 0)
        fps = (*source)->fps();
    scan::PipelineAnalyzerOptions ao;
    if (!database.empty())
        ao.databasePath = database;
    auto analyzer = scan::PipelineAnalyzer::create(ao);
    if (!analyzer) {
        std::fprintf(stderr, "scan_bench: %s\n", analyzer.error().message.c_str());
        return 3;
    }
    scan::SessionOptions so;
    so.display = window ? scan::Display::Window : scan::Display::Offscreen;
    std::vector<std::string> products;
    auto summary = scan::runSession(std::move(*source), **analyzer, so, [&](const scan::ScanEvent& e) {
        products.push_back((e.result.barcode ? e.result.barcode->gtin14 : std::string("-")) + " " +
                           std::string(verdictName(e.result.verdict)));
    });
    if (!summary) {
        std::fprintf(stderr, "scan_bench: %s\n", summary.error().message.c_str());
        return 3;
    }
    const auto& s = *summary;
    std::printf("video            %s (%.0f fps source)\n", video.c_str(), fps);
    std::printf("frames           captured %lld, drawn %lld, processed %lld\n", static_cast<long long>(s.framesCaptured),
                static_cast<long long>(s.framesDisplayed), static_cast<long long>(s.framesProcessed));
    std::printf("display fps      %.1f (target >= 25, source %.0f)\n", s.displayFps, fps);
    std::printf("barcode          %lld reads, %.1f ms mean\n", static_cast<long long>(s.scanner.barcodeReads),
                s.scanner.barcodeMsMean);
    std::printf("ocr              %lld runs (%lld with a panel), %.0f ms mean\n", static_cast<long long>(s.scanner.ocrRuns),
                static_cast<long long>(s.scanner.panelFrames), s.scanner.ocrMsMean);
    for (std::size_t i = 0; i < products.size(); ++i)
        std::printf("product %zu        %s at frame %lld, %.2f s\n", i + 1, products[i].c_str(),
                    static_cast<long long>(s.eventFrames[i]), s.eventSeconds[i]);
    if (!s.eventSeconds.empty() && steadyFrame >= 0)
        std::printf("first verdict    %.2f s after the label was steady (frame %d; target < 3 s)\n",
                    s.eventSeconds[0] - steadyFrame / fps, steadyFrame);
    else
        std::printf("first verdict    none\n");
    return 0;
}
