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
        const cv::Mat src = image::asMat(photo);
        const double scale =
            std::min(1.0, double(std::max(64, options.longSide)) / std::max(photo.width, photo.height));
        cv::Mat small;
        if (scale < 1.0)
            cv::resize(src, small, cv::Size(), scale, scale, cv::INTER_AREA);
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
                poly.emplace_back(int(std::lround(p.x * scale)), int(std::lround(p.y * scale)));
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
        grey = image::sauvolaMat(grey, image::SauvolaOptions{std::max(31, grey.cols / 25) | 1, 0.2f, 128.0f});
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
