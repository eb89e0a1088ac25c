#include "labelcheck/report/html.hpp"

#include "sample_results.hpp"

#include <doctest/doctest.h>

using namespace labelcheck;
using namespace labelcheck::report;

TEST_SUITE("report")
{
    TEST_CASE("base64 of the RFC 4648 test vectors")
    {
        auto b64 = [](std::string s) { return base64Encode(std::vector<std::uint8_t>(s.begin(), s.end())); };
        CHECK(b64("") == "");
        CHECK(b64("f") == "Zg==");
        CHECK(b64("fo") == "Zm8=");
        CHECK(b64("foo") == "Zm9v");
        CHECK(b64("foob") == "Zm9vYg==");
        CHECK(b64("fooba") == "Zm9vYmE=");
        CHECK(b64("foobar") == "Zm9vYmFy");
    }

    TEST_CASE("text is escaped")
    {
        CHECK(htmlEscape("<a href=\"x\">Tom & Jerry's</a>") ==
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
        CheckResult r = testing::failed();
        r.file = "<script>.jpg";
        const std::string html = htmlEntry(r, nullptr);
        CHECK(html.find("<script>") == std::string::npos);
        CHECK(html.find("&lt;script&gt;.jpg") != std::string::npos);
    }

    TEST_CASE("an entry shows the verdict, minerals and the annotated thumbnail")
    {
        Annotation a;
        a.width = 4;
        a.height = 3;
        a.jpeg = {0xFF, 0xD8, 0xFF};
        a.regions.push_back({RegionKind::Barcode, "UPC-A 012345678905", {{1, 1}, {3, 1}, {3, 2}, {1, 2}}});
        const std::string html = htmlEntry(testing::contractExample(), &a);
        CHECK(html.starts_with("<section class=\"card incomplete\">"));
        CHECK(html.find("href=\"data:image/jpeg;base64,/9j/\"") != std::string::npos);
        CHECK(html.find("<polygon class=\"barcode\" points=\"1,1 3,1 3,2 1,2\" fill=\"none\" stroke=\"#00b050\" "
                        "stroke-width=\"3\"/>") != std::string::npos);
        CHECK(html.find("<tr><th>magnesium</th><td>0.06 g = 60 mg, 14% DV</td></tr>") != std::string::npos);
        CHECK(html.find("<tr><th>calcium</th><td><span class=\"none\">not declared</span></td></tr>") !=
              std::string::npos);
        CHECK(html.find("<tr><th>missing</th><td>calcium</td></tr>") != std::string::npos);
    }

    TEST_CASE("a whole document is well formed at its ends")
    {
        Tally t;
        t.add(testing::failed());
        const std::string doc = htmlBegin("Report & more") + htmlEntry(testing::failed(), nullptr) + htmlEnd(t);
        CHECK(doc.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        CHECK(doc.find("<title>Report &amp; more</title>") != std::string::npos);
        CHECK(doc.find("<section class=\"card failed\">") != std::string::npos);
        CHECK(doc.ends_with("<footer>1 image: 0 complete, 0 incomplete, 0 not electrolyte, 0 unreadable, 1 failed"
                            "</footer>\n</body>\n</html>\n"));
    }
}
