#include "labelcheck/barcode/reader.hpp"

#include "labelcheck/core/gtin.hpp"
#include "labelcheck/image/opencv.hpp"
#include "locate.hpp"
#include "profile_decode.hpp"
#include "zxing_pass.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <concepts>
#include <map>
#include <set>
#include <span>

#include <time.h>

namespace labelcheck::barcode {

namespace {

using detail::Binarizer;
using detail::PassHints;
using detail::PassResult;
using Clock = std::chrono::steady_clock;

constexpr int kBaseSide = 1280;      // long side of the whole-image view; ZXing's cost grows with the area
constexpr int kSmallSide = 800;      // views up to this size are also tried upscaled
constexpr int kMaxRegions = 3;       // located regions tried per photo
constexpr int kTileSide = 640;       // full-resolution tiles of large photos
constexpr float kTileMargin = 6;     // a symbol read closer than this to a tile's cut edge is ignored
constexpr int kMaxVerifications = 4; // verification crops per search
constexpr int kHotTiles = 2;         // most barcode-like tiles of a large photo that get the whole ladder
constexpr int kVerifySide = 640;  // long side of a trusted read's verification crop
// Working size (long side) of the locator that cross-checks a decision. At most 1200 until the twenty-second session:
// at 800 the barcode suites read the same (149/165 photos, 0 wrong; 36/42 and 19/21 large; the misread cases still
// blocked) and the 624 generated photos of three seeds gave the same outputs, in half the time on 12 MP photos (79 ->
// 39 ms mean).
constexpr int kCheckSide = 800;
constexpr int kLookahead = 2;        // passes that must not contradict a variant+own-verification decision
constexpr int kVotesNeeded = 2;      // distinct views that must agree
constexpr int kDominantViews = 3;    // views a template-confirmed GTIN needs to overrule another's reads
constexpr int kOverwhelmingViews = 5; // views any GTIN needs to overrule a misread of it by a single view
constexpr int kMisreadDigits = 4;     // digits of 14 in which such a misread may differ

// A greyscale image derived from the input, with the affine map from its pixels back to the input's.
struct View {
    cv::Mat grey;
    cv::Matx23d toInput;
    // Where a symbol must lie, in the input's pixels; empty: anywhere. A tile cut out of a larger photo can
    // slice a symbol, and ZXing may read a sliced symbol as a different valid code. Views derived from a
    // tile (scaled, filtered, rotated) keep it.
    cv::Rect2f innerInput;
};

cv::Matx23d identity()
{
    return {1, 0, 0, 0, 1, 0};
}

// toInput of a view made from `parent` by the forward map `m` (parent pixels -> new view pixels).
cv::Matx23d chain(const cv::Matx23d& parentToInput, const cv::Matx23d& m)
{
    cv::Matx23d inv;
    cv::invertAffineTransform(m, inv);
    const cv::Matx33d a(parentToInput(0, 0), parentToInput(0, 1), parentToInput(0, 2), parentToInput(1, 0),
                        parentToInput(1, 1), parentToInput(1, 2), 0, 0, 1);
    const cv::Matx33d b(inv(0, 0), inv(0, 1), inv(0, 2), inv(1, 0), inv(1, 1), inv(1, 2), 0, 0, 1);
    const cv::Matx33d c = a * b;
    return {c(0, 0), c(0, 1), c(0, 2), c(1, 0), c(1, 1), c(1, 2)};
}

// Point `p` mapped by the affine map `m`.
cv::Point2d mapped(const cv::Matx23d& m, cv::Point2f p)
{
    return {m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2), m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2)};
}

View scaled(const View& v, double f, int interpolation)
{
    View out;
    cv::resize(v.grey, out.grey, cv::Size(), f, f, interpolation);
    const double fx = static_cast<double>(out.grey.cols) / v.grey.cols;
    const double fy = static_cast<double>(out.grey.rows) / v.grey.rows;
    out.toInput = chain(v.toInput, cv::Matx23d(fx, 0, 0, 0, fy, 0));
    out.innerInput = v.innerInput;
    return out;
}

View filtered(const View& v, cv::Mat grey)
{
    return View{std::move(grey), v.toInput, v.innerInput};
}

View sharpened(const View& v)
{
    cv::Mat blur, out;
    cv::GaussianBlur(v.grey, blur, cv::Size(0, 0), 1.5);
    cv::addWeighted(v.grey, 2.0, blur, -1.0, 0, out); // unsharp mask, amount 1
    return filtered(v, out);
}

View contrasted(const View& v)
{
    cv::Mat out;
    cv::createCLAHE(2.5, cv::Size(8, 8))->apply(v.grey, out);
    return filtered(v, out);
}

View smoothed(const View& v)
{
    cv::Mat out;
    cv::GaussianBlur(v.grey, out, cv::Size(3, 3), 0);
    return filtered(v, out);
}

