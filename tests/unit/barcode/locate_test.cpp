#include "barcode_render.hpp"
#include "locate.hpp"

#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>

using namespace labelcheck::barcode;

TEST_SUITE("barcode")
{
    TEST_CASE("locator: a blurred symbol that touches a narrow label's border and text is still a region")
    {
        // As on a generated photo: the label is hardly wider than the symbol, so the mask of strong coherent
        // gradients joins the symbol, the label's edges against a dark ground and its text into one blob whose
        // directions are mixed. The symbol must still come out as a region of its own.
        std::mt19937 rng(7);
        const cv::Size photo(1300, 1700);
        cv::Mat canvas(photo, CV_8UC3, cv::Scalar(40, 90, 40));
        const cv::Rect label(480, 150, 340, 1400);
        testing::labelCanvas(label.size(), rng).copyTo(canvas(label));
        const auto code = testing::makeCode(testing::Symbology::Ean8, "2606100");
        cv::Mat symbol = testing::renderSymbol(code, 3, 150);
        cv::GaussianBlur(symbol, symbol, cv::Size(0, 0), 1.4);
        const cv::Point2f centre(label.x + label.width / 2.0f, label.y + label.height - symbol.rows / 2.0f - 12);
        testing::paste(canvas, symbol, centre, 0);
        // Turned a little, like the photo.
        cv::Mat turned, grey;
        cv::warpAffine(canvas, turned, cv::getRotationMatrix2D(cv::Point2f(650, 850), 6, 1.0), photo, cv::INTER_LINEAR,
                       cv::BORDER_REPLICATE);
        cv::cvtColor(turned, grey, cv::COLOR_BGR2GRAY);
        const cv::Matx23d rot = cv::getRotationMatrix2D(cv::Point2f(650, 850), 6, 1.0);
        const cv::Point2f truth(static_cast<float>(rot(0, 0) * centre.x + rot(0, 1) * centre.y + rot(0, 2)),
                                static_cast<float>(rot(1, 0) * centre.x + rot(1, 1) * centre.y + rot(1, 2)));

        const auto regions = detail::locateBarcodes(grey, 3, 800);
        bool found = false;
        for (const auto& r : regions)
            found |= cv::norm(r.box.center - truth) < symbol.cols / 3.0;
        CHECK_MESSAGE(found, "regions: " << regions.size());
    }
}
