#include "labelcheck/report/annotation.hpp"

#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace labelcheck::report {

Annotation makeAnnotation(const image::Image& photo, std::vector<Region> regions, int maxSide)
{
    Annotation a;
    if (photo.empty() || maxSide <= 0)
        return a;
    try {
        const double scale = std::min(1.0, static_cast<double>(maxSide) / std::max(photo.width, photo.height));
        cv::Mat src = image::asMat(photo);
        cv::Mat thumb;
        if (scale < 1.0)
            cv::resize(src, thumb, cv::Size(), scale, scale, cv::INTER_AREA);
        else
            thumb = src;
        if (!cv::imencode(".jpg", thumb, a.jpeg, {cv::IMWRITE_JPEG_QUALITY, 80}))
            return {};
        a.width = thumb.cols;
        a.height = thumb.rows;
        for (auto& r : regions) {
            for (auto& p : r.points) {
                p.x = static_cast<int>(std::lround(p.x * scale));
                p.y = static_cast<int>(std::lround(p.y * scale));
            }
        }
        a.regions = std::move(regions);
    } catch (const cv::Exception&) {
        return {};
    }
    return a;
}

} // namespace labelcheck::report
