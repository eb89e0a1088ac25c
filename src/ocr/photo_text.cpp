#include "labelcheck/ocr/photo_text.hpp"

#include "labelcheck/image/binarize_mat.hpp"
#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace labelcheck::ocr {

namespace {

// Claims are often light type reversed out of a colour band ("ELECTROLYTES" on brown): binarised, the band
// is a wide solid blob with the letters as holes, which the recogniser's layout analysis takes for a
// picture. Turns such blobs (wide, mostly ink, with holes) back into dark type on a light ground.
void invertReversedBands(cv::Mat& bin)
{
    cv::Mat ink = bin == 0;
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    for (int i = 1; i < n; ++i) {
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        const int area = stats.at<int>(i, cv::CC_STAT_AREA);
        if (h < 14 || 2 * w < 3 * h || h > bin.rows / 3 || area < 0.45 * double(w) * h ||
            area > 0.92 * double(w) * h)
            continue;
        const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w, h);
        // Only what lies inside the blob (its holes included) is turned over.
        cv::Mat inside = labels(box) == i;
        std::vector<std::vector<cv::Point>> contours;
        std::vector<cv::Vec4i> hierarchy;
        cv::findContours(inside.clone(), contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
        // Letters have at most two holes; a band with type reversed out of it has one per letter or more.
        int holes = 0;
        for (std::size_t c = 0; c < contours.size(); ++c)
            holes += hierarchy[c][3] >= 0 && cv::boundingRect(contours[c]).height >= h / 5;
        if (holes < 4)
            continue;
        cv::Mat filled = cv::Mat::zeros(inside.size(), CV_8U);
        for (std::size_t c = 0; c < contours.size(); ++c)
            if (hierarchy[c][3] < 0)
                cv::drawContours(filled, contours, int(c), cv::Scalar(255), cv::FILLED);
        cv::Mat roi = bin(box);
        cv::Mat turned;
        cv::bitwise_not(roi, turned);
        turned.copyTo(roi, filled);
    }
}

} // namespace

Expected<std::vector<TextLine>> readPhotoText(Engine& engine, const image::Image& photo,
                                              const PhotoTextOptions& options)
{
    if (photo.empty() || (photo.channels != 1 && photo.channels != 3))
        return makeError(ErrorCode::InvalidArgument, "photo text needs a non-empty 1- or 3-channel image");
    cv::Mat grey;
    try {
        cv::Mat src = image::asMat(photo);
        double scale =
            std::min(1.0, double(std::max(64, options.longSide)) / std::max(photo.width, photo.height));
        cv::Point2f offset(0, 0);
        if (options.panel && options.panelGlyphPx > 0) {
            const auto& q = *options.panel;
            float x0 = std::min({q[0].x, q[1].x, q[2].x, q[3].x}), x1 = std::max({q[0].x, q[1].x, q[2].x, q[3].x});
            float y0 = std::min({q[0].y, q[1].y, q[2].y, q[3].y}), y1 = std::max({q[0].y, q[1].y, q[2].y, q[3].y});
            float w = x1 - x0, h = y1 - y0;
            cv::Rect region(cv::Point(int(x0 - 1.2f * w), int(y0 - 1.2f * h)), cv::Point(int(x1 + 1.2f * w), int(y1 + 1.2f * h)));
            region &= cv::Rect(0, 0, photo.width, photo.height);
            if (region.area() > 0) {
                src = src(region);
                offset = cv::Point2f(float(region.x), float(region.y));
                scale = std::clamp(14.0 / options.panelGlyphPx, 0.2, 2.0);
            }
        }
        if (double(src.cols) * src.rows * scale * scale > options.maxPixels)
            scale = std::sqrt(double(options.maxPixels) / (double(src.cols) * src.rows));
        cv::Mat small;
        if (std::abs(scale - 1.0) > 1e-3)
            cv::resize(src, small, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        else
            small = src.clone();
        if (small.channels() == 3) {
            // The darkest channel: coloured type on a pale ground (gold on light blue, red on lavender) and
            // white type on a colour band keep their contrast, which luminance often loses.
            std::vector<cv::Mat> planes;
            cv::split(small, planes);
            grey = cv::min(cv::min(planes[0], planes[1]), planes[2]);
        } else {
            grey = small;
        }

        double angle = 0;
        if (options.panel) {
            const auto& q = *options.panel;
            std::vector<cv::Point> poly;
            for (const auto& p : q)
                poly.emplace_back(int(std::lround((p.x - offset.x) * scale)), int(std::lround((p.y - offset.y) * scale)));
            cv::fillConvexPoly(grey, poly, cv::Scalar(cv::mean(grey)[0]));
            angle = std::atan2(q[1].y - q[0].y, q[1].x - q[0].x) * 180.0 / CV_PI;
        }
        if (std::abs(angle) > 2) {
            cv::Point2f c(grey.cols / 2.0f, grey.rows / 2.0f);
            cv::Mat A = cv::getRotationMatrix2D(c, angle, 1.0);
            double ca = std::abs(std::cos(angle * CV_PI / 180)), sa = std::abs(std::sin(angle * CV_PI / 180));
            cv::Size canvas(int(grey.cols * ca + grey.rows * sa + 1), int(grey.cols * sa + grey.rows * ca + 1));
            A.at<double>(0, 2) += canvas.width / 2.0 - c.x;
            A.at<double>(1, 2) += canvas.height / 2.0 - c.y;
            cv::Mat level;
            cv::warpAffine(grey, level, A, canvas, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
            grey = level;
        }
        const int window = options.panelGlyphPx > 0 ? 61 : std::max(31, grey.cols / 25) | 1;
        grey = image::sauvolaMat(grey, image::SauvolaOptions{window, 0.2f, 128.0f});
        invertReversedBands(grey);
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Internal, std::string("photo text: OpenCV: ") + e.what());
    }
    RecognizeOptions ro;
    ro.layout = Layout::Sparse;
    ro.deadlineMs = options.deadlineMs;
    ro.tryInverted = true; // claims are often white on a coloured band
    ro.groupRows = false;
    return engine.recognize(image::fromMat(grey), ro);
}

} // namespace labelcheck::ocr
