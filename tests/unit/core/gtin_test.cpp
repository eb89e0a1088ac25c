#include "labelcheck/core/gtin.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;

TEST_SUITE("core") {

TEST_CASE("check digit of known codes")
{
    CHECK(gtin::checkDigit("01234567890") == 5);     // UPC-A 012345678905
    CHECK(gtin::checkDigit("400638133393") == 1);    // EAN-13 4006381333931
    CHECK(gtin::checkDigit("9638507") == 4);         // EAN-8 96385074
    CHECK(gtin::hasValidCheckDigit("4006381333931"));
    CHECK_FALSE(gtin::hasValidCheckDigit("4006381333932"));
    CHECK_FALSE(gtin::hasValidCheckDigit("40063813339"));
    CHECK_FALSE(gtin::hasValidCheckDigit("40063813333a"));
}

TEST_CASE("UPC-A and EAN-13 with a leading zero are the same GTIN-14")
{
    CHECK(*gtin::toGtin14("012345678905") == "00012345678905");
    CHECK(*gtin::toGtin14("0012345678905") == "00012345678905");
    CHECK(*gtin::toGtin14("00012345678905") == "00012345678905");
}

TEST_CASE("spaces and dashes are allowed")
{
    CHECK(*gtin::toGtin14("7 39930 19531 8") == "00739930195318");
    CHECK(*gtin::toGtin14("0-12345-67890-5") == "00012345678905");
}

TEST_CASE("UPC-E expansion follows the last-digit rule")
{
    CHECK(*gtin::expandUpcE("01234565") == "012345000065");
    CHECK(*gtin::expandUpcE("04252614") == "042100005264");
    CHECK(*gtin::expandUpcE("01234133") == "012300000413");
    CHECK(*gtin::expandUpcE("01234543") == "012340000053");
    CHECK(*gtin::toGtin14("01234565", gtin::Kind::UpcE) == "00012345000065");
    CHECK_FALSE(gtin::expandUpcE("21234565")); // number system 2 is not UPC-E
    CHECK_FALSE(gtin::expandUpcE("01234566")); // wrong check digit
}

TEST_CASE("8 digits without a hint are EAN-8")
{
    CHECK(*gtin::toGtin14("96385074") == "00000096385074");
}

TEST_CASE("bad input gives a one-line reason")
{
    auto bad = gtin::toGtin14("0012345678906");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::InvalidArgument);
    CHECK(bad.error().message.find("check digit") != std::string::npos);
    CHECK(bad.error().message.find('\n') == std::string::npos);
    CHECK_FALSE(gtin::toGtin14("12345"));
    CHECK_FALSE(gtin::toGtin14("abc"));
    CHECK_FALSE(gtin::toGtin14(""));
}

TEST_CASE("restricted circulation range")
{
    CHECK(gtin::isRestrictedCirculation("00212345678900"));
    CHECK(gtin::isRestrictedCirculation("02012345678903"));
    CHECK(gtin::isRestrictedCirculation("02912345678903"));
    CHECK_FALSE(gtin::isRestrictedCirculation("00012345678905"));
    CHECK_FALSE(gtin::isRestrictedCirculation("03012345678903"));
}

}
