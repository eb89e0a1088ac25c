#define ZX_USE_UTF8 1
#include "scene.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace labelcheck::tools {

namespace {

void text(cv::Mat& img, const std::string& s, cv::Point at, double scale, int thickness)
{
    cv::putText(img, s, at, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0, 0, 0), thickness, cv::LINE_AA);
}

double smooth(double t) { return t * t * (3 - 2 * t); }

} // namespace

cv::Mat renderLabel(const LabelSpec& spec)
{
    const int w = 900, h = 1100;
    cv::Mat img(h, w, CV_8UC3, cv::Scalar(245, 248, 250));
    cv::rectangle(img, {0, 0, w, 150}, cv::Scalar(60, 120, 210), cv::FILLED);
    cv::putText(img, spec.name, {40, 95}, cv::FONT_HERSHEY_DUPLEX, 1.6, cv::Scalar(255, 255, 255), 3, cv::LINE_AA);
    if (!spec.claim.empty())
        text(img, spec.claim, {40, 205}, 1.1, 2);

    // Barcode, across the bottom.
    const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::EAN13).setMargin(10).encode(spec.ean13, 680, 190);
    cv::Mat code(matrix.height(), matrix.width(), CV_8UC1);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            code.at<std::uint8_t>(y, x) = matrix.get(x, y) ? 0 : 255;
    cv::Mat codeBgr;
    cv::cvtColor(code, codeBgr, cv::COLOR_GRAY2BGR);
    const cv::Rect codeAt((w - codeBgr.cols) / 2, h - codeBgr.rows - 70, codeBgr.cols, codeBgr.rows);
    cv::rectangle(img, codeAt + cv::Size(0, 50), cv::Scalar(255, 255, 255), cv::FILLED);
    codeBgr.copyTo(img(codeAt));
    text(img, spec.ean13, {codeAt.x + 200, codeAt.y + codeAt.height + 38}, 1.0, 2);

    // Facts panel, left.
    const int px = 40, py = 260, pw = 440;
    const int rowH = 52;
    const int ph = 150 + rowH * static_cast<int>(spec.rows.size() + 1) + 20;
    cv::rectangle(img, {px, py, pw, ph}, cv::Scalar(255, 255, 255), cv::FILLED);
    cv::rectangle(img, {px, py, pw, ph}, cv::Scalar(0, 0, 0), 3);
    cv::putText(img, spec.supplementFacts ? "Supplement Facts" : "Nutrition Facts", {px + 14, py + 50},
                cv::FONT_HERSHEY_DUPLEX, 1.25, cv::Scalar(0, 0, 0), 2, cv::LINE_AA);
    text(img, "Serving Size 1 Stick (6 g)", {px + 14, py + 88}, 0.7, 2);
    cv::rectangle(img, {px + 10, py + 104, pw - 20, 10}, cv::Scalar(0, 0, 0), cv::FILLED);
    text(img, "Amount Per Serving", {px + 14, py + 140}, 0.62, 2);
    text(img, "% DV", {px + pw - 80, py + 140}, 0.62, 2);
    int y = py + 150;
    cv::line(img, {px + 10, y}, {px + pw - 10, y}, cv::Scalar(0, 0, 0), 4);
    for (const auto& row : spec.rows) {
        y += rowH;
        text(img, row.name + " " + row.amount, {px + 16, y - 16}, 0.85, 2);
        if (!row.dv.empty())
            text(img, row.dv, {px + pw - 80, y - 16}, 0.85, 2);
        cv::line(img, {px + 10, y}, {px + pw - 10, y}, cv::Scalar(0, 0, 0), 2);
    }
    text(img, "* Daily Value not established.", {px + 16, y + 40}, 0.55, 1);
    return img;
}

Scene::Scene(std::vector<cv::Mat> labels, SceneOptions options) : labels_(std::move(labels)), options_(options)
{
    gapFrames_ = static_cast<int>(std::lround(options_.gapSeconds * options_.fps));
    productFrames_ = static_cast<int>(std::lround(options_.secondsPerProduct * options_.fps));
    // A desk-like background: smooth gradient plus fixed noise and a few soft shapes (no text, no barcode).
    background_.create(options_.height, options_.width, CV_8UC3);
    for (int y = 0; y < options_.height; ++y)
        for (int x = 0; x < options_.width; ++x)
            background_.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<std::uint8_t>(70 + 60 * x / options_.width),
                                                         static_cast<std::uint8_t>(80 + 40 * y / options_.height),
                                                         static_cast<std::uint8_t>(90));
    std::mt19937 rng(options_.seed);
    cv::Mat noise(background_.size(), CV_8UC3);
    cv::RNG(options_.seed).fill(noise, cv::RNG::UNIFORM, 0, 18);
    background_ += noise;
    std::uniform_int_distribution<int> px(0, options_.width), py(0, options_.height), pr(40, 160);
    for (int i = 0; i < 6; ++i)
        cv::circle(background_, {px(rng), py(rng)}, pr(rng), cv::Scalar(110, 120, 130), cv::FILLED, cv::LINE_AA);
    cv::GaussianBlur(background_, background_, {0, 0}, 3);
}

int Scene::frameCount() const
{
    return static_cast<int>(labels_.size()) * (gapFrames_ + productFrames_) + gapFrames_;
}

