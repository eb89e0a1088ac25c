#include "labelcheck/scan/consensus.hpp"

#include <doctest/doctest.h>

using labelcheck::barcode::Barcode;
using labelcheck::scan::BarcodeConsensus;
using labelcheck::scan::ConsensusOptions;

namespace {

Barcode code(const std::string& gtin14)
{
    Barcode b;
    b.text = gtin14.substr(1);
    b.format = "EAN-13";
    b.gtin14 = gtin14;
    return b;
}

const std::string kA = "00012345678905";
const std::string kB = "04006381333931";

} // namespace

TEST_SUITE("scan")
{
    TEST_CASE("a single read is never confirmed")
    {
        BarcodeConsensus c({8, 3, 90});
        CHECK_FALSE(c.add(0, code(kA)));
        for (int f = 1; f < 20; ++f)
            CHECK_FALSE(c.add(f, std::nullopt));
        CHECK_FALSE(c.confirmedGtin());
    }

    TEST_CASE("confirms on the third agreeing read within the window, once")
    {
        BarcodeConsensus c({8, 3, 90});
        CHECK_FALSE(c.add(0, code(kA)));
        CHECK_FALSE(c.add(1, std::nullopt));
        CHECK_FALSE(c.add(2, code(kA)));
        auto conf = c.add(3, code(kA));
        REQUIRE(conf);
        CHECK(conf->frame == 3);
        CHECK(conf->barcode.gtin14 == kA);
        REQUIRE(c.confirmedGtin());
        CHECK(*c.confirmedGtin() == kA);
        // Further reads of the same GTIN do not confirm it again.
        for (int f = 4; f < 30; ++f)
            CHECK_FALSE(c.add(f, code(kA)));
        CHECK(c.lastConfirmedReadFrame() == 29);
    }

    TEST_CASE("reads spread wider than the window do not confirm")
    {
        BarcodeConsensus c({4, 3, 90});
        for (int f = 0; f < 40; ++f)
            CHECK_FALSE(c.add(f, f % 3 == 0 ? std::optional(code(kA)) : std::nullopt));
    }

    TEST_CASE("interleaved misreads do not block or replace the true code")
    {
        BarcodeConsensus c({8, 3, 90});
        CHECK_FALSE(c.add(0, code(kA)));
        CHECK_FALSE(c.add(1, code(kB))); // misread
        CHECK_FALSE(c.add(2, code(kA)));
        CHECK(c.add(3, code(kA)));
        CHECK_FALSE(c.add(4, code(kB)));
        CHECK(*c.confirmedGtin() == kA);
    }

    TEST_CASE("a second product replaces the first; the first coming back is confirmed again")
    {
        BarcodeConsensus c({6, 3, 90});
        for (int f = 0; f < 3; ++f)
            c.add(f, code(kA));
        REQUIRE(*c.confirmedGtin() == kA);
        CHECK_FALSE(c.add(3, code(kB)));
        CHECK_FALSE(c.add(4, code(kB)));
        auto conf = c.add(5, code(kB));
        REQUIRE(conf);
        CHECK(conf->barcode.gtin14 == kB);
        CHECK(*c.confirmedGtin() == kB);
        c.add(200, code(kA));
        c.add(201, code(kA));
        CHECK(c.add(202, code(kA)));
    }

    TEST_CASE("old reads expire by frame age")
    {
        BarcodeConsensus c({8, 3, 30});
        c.add(0, code(kA));
        c.add(20, code(kA));
        CHECK_FALSE(c.add(31, code(kA))); // frame 0 is 31 frames old
        CHECK(c.add(32, code(kA)));
    }

    TEST_CASE("the confirmed product survives frames without a label")
    {
        BarcodeConsensus c({8, 3, 90});
        for (int f = 0; f < 3; ++f)
            c.add(f, code(kA));
        for (int f = 3; f < 100; ++f)
            c.add(f, std::nullopt);
        for (int f = 100; f < 110; ++f)
            CHECK_FALSE(c.add(f, code(kA)));
        c.reset();
        CHECK_FALSE(c.confirmedGtin());
    }
}
