#include "labelcheck/image/version.hpp"

#include <opencv2/core/utility.hpp>

namespace labelcheck::image {

std::string openCvVersion()
{
    return cv::getVersionString();
}

} // namespace labelcheck::image
