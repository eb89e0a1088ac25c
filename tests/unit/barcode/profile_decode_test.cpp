// The template-matching decoder on synthetic profiles: symbols rendered at 1.6-3.5 pixels per module,
// blurred until bars of one module are grey, with noise, perspective and either direction; and profiles
// that hold no symbol, or a damaged one, which must read nothing rather than another code.

#include "barcode_render.hpp"
#include "profile_decode.hpp"

#include <doctest/doctest.h>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

using labelcheck::barcode::detail::decodeProfile;
using namespace labelcheck::barcode::testing;

namespace {

// The symbol's modules (1 = bar), as ZXing's writer lays them out.
std::vector<int> modulesOf(const Code& c)
{
    using ZXing::BarcodeFormat;
    const BarcodeFormat f = c.symbology == Symbology::Ean13  ? BarcodeFormat::EAN13
                            : c.symbology == Symbology::Ean8 ? BarcodeFormat::EAN8
                            : c.symbology == Symbology::UpcA ? BarcodeFormat::UPCA
                                                             : BarcodeFormat::UPCE;
    const ZXing::BitMatrix bits = ZXing::MultiFormatWriter(f).setMargin(0).encode(c.text, 0, 0);
    std::vector<int> m;
    for (int x = 0; x < bits.width(); ++x)
        m.push_back(bits.get(x, 0) ? 1 : 0);
    return m;
}

struct Render {
    double modulePx = 2.5;
    double blurModules = 0.6; // Gaussian sigma, in modules
    double noise = 3.0;       // grey levels
    double stretch = 0.0;     // module width grows by this fraction from the first module to the last
    bool reversed = false;
    int quietModules = 12;
};

// Grey profile (light 225, bars 45) of `modules` drawn as `r` says.
std::vector<float> renderProfile(const std::vector<int>& modules, const Render& r, std::mt19937& rng)
{
    const int n = static_cast<int>(modules.size());
    // Module edges in pixels, with a linear change of module width (perspective).
    std::vector<double> edge(static_cast<std::size_t>(n) + 1);
    double x = r.quietModules * r.modulePx;
    for (int i = 0; i <= n; ++i) {
        edge[static_cast<std::size_t>(i)] = x;
        x += r.modulePx * (1.0 + r.stretch * i / n);
    }
    const int width = static_cast<int>(x + r.quietModules * r.modulePx);
    std::vector<double> dark(static_cast<std::size_t>(width), 0.0);
    for (int i = 0; i < n; ++i) {
        if (!modules[static_cast<std::size_t>(i)])
            continue;
        const double a = edge[static_cast<std::size_t>(i)], b = edge[static_cast<std::size_t>(i) + 1];
        for (int p = static_cast<int>(a); p <= static_cast<int>(b) && p < width; ++p)
            dark[static_cast<std::size_t>(p)] += std::max(0.0, std::min<double>(p + 1, b) - std::max<double>(p, a));
    }
    const double sigma = r.blurModules * r.modulePx;
    const int k = static_cast<int>(std::ceil(3 * sigma));
    std::normal_distribution<double> noise(0.0, r.noise);
    std::vector<float> out(static_cast<std::size_t>(width));
    for (int p = 0; p < width; ++p) {
        double s = 0, w = 0;
        for (int d = -k; d <= k; ++d) {
            const int q = std::clamp(p + d, 0, width - 1);
            const double g = std::exp(-0.5 * d * d / (sigma * sigma));
            s += g * dark[static_cast<std::size_t>(q)], w += g;
        }
        out[static_cast<std::size_t>(r.reversed ? width - 1 - p : p)] =
            static_cast<float>(225.0 - 180.0 * s / w + noise(rng));
    }
    return out;
}

std::string decoded(const std::vector<float>& profile)
{
    const auto r = decodeProfile(profile);
    return r ? r->text : std::string("-");
}

} // namespace

TEST_SUITE("barcode")
{
    TEST_CASE("every symbology reads back from a blurred profile, in either direction")
    {
        std::mt19937 rng(11);
        for (const auto s : {Symbology::Ean13, Symbology::UpcA, Symbology::Ean8, Symbology::UpcE}) {
            for (int i = 0; i < 6; ++i) {
                const Code c = randomCode(s, rng);
                Render r;
                r.reversed = i % 2 == 1;
                CAPTURE(c.text);
                CAPTURE(r.reversed);
                const auto read = decodeProfile(renderProfile(modulesOf(c), r, rng));
                REQUIRE(read);
                CHECK(read->format == formatName(s));
                CHECK(read->text == c.text);
                CHECK(read->fit > 0.88);
            }
        }
    }

    TEST_CASE("bars of one module blurred to grey (2 px per module, blur 0.8 module) still read")
    {
        std::mt19937 rng(12);
        int read = 0;
        for (int i = 0; i < 10; ++i) {
            const Code c = randomCode(Symbology::Ean13, rng);
            Render r;
            r.modulePx = 2.0;
            r.blurModules = 0.8;
            const std::string got = decoded(renderProfile(modulesOf(c), r, rng));
            CHECK((got == c.text || got == "-")); // never another code
            read += got == c.text;
        }
        CHECK(read >= 8);
    }

    TEST_CASE("perspective: module width changing by 8 % across the symbol; the extent is where the symbol is")
    {
        std::mt19937 rng(13);
        const Code c = randomCode(Symbology::Ean13, rng);
        Render r;
        r.modulePx = 3.0;
        r.stretch = 0.08;
        const auto read = decodeProfile(renderProfile(modulesOf(c), r, rng));
        REQUIRE(read);
        CHECK(read->text == c.text);
        CHECK(read->left == doctest::Approx(r.quietModules * r.modulePx).epsilon(0.03));
        CHECK(read->right == doctest::Approx(r.quietModules * r.modulePx + 95 * 3.0 * 1.04).epsilon(0.03));
    }

    TEST_CASE("a symbol with one digit smudged reads nothing rather than another code")
    {
        std::mt19937 rng(14);
        std::uniform_int_distribution<int> bit(0, 1);
        for (int i = 0; i < 40; ++i) {
            const Code c = randomCode(i % 2 ? Symbology::Ean13 : Symbology::Ean8, rng);
            auto m = modulesOf(c);
            const int digit = 3 + 7 * (i % 4); // one of the left half's digits
            for (int k = 1; k < 6; ++k)
                m[static_cast<std::size_t>(digit + k)] = bit(rng);
            const std::string got = decoded(renderProfile(m, Render{}, rng));
            CAPTURE(c.text);
            CHECK((got == "-" || got == c.text));
        }
    }

    TEST_CASE("profiles without a symbol read nothing: random bars, text-like runs, flat, short, empty")
    {
        std::mt19937 rng(15);
        std::uniform_int_distribution<int> bit(0, 1), len(1, 4);
        for (int i = 0; i < 100; ++i) {
            std::vector<int> m;
            while (m.size() < 95) { // runs of 1-4 modules, like bars, but no symbol
                const int b = static_cast<int>(m.size() % 2 == 0 ? 1 : bit(rng));
                for (int k = len(rng); k > 0; --k)
                    m.push_back(b);
            }
            CHECK(decoded(renderProfile(m, Render{}, rng)) == "-");
        }
        CHECK(decoded(std::vector<float>(500, 200.0f)) == "-");
        CHECK(decoded(std::vector<float>(500, 20.0f)) == "-");
        CHECK(decoded(std::vector<float>(30, 100.0f)) == "-");
        CHECK(decoded({}) == "-");
    }
}
