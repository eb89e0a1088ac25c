#include "labelcheck/image/load.hpp"
#include "labelcheck/image/opencv.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <string>
#include <vector>

using namespace labelcheck;
using Bytes = std::vector<std::uint8_t>;

namespace {

// A 64x32 test picture: left half black, right half white, so orientation is visible.
cv::Mat halves()
{
    cv::Mat m(32, 64, CV_8UC3, cv::Scalar(255, 255, 255));
    m(cv::Rect(0, 0, 32, 32)).setTo(cv::Scalar(0, 0, 0));
    return m;
}

Bytes encode(const cv::Mat& m, const std::string& ext)
{
    Bytes out;
    REQUIRE(cv::imencode(ext, m, out));
    return out;
}

// Inserts an APP1 EXIF segment with the given orientation right after SOI.
Bytes withExifOrientation(const Bytes& jpeg, std::uint16_t orientation)
{
    // "Exif\0\0" + little-endian TIFF header + IFD0 with one entry (0x0112 SHORT 1 value).
    Bytes tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
                  static_cast<std::uint8_t>(orientation), 0, 0, 0, 0, 0, 0, 0};
    Bytes app1 = {0xFF, 0xE1};
    std::size_t len = 2 + 6 + tiff.size();
    app1.push_back(static_cast<std::uint8_t>(len >> 8));
    app1.push_back(static_cast<std::uint8_t>(len & 0xFF));
    for (char c : std::string("Exif\0\0", 6))
        app1.push_back(static_cast<std::uint8_t>(c));
    app1.insert(app1.end(), tiff.begin(), tiff.end());
    Bytes out(jpeg.begin(), jpeg.begin() + 2);
    out.insert(out.end(), app1.begin(), app1.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

} // namespace

TEST_SUITE("image") {

TEST_CASE("sniffHeader knows each supported format and its stated size")
{
    const cv::Mat m = halves();
    for (auto [ext, format] : {std::pair{".jpg", image::FileFormat::Jpeg}, {".png", image::FileFormat::Png},
                               {".webp", image::FileFormat::WebP}, {".tiff", image::FileFormat::Tiff},
                               {".bmp", image::FileFormat::Bmp}}) {
        CAPTURE(ext);
        auto h = image::sniffHeader(encode(m, ext));
        REQUIRE(h);
        CHECK(h->format == format);
        REQUIRE(h->width);
        CHECK(*h->width == 64);
        CHECK(*h->height == 32);
    }
    const std::string text = "Sodium 250 mg\n";
    CHECK_FALSE(image::sniffHeader(Bytes(text.begin(), text.end())));
}

TEST_CASE("every supported format decodes to BGR")
{
    for (const char* ext : {".jpg", ".png", ".webp", ".tiff", ".bmp"}) {
        CAPTURE(ext);
        auto img = image::decodeImage(encode(halves(), ext));
        REQUIRE(img);
        CHECK(img->width == 64);
        CHECK(img->height == 32);
        CHECK(img->channels == 3);
    }
}

TEST_CASE("EXIF orientation is applied")
{
    const Bytes rotated = withExifOrientation(encode(halves(), ".jpg"), 6); // 90 degrees clockwise
    auto img = image::decodeImage(rotated);
    REQUIRE(img);
    CHECK(img->width == 32);
    CHECK(img->height == 64);
    const cv::Mat m = image::asMat(*img);
    // The black left half is now on top.
    CHECK(m.at<cv::Vec3b>(8, 16)[0] < 64);
    CHECK(m.at<cv::Vec3b>(56, 16)[0] > 192);
}

TEST_CASE("a decompression bomb is refused from its header, before decoding")
{
    // A PNG signature and IHDR that claim 100000 x 100000 pixels, with no image data at all.
    Bytes png = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                 0x00, 0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0, 8, 2, 0, 0, 0, 0, 0, 0, 0};
    auto img = image::decodeImage(png);
    REQUIRE_FALSE(img);
    CHECK(img.error().code == ErrorCode::TooLarge);
    CHECK(img.error().message.find("100000x100000") != std::string::npos);
}

TEST_CASE("bad data gets a one-line error")
{
    SUBCASE("empty") { CHECK(image::decodeImage(Bytes{}).error().code == ErrorCode::Corrupt); }
    SUBCASE("text named like an image")
    {
        const std::string text = "not an image";
        CHECK(image::decodeImage(Bytes(text.begin(), text.end())).error().code == ErrorCode::Unsupported);
    }
    SUBCASE("truncated JPEG")
    {
        Bytes jpeg = encode(halves(), ".jpg");
        jpeg.resize(jpeg.size() * 2 / 3);
        auto img = image::decodeImage(jpeg);
        REQUIRE_FALSE(img);
        CHECK(img.error().message.find("truncated") != std::string::npos);
    }
    SUBCASE("a JPEG whose EXIF thumbnail ends cleanly but whose main image is cut")
    {
        Bytes thumb = encode(halves(), ".jpg"); // complete, ends with FFD9
        Bytes main = encode(halves(), ".jpg");
        main.resize(main.size() - 40);
        Bytes app1 = {0xFF, 0xE1, static_cast<std::uint8_t>((thumb.size() + 2) >> 8),
                      static_cast<std::uint8_t>((thumb.size() + 2) & 0xFF)};
        app1.insert(app1.end(), thumb.begin(), thumb.end());
        main.insert(main.begin() + 2, app1.begin(), app1.end());
        CHECK_FALSE(image::decodeImage(main));
    }
    SUBCASE("one pixel")
    {
        auto img = image::decodeImage(encode(cv::Mat(1, 1, CV_8UC3, cv::Scalar(1, 2, 3)), ".png"));
        REQUIRE_FALSE(img);
        CHECK(img.error().message.find("1x1") != std::string::npos);
    }
    SUBCASE("missing file") { CHECK(image::loadImage("/nonexistent/photo.jpg").error().code == ErrorCode::NotFound); }
}

TEST_CASE("image extensions are recognised case-insensitively")
{
    CHECK(image::hasImageExtension("a/b/photo.JPG"));
    CHECK(image::hasImageExtension("x.webp"));
    CHECK(image::hasImageExtension("x.TIFF"));
    CHECK_FALSE(image::hasImageExtension("notes.txt"));
    CHECK_FALSE(image::hasImageExtension("jpg"));
}

}
