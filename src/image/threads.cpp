#include "labelcheck/image/threads.hpp"

#include <opencv2/core/utility.hpp>

namespace labelcheck::image {

void setLibraryThreads(int n)
{
    // OpenCV: 0 and 1 both mean "no helper threads"; a negative value restores its default.
    cv::setNumThreads(n > 0 ? n : -1);
}

} // namespace labelcheck::image
