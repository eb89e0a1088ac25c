#pragma once
// Turns a flat label render into a phone-photo-like image: scale, bottle curvature, perspective and
// rotation onto a cluttered background, uneven light, glare, blur, noise. JPEG encoding is the caller's.

#include "label_spec.hpp"
#include "render.hpp"
#include "rng.hpp"

#include <opencv2/core.hpp>

#include <array>

namespace labelgen {

struct PhotoOptions {
    int minSize = 800;  // long side, px
    int maxSize = 4000;
    Difficulty difficulty = Difficulty::Normal;
};

struct Photo {
    cv::Mat image;                          // BGR, 8 bit, final size
    double xHeight = 0;                     // panel body x-height in the photo, px
    std::array<cv::Point2f, 4> panelQuad;   // panel corners (tl, tr, br, bl of the label) in the photo
    std::array<cv::Point2f, 4> barcodeQuad;
    int quarterTurns = 0;                   // 0..3: extra 90-degree rotations applied at the end
    double angleDeg = 0;                    // small in-plane rotation
    double curvature = 0;                   // cylinder arc in degrees (0 = flat)
    double blurSigma = 0, motionBlur = 0, noiseSigma = 0, glare = 0;
};

Photo makePhoto(const RenderedLabel& label, Rng& rng, const PhotoOptions& options);

} // namespace labelgen
