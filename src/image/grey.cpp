#include "labelcheck/image/grey.hpp"

#include "labelcheck/image/opencv.hpp"

#include <opencv2/imgproc.hpp>

namespace labelcheck::image {

Image toGrey(const Image& img)
{
    if (img.empty() || img.pixels.size() < static_cast<std::size_t>(img.width) * img.height * img.channels)
        return {};
    if (img.channels == 1)
        return img;
    if (img.channels != 3)
        return {};
    Image grey;
    grey.width = img.width;
    grey.height = img.height;
    grey.channels = 1;
    grey.pixels.resize(static_cast<std::size_t>(img.width) * img.height);
    cv::Mat out = asMat(grey); // converted in place into the new image's pixels: no second copy
    cv::cvtColor(asMat(img), out, cv::COLOR_BGR2GRAY);
    return grey;
}

} // namespace labelcheck::image
