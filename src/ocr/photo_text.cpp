#include "labelcheck/ocr/photo_text.hpp"

#include "labelcheck/image/binarize_mat.hpp"
#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace labelcheck::ocr {

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
        if (small.channels() == 3)
            cv::cvtColor(small, grey, cv::COLOR_BGR2GRAY);
        else
            grey = small;

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
