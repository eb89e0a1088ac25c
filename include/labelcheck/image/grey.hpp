#pragma once
// One channel of luma for the stages that look at ink and not at colour (barcode, panel finder, rectification).

#include "labelcheck/image/image.hpp"

namespace labelcheck::image {

// `img` as 1-channel luma (BT.601 weights, as OpenCV's BGR-to-grey); a 1-channel image is copied as it is, an
// empty one or one of another channel count gives an empty image. Thread-safe.
Image toGrey(const Image& img);

} // namespace labelcheck::image
