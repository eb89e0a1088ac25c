#include "labelcheck/ocr/panel_read.hpp"

#include "labelcheck/image/opencv.hpp"
#include "labelcheck/ocr/line_grouping.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <limits>

namespace labelcheck::ocr {

namespace {

struct Score {
    float mean = 0;  // mean word confidence
    double mass = 0; // confidence-weighted count of letters and digits: how much text was read well
};

Score scoreOf(const std::vector<TextLine>& lines)
{
    Score s;
    int words = 0;
    for (const auto& l : lines)
        for (const auto& w : l.words) {
            s.mean += w.confidence;
            ++words;
            int alnum = 0;
            for (unsigned char c : w.text)
                alnum += std::isalnum(c) != 0;
            s.mass += w.confidence * alnum;
        }
    s.mean = words ? s.mean / float(words) : 0.0f;
    return s;
}

// Rows from the top of the first line read to the bottom of the last (0 when nothing was read).
int textHeight(const std::vector<TextLine>& lines)
{
    int top = std::numeric_limits<int>::max(), bottom = std::numeric_limits<int>::min();
    for (const auto& l : lines) {
        top = std::min(top, l.box.y);
        bottom = std::max(bottom, l.box.y + l.box.height);
    }
    return bottom > top ? bottom - top : 0;
}

// A block read replaces the layout's read when it has this much more confident text.
constexpr double kBlockMargin = 1.2;

// `panel` turned 180 degrees.
Expected<image::Image> turnedHalfRound(const image::Image& panel)
{
    try {
        cv::Mat m;
        cv::rotate(image::asMat(panel), m, cv::ROTATE_180);
        return image::fromMat(m);
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Internal, std::string("panel read: OpenCV: ") + e.what());
    }
}

} // namespace

Expected<PanelText> readPanel(Engine& engine, const image::Image& panel, const PanelReadOptions& options)
{
    // Known to be upside down: the image is turned before it is read (and read that way only, below).
    const bool turnFirst = options.upsideDown.value_or(false);
    image::Image turnedKnown;
    if (turnFirst) {
        auto t = turnedHalfRound(panel);
        if (!t)
            return t.error();
        turnedKnown = std::move(*t);
    }
    const image::Image& toRead = turnFirst ? turnedKnown : panel;
    RecognizeOptions recognize = options.recognize;
    auto first = engine.recognize(toRead, recognize);
    if (!first)
        return first.error();
    // Text found over less than half of the panel's height: Tesseract's layout analysis (PSM 4) can drop
    // whole regions of a clean panel, seen with the panel's edge and the photo's border beside it (a tight
    // crop read to its fourth row of eleven) and on a curved bottle's grey panel (no text at all). One block
    // reads them whole; the read with more confident text stands (the first, if the second fails). On 208 generated
    // photos and their panels cropped: 12 and 18 reads taken again, fields 783 -> 784 and 782 -> 789 (cropped).
    if (recognize.layout != Layout::Block && textHeight(*first) < options.blockBelowCoverage * toRead.height) {
        RecognizeOptions block = recognize;
        block.layout = Layout::Block;
        auto again = engine.recognize(toRead, block);
        if (again && scoreOf(*again).mass > kBlockMargin * scoreOf(*first).mass) {
            first = std::move(again);
            recognize = block; // the turned read below too: this panel's layout defeats the column reading
        }
    }
    PanelText out;
    Score s1 = scoreOf(*first);
    out.lines = std::move(*first);
    out.meanConfidence = s1.mean;
    out.upsideDown = turnFirst;
    if (options.upsideDown || s1.mean >= options.retryBelowConfidence ||
        (options.retryAtMostPixels > 0 && long(panel.width) * panel.height > options.retryAtMostPixels))
        return out;
    auto turned = turnedHalfRound(panel);
    if (!turned)
        return turned.error();
    auto second = engine.recognize(*turned, recognize);
    if (!second)
        return out; // the first read stands
    Score s2 = scoreOf(*second);
    if (s2.mass > 1.2 * s1.mass && s2.mean > s1.mean) {
        out.lines = std::move(*second);
        out.upsideDown = true;
        out.meanConfidence = s2.mean;
    }
    return out;
}

Expected<TextLine> readBand(Engine& engine, const image::Image& panel, int top, int bottom, bool upsideDown)
{
    top = std::clamp(top, 0, panel.height);
    bottom = std::clamp(bottom, top, panel.height);
    TextLine out;
    if (bottom - top < 4 || panel.width < 4)
        return out;
    image::Image band;
    try {
        // The turned image's rows [top, bottom) are the panel's rows [height - bottom, height - top), turned.
        const int y = upsideDown ? panel.height - bottom : top;
        cv::Mat m = image::asMat(panel)(cv::Rect(0, y, panel.width, bottom - top)).clone();
        if (upsideDown)
            cv::rotate(m, m, cv::ROTATE_180);
        band = image::fromMat(m);
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Internal, std::string("band read: OpenCV: ") + e.what());
    }
    RecognizeOptions options;
    options.layout = Layout::Line;
    options.groupRows = false;
    auto lines = engine.recognize(band, options);
    if (!lines)
        return lines.error();
    for (auto& line : *lines)
        for (auto& w : line.words) {
            w.box.y += top;
            out.words.push_back(std::move(w));
        }
    std::sort(out.words.begin(), out.words.end(), [](const Word& a, const Word& b) { return a.box.x < b.box.x; });
    for (const auto& w : out.words)
        out.box = unite(out.box, w.box);
    return out;
}

} // namespace labelcheck::ocr