std::optional<Placement> Scene::placement(int frame) const
{
    const int period = gapFrames_ + productFrames_;
    const int p = frame / period;
    const int k = frame % period - gapFrames_;
    if (p >= static_cast<int>(labels_.size()) || k < 0)
        return std::nullopt;
    const double t = static_cast<double>(k) / productFrames_; // 0..1 through the product's time in view
    const double W = options_.width, H = options_.height;
    const cv::Point2d centre(W / 2, H / 2);
    // Deterministic per-product variation.
    const double side = (p % 2 == 0) ? 1 : -1;
    Placement pl;
    pl.product = p;
    auto at = [&](double tt) {
        cv::Point2d c = centre;
        double scale = 1, angle = 0;
        if (tt < 0.12) { // pan in from the side
            const double s = smooth(tt / 0.12);
            c.x = centre.x + side * (1 - s) * W * 0.9;
            angle = side * 10 * (1 - s);
        } else if (tt < 0.5) { // held steady, slow zoom in
            scale = 1 + 0.15 * smooth((tt - 0.12) / 0.38);
            c.x += 8 * std::sin(tt * 40);
            c.y += 5 * std::cos(tt * 33);
        } else if (tt < 0.7) { // turned: rotation and fast sideways shake (motion blur)
            const double s = (tt - 0.5) / 0.2;
            scale = 1.15 - 0.25 * smooth(s);
            angle = 14 * std::sin(s * 2 * M_PI);
            c.x += 60 * std::sin(s * 4 * M_PI);
        } else if (tt < 0.9) { // steady again, zoomed out a little
            scale = 0.9;
            c.y += 6 * std::sin(tt * 25);
        } else { // pan out to the other side
            const double s = smooth((tt - 0.9) / 0.1);
            scale = 0.9;
            c.x = centre.x - side * s * W * 0.9;
            angle = -side * 8 * s;
        }
        return std::tuple{c, scale, angle};
    };
    if (options_.still) {
        pl.centre = cv::Point2f(static_cast<float>(centre.x), static_cast<float>(centre.y));
        return pl;
    }
    auto [c, scale, angle] = at(t);
    auto [c2, scale2, angle2] = at(std::min(1.0, t + 1.0 / productFrames_));
    (void)scale2;
    (void)angle2;
    pl.centre = cv::Point2f(static_cast<float>(c.x), static_cast<float>(c.y));
    pl.scale = scale;
    pl.angleDeg = angle;
    pl.velocity = cv::Point2f(static_cast<float>(c2.x - c.x), static_cast<float>(c2.y - c.y));
    return pl;
}

std::pair<int, int> Scene::steadyRange(int product) const
{
    const int start = product * (gapFrames_ + productFrames_) + gapFrames_;
    return {start + static_cast<int>(0.12 * productFrames_), start + static_cast<int>(0.5 * productFrames_)};
}

cv::Mat Scene::render(int frame) const
{
    cv::Mat out = background_.clone();
    const auto pl = placement(frame);
    if (!pl)
        return out;
    const cv::Mat& label = labels_[static_cast<std::size_t>(pl->product)];
    const double base = options_.labelHeightShare * options_.height / label.rows;
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(label.cols / 2.0f, label.rows / 2.0f), pl->angleDeg, base * pl->scale);
    m.at<double>(0, 2) += pl->centre.x - label.cols / 2.0;
    m.at<double>(1, 2) += pl->centre.y - label.rows / 2.0;
    cv::Mat warped, mask;
    cv::warpAffine(label, warped, m, out.size(), cv::INTER_AREA, cv::BORDER_CONSTANT);
    cv::warpAffine(cv::Mat(label.size(), CV_8UC1, cv::Scalar(255)), mask, m, out.size(), cv::INTER_LINEAR,
                   cv::BORDER_CONSTANT);
    warped.copyTo(out, mask > 127);
    // Motion blur along the label's velocity, as a camera with a 1/60 s shutter would record it.
    const double speed = std::hypot(pl->velocity.x, pl->velocity.y);
    if (speed > 2) {
        const int len = std::min(41, static_cast<int>(speed / 2) * 2 + 1);
        cv::Mat kernel = cv::Mat::zeros(len, len, CV_32F);
        const cv::Point2f d(pl->velocity.x / static_cast<float>(speed), pl->velocity.y / static_cast<float>(speed));
        for (int i = 0; i < len; ++i) {
            const float s = static_cast<float>(i - len / 2);
            const int x = std::clamp(static_cast<int>(std::lround(len / 2 + s * d.x)), 0, len - 1);
            const int y = std::clamp(static_cast<int>(std::lround(len / 2 + s * d.y)), 0, len - 1);
            kernel.at<float>(y, x) = 1;
        }
        kernel /= cv::sum(kernel)[0];
        cv::filter2D(out, out, -1, kernel);
    }
    if (options_.still)
        return out; // no sensor noise either: still videos render fast and compress well
    // Sensor noise.
    cv::Mat noise(out.size(), CV_16SC3);
    cv::RNG(options_.seed * 7919u + static_cast<unsigned>(frame)).fill(noise, cv::RNG::NORMAL, 0, 3);
    cv::Mat out16;
    out.convertTo(out16, CV_16SC3);
    out16 += noise;
    out16.convertTo(out, CV_8UC3);
    return out;
}

bool writeVideo(const Scene& scene, const std::string& path)
{
    cv::VideoWriter writer(path, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), scene.fps(),
                           scene.render(0).size(), true);
    if (!writer.isOpened())
        return false;
    for (int i = 0; i < scene.frameCount(); ++i)
        writer.write(scene.render(i));
    return true;
}

bool writeFrames(const Scene& scene, const std::string& pattern)
{
    for (int i = 0; i < scene.frameCount(); ++i) {
        char name[4096];
        std::snprintf(name, sizeof name, pattern.c_str(), i);
        if (!cv::imwrite(name, scene.render(i)))
            return false;
    }
    return true;
}

} // namespace labelcheck::tools
