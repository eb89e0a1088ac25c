// The `s` key's snapshot: frame, annotated frame and result JSON in the save folder.
#include "labelcheck/image/opencv.hpp"
#include "labelcheck/scan/session.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace labelcheck;

namespace {

fs::path freshDir(const std::string& name)
{
    fs::path d = fs::temp_directory_path() / ("labelcheck-snapshot-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    return d;
}

std::string slurp(const fs::path& p)
{
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_SUITE("scan")
{
    TEST_CASE("s saves the frame, its annotated copy and the result JSON into a new folder")
    {
        const fs::path dir = freshDir("ok") / "nested";
        scan::Frame frame{42, image::fromMat(cv::Mat(48, 64, CV_8UC3, cv::Scalar(10, 200, 30)))};
        const image::Image annotated = image::fromMat(cv::Mat(48, 64, CV_8UC3, cv::Scalar(0, 0, 255)));
        scan::ScanEvent event;
        event.frame = 42;
        event.result.verdict = Verdict::Incomplete;
        const auto format = [](const scan::ScanEvent& e) { return "{\"frame\":" + std::to_string(e.frame) + "}"; };

        REQUIRE(scan::saveSnapshot(dir, frame, annotated, event, format).ok());
        fs::path jpg, annotatedJpg, json;
        for (const auto& e : fs::directory_iterator(dir)) {
            const std::string n = e.path().filename().string();
            CHECK(n.rfind("scan-", 0) == 0);
            if (n.size() > 14 && n.substr(n.size() - 14) == "-annotated.jpg")
                annotatedJpg = e.path();
            else if (e.path().extension() == ".jpg")
                jpg = e.path();
            else if (e.path().extension() == ".json")
                json = e.path();
        }
        REQUIRE_FALSE(jpg.empty());
        REQUIRE_FALSE(annotatedJpg.empty());
        REQUIRE_FALSE(json.empty());
        CHECK(jpg.filename().string().find("-f42") != std::string::npos);
        const cv::Mat saved = cv::imread(jpg.string()), savedAnnotated = cv::imread(annotatedJpg.string());
        REQUIRE(saved.size() == cv::Size(64, 48));
        CHECK(saved.at<cv::Vec3b>(20, 20)[1] > 150);          // the frame (green)...
        CHECK(savedAnnotated.at<cv::Vec3b>(20, 20)[2] > 150); // ...and its annotated copy (red)
        CHECK(slurp(json) == "{\"frame\":42}\n");
        fs::remove_all(dir.parent_path());
    }

    TEST_CASE("before any result the JSON is null; an unwritable folder is an Io error")
    {
        const fs::path dir = freshDir("null");
        scan::Frame frame{1, image::fromMat(cv::Mat(8, 8, CV_8UC3, cv::Scalar::all(128)))};
        REQUIRE(scan::saveSnapshot(dir, frame, frame.image, std::nullopt, {}).ok());
        bool sawNull = false;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".json")
                sawNull = slurp(e.path()) == "null\n";
        CHECK(sawNull);

        const fs::path blocker = dir / "a-file";
        std::ofstream(blocker) << "x";
        const auto st = scan::saveSnapshot(blocker / "sub", frame, frame.image, std::nullopt, {});
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().code == ErrorCode::Io);
        fs::remove_all(dir);
    }
}