// The upright box round a read's corners, in the input's pixels (for a row scan's read, a line across the symbol).
cv::Rect cornerBounds(const Barcode& bc)
{
    int minX = bc.corners[0].x, minY = bc.corners[0].y, maxX = minX, maxY = minY;
    for (const auto& p : bc.corners)
        minX = std::min(minX, p.x), minY = std::min(minY, p.y), maxX = std::max(maxX, p.x), maxY = std::max(maxY, p.y);
    return cv::Rect(minX, minY, maxX - minX, maxY - minY);
}

// Rotates the whole view by `degrees` (counter-clockwise) onto a canvas that holds all of it.
View rotated(const View& v, double degrees)
{
    const cv::Point2f c(v.grey.cols / 2.0f, v.grey.rows / 2.0f);
    cv::Matx23d m = cv::getRotationMatrix2D(c, degrees, 1.0);
    const cv::Rect2f bb =
        cv::RotatedRect(c, cv::Size2f(static_cast<float>(v.grey.cols), static_cast<float>(v.grey.rows)),
                        static_cast<float>(degrees))
            .boundingRect2f();
    m(0, 2) += bb.width / 2.0 - c.x;
    m(1, 2) += bb.height / 2.0 - c.y;
    View out;
    cv::warpAffine(v.grey, out.grey, m,
                   cv::Size(static_cast<int>(std::ceil(bb.width)), static_cast<int>(std::ceil(bb.height))),
                   cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    out.toInput = chain(v.toInput, m);
    out.innerInput = v.innerInput;
    return out;
}

// Region `r`, located in view `v`, in the input's pixels (`v` scaled, not turned).
detail::Region inputRegion(const View& v, detail::Region r)
{
    const cv::Point2d centre = mapped(v.toInput, r.box.center);
    r.box.center = cv::Point2f(static_cast<float>(centre.x), static_cast<float>(centre.y));
    r.box.size = cv::Size2f(static_cast<float>(r.box.size.width * v.toInput(0, 0)),
                            static_cast<float>(r.box.size.height * v.toInput(1, 1)));
    return r;
}

// Cuts a located region out of the full-resolution grey image, turned so the bars are vertical, with room
// for quiet zones and bars the locator missed, scaled so the symbol is a comfortable size for ZXing.
View regionView(const View& full, const detail::Region& r)
{
    const double a = r.gradientAngle;
    const double ca = std::cos(a), sa = std::sin(a);
    cv::Point2f pts[4];
    r.box.points(pts);
    double minU = 1e18, maxU = -1e18, minV = 1e18, maxV = -1e18;
    for (const auto& p : pts) {
        const double dx = p.x - r.box.center.x, dy = p.y - r.box.center.y;
        const double u = dx * ca + dy * sa;  // along the gradient: across the bars
        const double w = -dx * sa + dy * ca; // along the bars
        minU = std::min(minU, u), maxU = std::max(maxU, u), minV = std::min(minV, w), maxV = std::max(maxV, w);
    }
    double width = (maxU - minU) * 1.35 + 16;
    double height = std::max((maxV - minV) * 1.15 + 8, width * 0.25);
    double f = 1.0;
    if (width < 300)
        f = std::min(3.0, 400.0 / width);
    else if (width > 1000)
        f = 1000.0 / width;
    const int outW = std::max(8, static_cast<int>(width * f));
    const int outH = std::clamp(static_cast<int>(height * f), 8, 800);
    // forward map: input -> patch. Rotate by -a about the centre, scale, move the centre to the patch centre.
    const double cx = r.box.center.x, cy = r.box.center.y;
    const cv::Matx23d m(f * ca, f * sa, outW / 2.0 - f * (ca * cx + sa * cy), -f * sa, f * ca,
                        outH / 2.0 - f * (-sa * cx + ca * cy));
    View out;
    cv::warpAffine(full.grey, out.grey, m, cv::Size(outW, outH), f > 1.0 ? cv::INTER_CUBIC : cv::INTER_AREA,
                   cv::BORDER_REPLICATE);
    out.toInput = chain(full.toInput, m);
    return out;
}

// The template-matching decoder on bands of rows across the whole of `grey` (bars vertical; a located
// region's view, which can hold much more than the symbol): each band's rows are averaged into one profile.
// A read needs two bands that agree and none that reads another code.
std::optional<PassResult> modelRead(const cv::Mat& grey)
{
    constexpr int kBands = 24;
    constexpr int kEnough = 3; // agreeing bands after which the rest are not read
    if (grey.cols < 60 || grey.rows < kBands)
        return std::nullopt;
    const int height = grey.rows / kBands;
    std::map<std::string, int> agree;
    std::optional<detail::ProfileRead> first;
    int top = grey.rows, bottom = 0;
    for (int b = 0; b < kBands; ++b) {
        const int r0 = b * grey.rows / kBands;
        cv::Mat profile;
        cv::reduce(grey.rowRange(r0, r0 + height), profile, 0, cv::REDUCE_AVG, CV_32F);
        auto r = detail::decodeProfile(
            std::span<const float>(profile.ptr<float>(), static_cast<std::size_t>(profile.cols)));
        if (!r)
            continue;
        ++agree[r->text];
        if (!first)
            first = r;
        if (r->text == first->text)
            top = std::min(top, r0), bottom = std::max(bottom, r0 + height);
        if (agree.size() == 1 && agree.begin()->second >= kEnough)
            break;
    }
    if (agree.size() != 1 || agree.begin()->second < 2)
        return std::nullopt;
    auto g = gtin::toGtin14(first->text, first->format == "UPC-E" ? std::optional(gtin::Kind::UpcE) : std::nullopt);
    if (!g)
        return std::nullopt;
    PassResult out;
    out.text = first->text;
    out.format = first->format;
    out.gtin14 = *g;
    const auto t = static_cast<float>(top), bt = static_cast<float>(bottom);
    out.corners = {cv::Point2f(first->left, t), cv::Point2f(first->right, t), cv::Point2f(first->right, bt),
                   cv::Point2f(first->left, bt)};
    return out;
}

const char* binarizerName(Binarizer b)
{
    switch (b) {
    case Binarizer::LocalAverage:
        return "local";
    case Binarizer::GlobalHistogram:
        return "global";
    case Binarizer::FixedThreshold:
        return "fixed";
    }
    return "?";
}

class Search {
  public:
    Search(const image::Image& img, const ReadOptions& options, ReadStats& stats)
        : img_(img), options_(options), stats_(stats), start_(Clock::now()), startCpuMs_(threadCpuMs())
    {
    }

    // True when the search should stop: decided (unless running every pass) or out of time.
    bool done()
    {
        if ((result_ || blocked_) && !options_.runAllPasses())
            return true;
        if (pending_) // the look-ahead of a pending decision runs whatever the budget (kLookahead passes)
            return false;
        // The first pass always runs, so that a tiny budget on a loaded machine still gives the cheap read.
        if (options_.timeBudgetMs() > 0 && stats_.passes > 0 && elapsedMs() >= options_.timeBudgetMs() &&
            !options_.runAllPasses()) {
            stats_.budgetExhausted = true;
            return true;
        }
        if (options_.maxPasses() > 0 && stats_.passes >= options_.maxPasses() && !options_.runAllPasses()) {
            stats_.budgetExhausted = true;
            return true;
        }
        return false;
    }

    // Runs one pass unless done(). Every read votes; a trusted one is always given a verification crop.
    void run(const std::string& viewName, const View& v, Binarizer b, bool trusted, bool tryRotate = true)
    {
        run(
            viewName, [&v]() -> const View& { return v; }, b, trusted, tryRotate);
    }

    // Same with the view made only when the pass runs (views cost more than some passes).
    template <typename MakeView>
    requires std::invocable<MakeView>
    void run(const std::string& viewName, MakeView&& make, Binarizer b, bool trusted, bool tryRotate = true)
    {
        if (done())
            return;
        const View& v = make();
        const auto t0 = Clock::now();
        PassHints hints;
        hints.binarizer = b;
        hints.tryHarder = true;
        hints.tryRotate = tryRotate;
        consider(viewName, viewName + "/" + binarizerName(b), v, detail::decodeView(v.grey, hints), trusted, t0);
    }

    // A pass of the template-matching decoder (profile_decode.hpp) on a view whose bars are vertical: it
    // reads symbols too blurred for ZXing. Its read votes like any other; it is never trusted alone.
    void runModel(const std::string& viewName, const View& v)
    {
        if (done())
            return;
        const auto t0 = Clock::now();
        consider(viewName, viewName + "/model", v, modelRead(v.grey), false, t0, true);
    }

  private:
    // The bookkeeping of one pass's result `r` (in the pixels of view `v`): cut-edge filter, trace, look-ahead
    // of a pending decision, vote and verification.
    void consider(const std::string& viewName, const std::string& name, const View& v, std::optional<PassResult> r,
                  bool trusted, Clock::time_point t0, bool model = false)
    {
        if (r && !v.innerInput.empty() && !std::all_of(r->corners.begin(), r->corners.end(), [&](const cv::Point2f& p) {
                return v.innerInput.contains(cv::Point2f(mapped(v.toInput, p)));
            }))
            r.reset();
        tracePass(name, r, t0, trusted);
        if (pending_) {
            if (r && r->gtin14 != pending_->gtin14) {
                pending_.reset(); // a look-ahead pass saw another GTIN: no read rather than a wrong one
                blocked_ = true;
            } else if (--pendingLeft_ == 0)
                finish();
            return;
        }
        if (!r || result_ || blocked_)
            return;
        // Even a "trusted" pass (plain ZXing on the whole photo, or on the best located region) does not
        // decide alone: on a blurred or foreshortened symbol one row scan can misread 2-4 digits and still
        // land on a valid check digit. Its read is a vote like any other, and a verification crop (another
        // view: cropped, another scale, another threshold context) must agree before it is returned.
        // A trusted pass differs only in that it is always given that verification first.
        Barcode bc = toBarcode(*r, v.toInput);
        if (trusted && options_.singlePass()) { // the benchmark's one-call baseline: unconfirmed by design
            decide(std::move(bc), name);
            return;
        }
        castVote(bc, viewName, name, trusted);
        if (!result_ && !pending_) {
            if (model)
                verifyModel(bc.gtin14, viewName, inputCorners(*r, v.toInput));
            else
                verify(bc, viewName, trusted);
        }
    }

    // Counts one pass and records it in the trace.
    void tracePass(const std::string& name, const std::optional<PassResult>& r, Clock::time_point t0, bool trusted)
    {
        ++stats_.passes;
        stats_.trace.push_back({name, trusted, r ? r->gtin14 : std::string(),
                                std::chrono::duration<double, std::milli>(Clock::now() - t0).count()});
    }

  public:
    // A read from the whole photo (or a tile) and its verification crop are two views of the same pixels:
    // on a blurred, foreshortened symbol both can repeat one misread. Before such a decision is returned,
    // a structurally different view - the best located region, deskewed and rescaled - reads the symbol
    // again; a different GTIN there withdraws the decision and blocks every later one (no read rather than
    // a wrong product). Nothing read there leaves the decision standing.
    void crossCheck(const std::string& viewName, const View& v)
    {
        if (!result_ || crossChecked_)
            return;
        crossChecked_ = true;
        const auto t0 = Clock::now();
        PassHints hints;
        hints.tryRotate = false;
        auto r = detail::decodeView(v.grey, hints);
        const std::string name = "check(" + viewName + ")/local";
        tracePass(name, r, t0, false);
        if (!r || r->gtin14 == result_->gtin14)
            return;
        // The two disagree. Template matching on the region, which fits every module of the symbol, breaks
        // the tie when it reads one of the two; otherwise nothing may decide.
        const auto t1 = Clock::now();
        const auto m = modelRead(v.grey);
        tracePass("check(" + viewName + ")/model", m, t1, false);
        if (m && m->gtin14 == result_->gtin14) {
            stats_.decidedBy += "+check(" + viewName + ")/model";
            return;
        }
        result_.reset();
        stats_.decidedBy.clear();
        if (m && m->gtin14 == r->gtin14)
            decide(toBarcode(*m, v.toInput), name + "+check(" + viewName + ")/model");
        else
            blocked_ = true;
    }
    bool decidedUnchecked() const { return result_ && !crossChecked_; }
    bool blocked() const { return blocked_; }

    // The full-resolution greyscale photo, for verification crops. Must outlive the search.
    void setFull(const View* full) { full_ = full; }

    // Time spent so far on the budget's clock.
    double elapsedMs() const
    {
        if (options_.budgetClock() == BudgetClock::ThreadCpu)
            return threadCpuMs() - startCpuMs_;
        return std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
    }
    static double threadCpuMs()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
    }
    std::optional<Barcode> result() const { return result_; }

  private:
    // Votes count per view, not per binarizer: two binarizations of one view fail together.
    void castVote(const Barcode& bc, const std::string& viewName, const std::string& name, bool trusted = false)
    {
        auto& vote = votes_[bc.gtin14];
        if (vote.names.empty()) {
            vote.first = bc;
            vote.firstTrusted = trusted;
        }
        if (std::find(vote.views.begin(), vote.views.end(), viewName) == vote.views.end()) {
            vote.views.push_back(viewName);
            vote.names.push_back(name);
        }
        vote.model = vote.model || name.ends_with("/model");
        // Two different symbols seen (a second code on the pack, or a misread): nothing decides, unless
        // one dominates.
        if (static_cast<int>(vote.views.size()) >= kVotesNeeded && (votes_.size() == 1 || dominates(bc.gtin14))) {
            std::string by;
            for (const auto& n : vote.names)
                by += by.empty() ? n : "+" + n;
            // An aggressive variant and its own verification crop are two looks at the same blurred pixels
            // and can repeat one misread: such a pair decides only if the next kLookahead passes of the
            // ladder read no other GTIN (trusted reads are cross-checked on the located region instead).
            if (!vote.firstTrusted && vote.views.size() == 2 && vote.views[1] == "verify(" + vote.views[0] + ")" &&
                !options_.runAllPasses()) {
                pending_ = vote.first;
                pendingBy_ = by;
                pendingLeft_ = kLookahead;
                return;
            }
            decide(vote.first, by);
        }
    }

    // A second look at an untrusted read: plain ZXing on a crop of the full-resolution photo centred on
    // the symbol, with room around it. A read caused by a tile's cut or by one variant's artefacts rarely
    // repeats there; a real symbol does. Its agreement is a vote from a view of its own.
    void verify(const Barcode& bc, const std::string& viewName, bool trusted = false)
    {
        // A trusted read's verification runs even when the budget has just run out: it is part of that
        // read (one plain ZXing call on a crop), and without it the read could not be returned at all.
        if (!full_ || result_ || blocked_)
            return;
        if (!trusted && (verifications_ >= kMaxVerifications || done()))
            return;
        if (!startVerification(bc.gtin14))
            return;
        const cv::Rect b = cornerBounds(bc);
        const int len = std::max({b.width, b.height, 24});
        const int half = len; // the symbol's length on every side of its centre: whole whatever its angle
        const cv::Point c((2 * b.x + b.width) / 2, (2 * b.y + b.height) / 2);
        const cv::Rect r =
            cv::Rect(c.x - half, c.y - half, 2 * half, 2 * half) & cv::Rect(0, 0, full_->grey.cols, full_->grey.rows);
        if (r.width < 16 || r.height < 16)
            return;
        View v{full_->grey(r), chain(full_->toInput, cv::Matx23d(1, 0, -r.x, 0, 1, -r.y)), {}};
        const int side = std::max(r.width, r.height);
        const int maxSide = trusted ? kVerifySide : kBaseSide;
        if (side > maxSide)
            v = scaled(v, static_cast<double>(maxSide) / side, cv::INTER_AREA);
        const auto t0 = Clock::now();
        PassHints vh;
        vh.binarizer = Binarizer::GlobalHistogram;
        auto res = detail::decodeView(v.grey, vh);
        const std::string name = "verify(" + viewName + ")/local";
        tracePass(name, res, t0, false);
        if (res)
            castVote(toBarcode(*res, v.toInput), "verify(" + viewName + ")", name);
    }

    // False when `gtin14` was given its verification already; otherwise counts this one.
    bool startVerification(const std::string& gtin14)
    {
        if (std::find(verified_.begin(), verified_.end(), gtin14) != verified_.end())
            return false;
        verified_.push_back(gtin14);
        ++verifications_;
        return true;
    }

    // The second look at a template-matching read: the same decoder on a view of its own, cut from the
    // full-resolution photo along the symbol's axes at another scale (ZXing's crop would not read a symbol
    // that blurred). Its agreement is a vote from that view.
    void verifyModel(const std::string& gtin14, const std::string& viewName, const std::array<cv::Point2f, 4>& corners)
    {
        if (!full_ || result_ || blocked_ || verifications_ >= kMaxVerifications || done())
            return;
        if (!startVerification(gtin14))
            return;
        const cv::Point2f tl = corners[0], tr = corners[1], bl = corners[3];
        const double len = cv::norm(tr - tl), high = cv::norm(bl - tl);
        if (len < 16 || high < 2)
            return;
        const cv::Point2f ux = (tr - tl) * static_cast<float>(1.0 / len), uy = (bl - tl) * static_cast<float>(1.0 / high);
        const double f = len < 250 ? 2.0 : len > 900 ? 900.0 / len : 1.0; // pixels of the view per input pixel
        const cv::Point2f origin = tl - ux * static_cast<float>(0.3 * len) - uy * static_cast<float>(0.1 * high);
        const cv::Matx23d toFull(ux.x / f, uy.x / f, origin.x, ux.y / f, uy.y / f, origin.y);
        View v;
        cv::warpAffine(full_->grey, v.grey, cv::Mat(toFull),
                       cv::Size(static_cast<int>(1.6 * len * f), std::max(24, static_cast<int>(1.2 * high * f))),
                       cv::INTER_CUBIC | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
        v.toInput = chain(full_->toInput, [&] {
            cv::Matx23d inv;
            cv::invertAffineTransform(toFull, inv);
            return inv;
        }());
        const auto t0 = Clock::now();
        auto res = modelRead(v.grey);
        const std::string name = "verify(" + viewName + ")/model";
        tracePass(name, res, t0, false);
        if (res)
            castVote(toBarcode(*res, v.toInput), "verify(" + viewName + ")", name);
    }

    // A misread by one ZXing pass (its own verification crop often reads the true code) need not block a
    // GTIN that the template-matching decoder, which fits every module of the symbol, confirms: `gtin14`
    // dominates when a template-matching pass read it, at least kDominantViews views agree, and every
    // other GTIN was read by fewer than half as many views and by no template-matching pass. Nor a GTIN that
    // kOverwhelmingViews views read when every other is a misread of it (misreadOf) by a single view: seed 777's
    // 156, a UPC-A read with two digits swapped (a valid check digit still) by the first whole-photo pass and right
    // by its verification crop, the full-resolution pass and 43 passes after; it went unread. On the three seeds'
    // 624 generated photos GTIN 204 / 201 / 205 -> 204 / 202 / 205, no other output changed; the 165 photos of
    // ../shared read 149, 0 wrong, as before (without the misread test, a book's price code, read by five views, beat
    // its EAN read by one: `ean13-2/21.png`).
    bool dominates(const std::string& gtin14) const
    {
        const auto& v = votes_.at(gtin14);
        if (static_cast<int>(v.views.size()) >= kOverwhelmingViews &&
            std::all_of(votes_.begin(), votes_.end(), [&](const auto& kv) {
                return kv.first == gtin14 ||
                       (!kv.second.model && kv.second.views.size() == 1 && misreadOf(kv.second.first, v.first));
            }))
            return true;
        if (!v.model || static_cast<int>(v.views.size()) < kDominantViews)
            return false;
        return std::all_of(votes_.begin(), votes_.end(), [&](const auto& kv) {
            return kv.first == gtin14 || (!kv.second.model && 2 * kv.second.views.size() < v.views.size());
        });
    }

    // Whether `other` reads as a misread of the symbol `bc`: at most kMisreadDigits of its 14 digits differ, and its
    // centre lies on `bc`'s symbol (the bounding box of its corners, which for a row scan are a line across the
    // symbol, grown by half its longer side each way). A second symbol on the pack (a book's price code beside its
    // EAN) differs in most digits.
    static bool misreadOf(const Barcode& other, const Barcode& bc)
    {
        int differ = 0;
        for (std::size_t i = 0; i < other.gtin14.size() && i < bc.gtin14.size(); ++i)
            differ += other.gtin14[i] != bc.gtin14[i];
        if (differ > kMisreadDigits || other.gtin14.size() != bc.gtin14.size())
            return false;
        const cv::Rect b = cornerBounds(bc);
        float cx = 0, cy = 0;
        for (const auto& p : other.corners)
            cx += float(p.x) / 4, cy += float(p.y) / 4;
        const float x0 = float(b.x), x1 = float(b.x + b.width), y0 = float(b.y), y1 = float(b.y + b.height);
        const float g = float(std::max(b.width, b.height)) / 2;
        return cx >= x0 - g && cx <= x1 + g && cy >= y0 - g && cy <= y1 + g;
    }

    struct Vote {
        Barcode first;
        bool firstTrusted = false;
        bool model = false; // read by a template-matching pass
        std::vector<std::string> views; // distinct views that read this GTIN
        std::vector<std::string> names; // the passes, for ReadStats::decidedBy
    };

  public:
    // Ends the search: a pending decision whose look-ahead was cut short by the end of the ladder stands.
    void finish()
    {
        if (pending_ && !blocked_)
            decide(*pending_, pendingBy_);
        pending_.reset();
    }

  private:
    void decide(Barcode bc, const std::string& by)
    {
        result_ = std::move(bc);
        stats_.decidedBy = by;
    }

    static std::array<cv::Point2f, 4> inputCorners(const PassResult& r, const cv::Matx23d& toInput)
    {
        std::array<cv::Point2f, 4> out;
        for (std::size_t i = 0; i < 4; ++i)
            out[i] = cv::Point2f(mapped(toInput, r.corners[i]));
        return out;
    }

    Barcode toBarcode(const PassResult& r, const cv::Matx23d& toInput) const
    {
        Barcode b;
        b.text = r.text;
        b.format = r.format;
        b.gtin14 = r.gtin14;
        for (std::size_t i = 0; i < 4; ++i) {
            const cv::Point2d p = mapped(toInput, r.corners[i]);
            b.corners[i] = {std::clamp(static_cast<int>(std::lround(p.x)), 0, img_.width - 1),
                            std::clamp(static_cast<int>(std::lround(p.y)), 0, img_.height - 1)};
        }
        return b;
    }

    const image::Image& img_;
    const ReadOptions& options_;
    ReadStats& stats_;
    Clock::time_point start_;
    double startCpuMs_ = 0;
    std::optional<Barcode> result_;
    std::map<std::string, Vote> votes_;
    const View* full_ = nullptr;
    int verifications_ = 0;
    bool crossChecked_ = false;
    std::optional<Barcode> pending_; // decided by a variant and its own verification crop, in look-ahead
    std::string pendingBy_;
    int pendingLeft_ = 0;
    bool blocked_ = false;
    std::vector<std::string> verified_; // GTINs already given a verification crop
};

View binarizedAdaptive(const View& v)
{
    cv::Mat out;
    const int block = std::max(15, std::max(v.grey.cols, v.grey.rows) / 16) | 1;
    cv::adaptiveThreshold(v.grey, out, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY, block, 5);
    return filtered(v, out);
}

View medianed(const View& v)
{
    cv::Mat out;
    cv::medianBlur(v.grey, out, 3);
    return filtered(v, out);
}

View sharpenedBy(const View& v, double sigma, double amount)
{
    cv::Mat blur, out;
    cv::GaussianBlur(v.grey, blur, cv::Size(0, 0), sigma);
    cv::addWeighted(v.grey, 1.0 + amount, blur, -amount, 0, out);
    return filtered(v, out);
}

// The part of tile `r` of `full` (full resolution: its pixels are the input's) away from the cut edges;
// edges that are also the photo's edges stay.
cv::Rect2f innerOf(const View& full, const cv::Rect& r)
{
    const float m = kTileMargin;
    const float left = r.x > 0 ? r.x + m : -1.0f, top = r.y > 0 ? r.y + m : -1.0f;
    const float right = r.x + r.width < full.grey.cols ? r.x + r.width - m : full.grey.cols + 1.0f;
    const float bottom = r.y + r.height < full.grey.rows ? r.y + r.height - m : full.grey.rows + 1.0f;
    return {left, top, right - left, bottom - top};
}

// Plain ZXing on full-resolution tiles of a large photo, where a small symbol is lost in the scaled view.
void searchTiles(Search& s, const View& full)
{
    // ZXing scans every (height/256)th row: small tiles get nearly every row, as a small photo would.
    const int tile = kTileSide;
    const int step = tile * 3 / 4; // overlap, so a symbol cut by one tile is whole in the next
    int n = 0;
    for (int y = 0; y < full.grey.rows && !s.done(); y += step) {
        for (int x = 0; x < full.grey.cols && !s.done(); x += step) {
            const cv::Rect r = cv::Rect(x, y, tile, tile) & cv::Rect(0, 0, full.grey.cols, full.grey.rows);
            if (r.width < tile / 4 || r.height < tile / 4)
                continue;
            View v{full.grey(r), chain(full.toInput, cv::Matx23d(1, 0, -r.x, 0, 1, -r.y)), innerOf(full, r)};
            s.run("tile" + std::to_string(++n), v, Binarizer::LocalAverage, false);
            if (x + tile >= full.grey.cols)
                break;
        }
        if (y + tile >= full.grey.rows)
            break;
    }
}

// Aggressive variants of `base` (upscaling for small views only, sharpening, contrast, fixed and adaptive
// thresholds, smoothing, small rotations). They vote: a GTIN counts only when two views agree. The
// view's innerInput carries over to every variant.
void searchVariants(Search& s, const View& base, const std::string& p)
{
    const auto LA = Binarizer::LocalAverage;
    const auto FT = Binarizer::FixedThreshold;
    if (std::max(base.grey.cols, base.grey.rows) <= kSmallSide) {
        View up;
        s.run(
            p + "up2", [&]() -> const View& { return up = scaled(base, 2.0, cv::INTER_CUBIC); }, LA, false);
        s.run(
            p + "up2", [&]() -> const View& { return up; }, FT, false);
        s.run(
            p + "up2-sharp", [&] { return sharpened(up); }, LA, false);
        s.run(
            p + "up2-adapt", [&] { return binarizedAdaptive(up); }, FT, false);
        s.run(
            p + "up3", [&] { return scaled(base, 3.0, cv::INTER_CUBIC); }, LA, false);
    }
    s.run(
        p + "half", [&] { return scaled(base, 0.5, cv::INTER_AREA); }, LA, false);
    s.run(
        p + "sharp", [&] { return sharpened(base); }, LA, false);
    s.run(
        p + "sharp-mild", [&] { return sharpenedBy(base, 1.0, 0.5); }, LA, false);
    s.run(
        p + "clahe", [&] { return contrasted(base); }, LA, false);
    s.run(p + "base", base, FT, false);
    s.run(
        p + "adapt", [&] { return binarizedAdaptive(base); }, FT, false);
    s.run(
        p + "smooth", [&] { return smoothed(base); }, LA, false);
    s.run(
        p + "median", [&] { return medianed(base); }, LA, false);
    for (double deg : {8.0, -8.0, 15.0, -15.0, 25.0, -25.0})
        s.run(
            p + "rot" + std::to_string(static_cast<int>(deg)), [&] { return rotated(base, deg); }, LA, false);
}

void searchAll(Search& s, const View& full)
{
    const int side = std::max(full.grey.cols, full.grey.rows);
    const bool large = side > kBaseSide;
    const View base = large ? scaled(full, static_cast<double>(kBaseSide) / side, cv::INTER_AREA) : full;
    const auto LA = Binarizer::LocalAverage;
    const auto FT = Binarizer::FixedThreshold;

    // A decision from the whole photo or its tiles is cross-checked on the best located region. The locator works
    // at kCheckSide, so it starts from the scaled view rather than shrinking the whole photo again (an area
    // resize of a 12 MP photo: ~19 ms, a fifth of the barcode stage when the first pass decides).
    const auto checkOnRegion = [&] {
        if (!s.decidedUnchecked())
            return;
        const auto regions = detail::locateBarcodes(base.grey, 1, kCheckSide);
        if (!regions.empty())
            s.crossCheck("region1", regionView(full, inputRegion(base, regions.front())));
    };

    // Stage 1, trusted (verified, then cross-checked): plain ZXing on the whole photo (scaled), then at full
    // resolution.
    s.run("base", base, LA, true);
    if (large)
        s.run("full", full, LA, true);
    checkOnRegion();
    if (s.done())
        return;

    // Stage 2: full-resolution tiles of a large photo; each read is confirmed by a verification crop.
    if (large)
        searchTiles(s, full);
    checkOnRegion();
    if (s.done())
        return;

    // Regions that look like barcodes, cut out at full resolution and deskewed. The best one read plainly
    // is trusted (always verified); everything votes.
    const auto located = [&] {
        if (s.done())
            return;
        std::vector<View> regions;
        const int workSide = std::clamp(side * 2 / 5, 800, 1600);
        for (const auto& r : detail::locateBarcodes(full.grey, kMaxRegions, workSide))
            regions.push_back(regionView(full, r));
        for (std::size_t i = 0; i < regions.size() && !s.done(); ++i) {
            const std::string name = "region" + std::to_string(i + 1);
            s.run(name, regions[i], LA, i == 0, false);
            s.runModel(name + "-model", regions[i]);
            s.run(name, regions[i], FT, false, false);
            s.run(
                name + "-sharp", [&] { return sharpened(regions[i]); }, LA, false, false);
            s.run(
                name + "-adapt", [&] { return binarizedAdaptive(regions[i]); }, FT, false, false);
            s.run(
                name + "-median", [&] { return medianed(regions[i]); }, LA, false, false);
        }
    };

    // The most barcode-like tiles of a large photo, widened, get the locator at full resolution (a tight
    // crop matters: ZXing thresholds whole rows, and a wide flat label around a small symbol skews that)
    // and the aggressive variants. All of it votes.
    const auto hotTiles = [&] {
        if (s.done())
            return;
        int hot = 0;
        for (const auto& t : detail::rankTiles(full.grey, kTileSide, kHotTiles)) {
            if (s.done())
                break;
            const int grow = kTileSide / 4;
            const cv::Rect r = cv::Rect(t.x - grow, t.y - grow, t.width + 2 * grow, t.height + 2 * grow) &
                               cv::Rect(0, 0, full.grey.cols, full.grey.rows);
            const View v{full.grey(r), chain(full.toInput, cv::Matx23d(1, 0, -r.x, 0, 1, -r.y)), innerOf(full, r)};
            const std::string p = "hot" + std::to_string(++hot) + ":";
            const auto inTile = detail::locateBarcodes(v.grey, 2, std::max(v.grey.cols, v.grey.rows));
            for (std::size_t i = 0; i < inTile.size() && !s.done(); ++i) {
                View rv = regionView(v, inTile[i]);
                rv.innerInput = v.innerInput;
                const std::string name = p + "region" + std::to_string(i + 1);
                s.run(name, rv, LA, false, false);
                s.runModel(name + "-model", rv);
                s.run(
                    name + "-sharp", [&] { return sharpened(rv); }, LA, false, false);
                s.run(
                    name + "-adapt", [&] { return binarizedAdaptive(rv); }, FT, false, false);
                s.run(
                    name + "-median", [&] { return medianed(rv); }, LA, false, false);
                s.run(
                    name + "-up2", [&] { return scaled(rv, 2.0, cv::INTER_CUBIC); }, LA, false, false);
            }
            searchVariants(s, v, p);
        }
    };

    // Stages 3 and 4: a small symbol in a large photo is found sooner through the tile ranking.
    if (large) {
        hotTiles();
        located();
    } else {
        located();
    }

    // Stage 5: aggressive variants of the whole (scaled) photo.
    searchVariants(s, base, "");
}

} // namespace

std::optional<Barcode> readBarcode(const image::Image& img, const ReadOptions& options)
{
    ReadStats stats;
    return readBarcode(img, options, stats);
}

std::optional<Barcode> readBarcode(const image::Image& img, const ReadOptions& options, ReadStats& stats)
{
    stats = {};
    const auto t0 = Clock::now();
    if (img.empty() || (img.channels != 1 && img.channels != 3) ||
        img.pixels.size() < static_cast<std::size_t>(img.width) * img.height * img.channels)
        return std::nullopt;
    Search search(img, options, stats);
    try {
        View full;
        full.toInput = identity();
        if (img.channels == 3)
            cv::cvtColor(image::asMat(img), full.grey, cv::COLOR_BGR2GRAY);
        else
            full.grey = image::asMat(img);
        if (options.singlePass())
            search.run("full", full, Binarizer::LocalAverage, true);
        else {
            search.setFull(&full);
            searchAll(search, full);
        }
    } catch (const cv::Exception&) {
        // An OpenCV failure in one of our own transforms: report what was found so far (nothing, usually).
    } catch (const std::bad_alloc&) {
    }
    search.finish();
    stats.ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    return search.result();
}

} // namespace labelcheck::barcode
