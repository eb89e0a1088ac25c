#include "labelcheck/scan/sharpness.hpp"

#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgproc.hpp>

namespace labelcheck::scan {

double sharpness(const image::Image& img, int workWidth)
{
    if (img.empty())
        return 0;
    try {
        cv::Mat grey;
        const cv::Mat src = image::asMat(img);
        if (src.channels() == 3)
            cv::cvtColor(src, grey, cv::COLOR_BGR2GRAY);
        else
            grey = src;
        if (workWidth > 0 && grey.cols > workWidth) {
            cv::Mat small;
            const double f = static_cast<double>(workWidth) / grey.cols;
            cv::resize(grey, small, cv::Size(), f, f, cv::INTER_AREA);
            grey = small;
        }
        cv::Mat lap;
        cv::Laplacian(grey, lap, CV_32F);
        cv::Scalar mean, stddev;
        cv::meanStdDev(lap, mean, stddev);
        return stddev[0] * stddev[0];
    } catch (const cv::Exception&) {
        return 0;
    }
}

} // namespace labelcheck::scan
