#include "labelcheck/image/binarize.hpp"

#include "labelcheck/image/binarize_mat.hpp"
#include "labelcheck/image/opencv.hpp"

#include <opencv2/core/hal/intrin.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace labelcheck::image {

cv::Mat inkContrastMat(const cv::Mat& image, int backgroundPx, bool lightOnDark)
{
    CV_Assert(image.depth() == CV_8U && (image.channels() == 1 || image.channels() == 3));
    // The background is smooth: estimated at a quarter of the size (a closing removes dark strokes, an
    // opening light ones), then brought back to full size.
    constexpr int f = 4;
    cv::Mat quarter, background;
    cv::resize(image, quarter, cv::Size(std::max(1, image.cols / f), std::max(1, image.rows / f)), 0, 0,
               cv::INTER_AREA);
    const int k = std::max(3, backgroundPx / f) | 1;
    cv::morphologyEx(quarter, quarter, lightOnDark ? cv::MORPH_OPEN : cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::resize(quarter, background, image.size(), 0, 0, cv::INTER_LINEAR);
    cv::Mat diff = lightOnDark ? cv::Mat(image - background) : cv::Mat(background - image); // saturating
    cv::Mat ink;
    if (diff.channels() == 3) {
        std::vector<cv::Mat> planes;
        cv::split(diff, planes);
        ink = cv::max(cv::max(planes[0], planes[1]), planes[2]);
    } else {
        ink = diff;
    }
    cv::normalize(ink, ink, 0, 255, cv::NORM_MINMAX);
    return 255 - ink;
}

cv::Mat sauvolaMat(const cv::Mat& grey, const SauvolaOptions& o)
{
    CV_Assert(grey.type() == CV_8UC1);
    int win = std::max(3, o.window | 1);
    cv::Mat mean, meanSq;
    cv::boxFilter(grey, mean, CV_32F, cv::Size(win, win), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    cv::sqrBoxFilter(grey, meanSq, CV_32F, cv::Size(win, win), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    cv::Mat out(grey.size(), CV_8UC1);
    const float k = o.k, invRange = 1.0f / o.range;
    for (int y = 0; y < grey.rows; ++y) {
        const float* m = mean.ptr<float>(y);
        const float* m2 = meanSq.ptr<float>(y);
        const std::uint8_t* p = grey.ptr<std::uint8_t>(y);
        std::uint8_t* d = out.ptr<std::uint8_t>(y);
        int x = 0;
#if CV_SIMD128
        // Sixteen pixels at a time, the same single-precision operations in the same order as the loop below
        // (no fused multiply-add on this target): the same threshold bit for bit. A face read's 6-7 MP image took
        // ~24 ms here, ~18 ms so (the box filters above are most of it).
        const cv::v_float32x4 vk = cv::v_setall_f32(k), vInvRange = cv::v_setall_f32(invRange),
                              one = cv::v_setall_f32(1.0f), zero = cv::v_setzero_f32();
        const auto inkMask = [&](int i, const cv::v_uint32x4& pixels) {
            const cv::v_float32x4 mv = cv::v_load(m + i);
            const cv::v_float32x4 var = cv::v_max(zero, cv::v_load(m2 + i) - mv * mv);
            const cv::v_float32x4 t = mv * (one + vk * (cv::v_sqrt(var) * vInvRange - one));
            return cv::v_reinterpret_as_u32(cv::v_cvt_f32(cv::v_reinterpret_as_s32(pixels)) <= t);
        };
        for (; x + 16 <= grey.cols; x += 16) {
            cv::v_uint16x8 low, high;
            cv::v_expand(cv::v_load(p + x), low, high);
            cv::v_uint32x4 a, b, c, e;
            cv::v_expand(low, a, b);
            cv::v_expand(high, c, e);
            // All-ones masks saturate to 255 when packed: ink 0, ground 255.
            const cv::v_uint8x16 ink = cv::v_pack(cv::v_pack(inkMask(x, a), inkMask(x + 4, b)),
                                                  cv::v_pack(inkMask(x + 8, c), inkMask(x + 12, e)));
            cv::v_store(d + x, ~ink);
        }
#endif
        for (; x < grey.cols; ++x) {
            const float var = std::max(0.0f, m2[x] - m[x] * m[x]);
            const float t = m[x] * (1.0f + k * (std::sqrt(var) * invRange - 1.0f));
            d[x] = float(p[x]) <= t ? 0 : 255;
        }
    }
    return out;
}

Image binarizeSauvola(const Image& img, const SauvolaOptions& options)
{
    if (img.empty())
        return {};
    cv::Mat grey;
    if (img.channels == 3)
        cv::cvtColor(asMat(img), grey, cv::COLOR_BGR2GRAY);
    else
        grey = asMat(img);
    return fromMat(sauvolaMat(grey, options));
}

} // namespace labelcheck::image
