#include "labelcheck/scan/overlay.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace labelcheck;
using scan::MineralState;
using scan::OverlayColors;
using scan::OverlayState;

namespace {

image::Image uniform(int w, int h, std::uint8_t b, std::uint8_t g, std::uint8_t r)
{
    image::Image img;
    img.width = w;
    img.height = h;
    img.channels = 3;
    img.pixels.resize(static_cast<std::size_t>(w) * h * 3);
    for (std::size_t i = 0; i < img.pixels.size(); i += 3) {
        img.pixels[i] = b;
        img.pixels[i + 1] = g;
        img.pixels[i + 2] = r;
    }
    return img;
}

std::array<int, 3> at(const image::Image& img, int x, int y)
{
    const auto* p = img.row(y) + static_cast<std::size_t>(x) * 3;
    return {p[0], p[1], p[2]};
}

bool near(const std::array<int, 3>& a, const std::array<int, 3>& b, int tolerance = 12)
{
    for (int i = 0; i < 3; ++i)
        if (std::abs(a[static_cast<std::size_t>(i)] - b[static_cast<std::size_t>(i)]) > tolerance)
            return false;
    return true;
}

OverlayState fullState()
{
    OverlayState s;
    s.barcodeOutline = scan::Quad{{{700, 300}, {900, 300}, {900, 400}, {700, 400}}};
    s.gtin = "00012345678905";
    s.panelOutline = scan::Quad{{{200, 350}, {600, 350}, {600, 640}, {200, 640}}};
    s.minerals[index(Mineral::Sodium)] = {MineralState::Present, "200 mg"};
    s.minerals[index(Mineral::Potassium)] = {MineralState::Present, "99 mg"};
    s.minerals[index(Mineral::Calcium)] = {MineralState::Missing, ""};
    s.minerals[index(Mineral::Magnesium)] = {MineralState::NotRead, ""};
    s.productName = "Citrus Electrolyte Drink Mix";
    s.verdict = Verdict::Incomplete;
    s.fps = 29.97;
    return s;
}

} // namespace

TEST_SUITE("scan")
{
    TEST_CASE("overlay is pure: same input, same pixels; the input is untouched")
    {
        const auto frame = uniform(1280, 720, 90, 120, 150);
        const auto before = frame.pixels;
        const auto a = scan::drawOverlay(frame, fullState());
        const auto b = scan::drawOverlay(frame, fullState());
        CHECK(a.width == 1280);
        CHECK(a.height == 720);
        CHECK(a.channels == 3);
        CHECK(a.pixels == b.pixels);
        CHECK(frame.pixels == before);
        CHECK(a.pixels != frame.pixels);
    }

    TEST_CASE("mineral swatches are green, red and grey by state")
    {
        const auto frame = uniform(1280, 720, 255, 255, 255);
        const auto out = scan::drawOverlay(frame, fullState());
        const auto layout = scan::overlayLayout(1280, 720);
        const auto centre = [&](Mineral m) {
            const auto& r = layout.swatches[index(m)];
            return at(out, r.x + r.width / 2, r.y + r.height / 2);
        };
        CHECK(near(centre(Mineral::Sodium), OverlayColors::kPresent, 0));
        CHECK(near(centre(Mineral::Potassium), OverlayColors::kPresent, 0));
        CHECK(near(centre(Mineral::Calcium), OverlayColors::kMissing, 0));
        CHECK(near(centre(Mineral::Magnesium), OverlayColors::kNotRead, 0));
    }

    TEST_CASE("verdict banner has the verdict's colour, and is absent without a verdict")
    {
        const auto frame = uniform(1280, 720, 255, 255, 255);
        const auto layout = scan::overlayLayout(1280, 720);
        const int y = layout.banner.y + layout.banner.height / 2;
        for (Verdict v : {Verdict::Complete, Verdict::Incomplete, Verdict::NotElectrolyte, Verdict::Unreadable}) {
            auto s = fullState();
            s.verdict = v;
            CHECK(near(at(scan::drawOverlay(frame, s), 4, y), scan::verdictColor(v), 0));
        }
        auto s = fullState();
        s.verdict.reset();
        CHECK(near(at(scan::drawOverlay(frame, s), 4, y), {255, 255, 255}, 0));
    }

    TEST_CASE("barcode and panel outlines are drawn where the state puts them")
    {
        const auto frame = uniform(1280, 720, 255, 255, 255);
        const auto out = scan::drawOverlay(frame, fullState());
        CHECK(near(at(out, 800, 300), OverlayColors::kBarcode, 30)); // top edge of the barcode
        CHECK(near(at(out, 600, 500), OverlayColors::kPanel, 30));   // right edge of the panel
        CHECK(near(at(out, 800, 350), {255, 255, 255}, 0));          // inside the barcode: untouched
        auto s = fullState();
        s.barcodeOutline.reset();
        s.panelOutline.reset();
        const auto bare = scan::drawOverlay(frame, s);
        CHECK(near(at(bare, 800, 300), {255, 255, 255}, 0));
        CHECK(near(at(bare, 600, 500), {255, 255, 255}, 0));
    }

    TEST_CASE("a flat 1D barcode position grows over the bars in the frame")
    {
        // Bars from y = 300 to y = 460, x = 700..900; ZXing-like flat position along y = 310.
        auto frame = uniform(1280, 720, 255, 255, 255);
        for (int y = 300; y < 460; ++y)
            for (int x = 700; x < 900; ++x)
                if ((x / 5) % 2 == 0)
                    for (int c = 0; c < 3; ++c)
                        frame.pixels[(static_cast<std::size_t>(y) * 1280 + x) * 3 + c] = 0;
        auto s = fullState();
        s.barcodeOutline = scan::Quad{{{700, 310}, {900, 310}, {900, 311}, {700, 311}}};
        s.gtin.clear(); // no GTIN caption under the outline
        const auto out = scan::drawOverlay(frame, s);
        const auto hits = [&](int x, int y0, int y1) {
            for (int y = y0; y < y1; ++y)
                if (near(at(out, x, y), OverlayColors::kBarcode, 40))
                    return true;
            return false;
        };
        CHECK(hits(698, 330, 440)); // left side spans the bars
        CHECK(hits(800, 285, 305)); // top edge near the bars' top
        CHECK(hits(803, 452, 475)); // bottom edge near the bars' bottom
        CHECK_FALSE(hits(800, 480, 560)); // not beyond
    }

    TEST_CASE("info box darkens the video under it")
    {
        const auto frame = uniform(1280, 720, 200, 200, 200);
        const auto out = scan::drawOverlay(frame, OverlayState{});
        const auto layout = scan::overlayLayout(1280, 720);
        const auto p = at(out, layout.infoBox.x + layout.infoBox.width - 3, layout.infoBox.y + layout.infoBox.height - 3);
        CHECK(p[0] == 70);
        CHECK(near(at(out, 1270, 700), {200, 200, 200}, 0));
    }

    TEST_CASE("grey and small frames work; empty frames give empty images")
    {
        image::Image grey;
        grey.width = 320;
        grey.height = 180;
        grey.channels = 1;
        grey.pixels.assign(320 * 180, 128);
        const auto out = scan::drawOverlay(grey, fullState());
        CHECK(out.channels == 3);
        CHECK(out.width == 320);
        CHECK(scan::drawOverlay(image::Image{}, fullState()).empty());
    }
}
