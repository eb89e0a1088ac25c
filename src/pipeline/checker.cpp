#include "labelcheck/pipeline/checker.hpp"

#include "labelcheck/db/database.hpp"
#include "labelcheck/facts/dv_era.hpp"
#include "labelcheck/facts/electrolyte_claim.hpp"
#include "labelcheck/facts/facts.hpp"
#include "labelcheck/facts/mentions.hpp"
#include "labelcheck/facts/merge.hpp"
#include "labelcheck/facts/nutrient_name.hpp"
#include "labelcheck/facts/panel_title.hpp"
#include "labelcheck/image/grey.hpp"
#include "labelcheck/image/rectify.hpp"
#include "labelcheck/image/text_direction.hpp"
#include "labelcheck/ocr/engine.hpp"
#include "labelcheck/ocr/line_grouping.hpp"
#include "labelcheck/ocr/panel_read.hpp"
#include "labelcheck/ocr/photo_text.hpp"
#include "labelcheck/panel/finder.hpp"
#include "labelcheck/panel/label_outline.hpp"
#include "labelcheck/pipeline/verdict.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <utility>

namespace labelcheck::pipeline {

namespace {

// Error messages are one line in every output format.
std::string oneLine(std::string s)
{
    std::replace_if(
        s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return s;
}

// A 1D symbol's corners often span only the scan line that decoded it (a flat quadrilateral): widen such an
// outline to a box a quarter as tall as it is long, so that the report shows where the barcode is.
std::vector<report::Point> toPoints(const std::array<barcode::Point, 4>& corners)
{
    std::vector<report::Point> pts;
    for (const auto& c : corners)
        pts.push_back({c.x, c.y});
    const double dx = corners[1].x - corners[0].x, dy = corners[1].y - corners[0].y;
    const double length = std::hypot(dx, dy);
    const double height = std::hypot(corners[3].x - corners[0].x, corners[3].y - corners[0].y);
    if (length > 0 && height < 0.1 * length) {
        // The normal to the long side, scaled to half the box height (an eighth of the length).
        const double nx = -dy * 0.125, ny = dx * 0.125;
        const auto shift = [](const barcode::Point& p, double x, double y) {
            return report::Point{static_cast<int>(std::lround(p.x + x)), static_cast<int>(std::lround(p.y + y))};
        };
        pts = {shift(corners[0], -nx, -ny), shift(corners[1], -nx, -ny), shift(corners[2], nx, ny),
               shift(corners[3], nx, ny)};
    }
    return pts;
}

std::vector<report::Point> toPoints(const image::Quad& quad)
{
    std::vector<report::Point> pts;
    for (const auto& c : quad)
        pts.push_back({static_cast<int>(std::lround(c.x)), static_cast<int>(std::lround(c.y))});
    return pts;
}

std::vector<std::string> lineTexts(const std::vector<TextLine>& lines)
{
    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const auto& l : lines)
        out.push_back(l.text());
    return out;
}

// How many of the four minerals `f` holds.
int mineralCount(const facts::Facts& f)
{
    return int(std::count_if(f.minerals.begin(), f.minerals.end(), [](const auto& m) { return m.has_value(); }));
}

bool hasMinerals(const facts::Facts& f)
{
    return mineralCount(f) > 0;
}

// How many panel candidates are read before giving up: each costs a rectification and an OCR pass.
constexpr int kMaxPanelCandidates = 2;

// The finder's working size (long side, pixels) for a second search when its default finds nothing readable.
constexpr int kFinerFindSide = 2000;
// The shortest rule (working pixels) of a last search at that size, where a twentieth of its long side (100) is
// the default: 60, the default search's own floor. On 208 generated photos: verdicts 203 -> 204, fields 791 -> 793
// (photo 177, a can's panel 4 % as wide as the photo), nothing else changed. Taken for the finer search itself, it
// also made 177 right, but that search then read another photo's panel clipped at its left edge first (096: sodium
// lost, a false `incomplete`).
constexpr int kShortRulePx = 60;
// Offsets (degrees) from the photo's dominant edge angle at which the panel search is tried again, in turn,
// while no panel was read or its read found none of the four minerals. The dominant edges may be a barcode's
// bars or the pack's; under perspective a panel's rows are sheared away from them, and rules ~3 degrees off
// the levelling break apart. On 208 generated photos: +-3.5 only (when no panel was read): 188 verdicts right;
// +-3.5, 8 and 12: 192; also after a read that found no mineral: 195, mineral fields 723 -> 757 of 832.
// Past 12 degrees the rows are levelled by a shear, which keeps the panel's sides upright, as a pack seen from
// one side keeps them (panel::FindOptions::shearDeg): rows fanned 13-24 degrees from the pack's edges, which no
// rotation held whole. Sheared by +-16 and 20 after the rotations: verdicts 205 -> 206, fields 802 -> 810 (068,
// 101, 203), no other output changed, ~2 % more time. Shearing in place of the rotations: fields 805, verdicts
// 204 (claims and a panel's rows lost on 063, 086, 176); sheared at +-8 and 12 as well: 097's sodium read, a
// false `incomplete` (its other minerals lie in small type that read garbled), and 063's claim lost.
struct LevelRetry {
    double degrees;
    bool shear; // levelled by a vertical shear rather than a rotation
};
constexpr std::array<LevelRetry, 10> kLevelRetries{{{-3.5, false},
                                                    {3.5, false},
                                                    {-8.0, false},
                                                    {8.0, false},
                                                    {-12.0, false},
                                                    {12.0, false},
                                                    {-16.0, true},
                                                    {16.0, true},
                                                    {-20.0, true},
                                                    {20.0, true}}};

// Without a panel outline the whole photo is read at this size (long side, pixels) for a panel's rows.
constexpr int kWholePhotoLongSide = 2400;

// The second look for a claim drops ink of less contrast than this (0-255; ocr::PhotoTextOptions::faintInk).
constexpr int kFaintInk = 64;

// The reads of a candidate: its quad grown by growX of its width left and right and growY of its height
// above and below (the finder's corners can clip the title or the last rows), at a text size, as grey ink
// or binarised. Later reads are made while the panel lacks a mineral or reads weakly; their minerals fill
// the gaps. The two image forms fail on different rows (grey keeps blurred strokes, a threshold sharpens
// faint ones): on 208 generated photos, grey then binary reads 167 verdicts right, grey twice 163, binary
// twice 158. Glyphs of 22 px (x-height ~17) read as well as 26 px (170 verdicts right against 171) and 13 %
// faster (the recogniser's time grows with the pixels of each line); 20 px loses 4. Read as a column of lines (see
// ocr::RecognizeOptions::layout) unless `layout` says otherwise.
struct PanelRead {
    float growX, growY, glyphPx;
    image::RectifiedOutput output;
    ocr::Layout layout = ocr::Layout::Column;
};
constexpr std::array<PanelRead, 2> kPanelReads{
    {{0.03f, 0.04f, 22.0f, image::RectifiedOutput::Ink}, {0.08f, 0.12f, 22.0f, image::RectifiedOutput::Binary}}};

// `read` as one block (PSM 6) rather than a column of lines.
constexpr PanelRead asBlock(PanelRead read)
{
    read.layout = ocr::Layout::Block;
    return read;
}

// The read of an outline taken on past where the finder saw the panel end (its head or foot in readCandidates, its
// left edge in Checker::check): the first read's form, as one block. The outline's corners no longer follow the rows
// there and the rows come out tilted in the image; Tesseract's column layout then merges or drops them, and a block
// keeps each row with the values far to its right.
constexpr PanelRead kTakenOnRead = asBlock(kPanelReads.front());

bool allMinerals(const facts::Facts& f)
{
    return mineralCount(f) == int(f.minerals.size());
}

// How well a panel read went: a title and nutrient rows with amounts. 0: nothing of a panel.
int readScore(const facts::Facts& f)
{
    if (!f.panel && !hasMinerals(f))
        return 0;
    int rows = 0;
    for (const auto& n : f.nutrients)
        rows += n.amount.has_value() || n.dailyValuePct.has_value();
    return 1 + (f.panel ? 4 : 0) + std::min(rows, 8);
}

// How far (a share of the outline's height) a panel outline is taken on past an end that its reads did not
// reach: by its height, then, while a read still holds no end there, three times it.
constexpr std::array<float, 2> kExtendBy{1.0f, 3.0f};

// A panel read whose lines started with names cut at their start this often (facts::cutNameLines) was outlined short
// of its left edge, and is read again taken on to the left by this share of its width. On 208 generated photos of
// another seed (777): fields 789 -> 798 of 832, verdicts 201 -> 203 (two false `incomplete` gone: 126, 195), no
// output worse; on the 208 of seed 20261125, no output changed. Taken on in readCandidates, for any candidate: a
// fragment read first took a mineral and was kept over the whole panel (096: a false `incomplete`). The lines of every
// read of the candidate count, the reads taken on past its ends or its heavy rules as well: seed 4242's 202 (outlined
// short on its left and at its foot, "gnesium 4%" read only when taken on downwards) gained calcium and magnesium,
// 777's 119 its potassium; seed 20261125's outputs unchanged.
constexpr int kCutLines = 2;
constexpr float kWidenBy = 0.25f;

// A candidate whose first read found nothing of a panel (no title, no row) in an image larger than this (pixels at
// the reads' glyph size; such an image is read one way up only, see readQuad) gets no binarised read: that read rescues
// small outlines whose grey read failed (seed 777's 009, its title read "Nutrition F"), but on the 624 photos of seeds
// 20261125, 777 and 4242 it rescued none of the 40 first reads over 3 MP (up to the rectifier's 8 MP cap: a whole label
// or a bottle's side outlined, glyphs measured from noise), which cost seconds each: -7.5 % of CPU on the 43 photos of
// >= 11 MP, no verdict, field or claim changed (one photo's confidences). Outlines this large that read a panel are
// common.
constexpr long kLargestPanelPixels = 3'000'000;

// A candidate's first read that found no mineral, its words read with a mean confidence under this, in an image whose
// type runs up and down rather than across (at least this many glyph-sized marks, lined up in rows less than this share
// of how they line up in columns: image::measureTextDirection), had the panel outlined on its side: the finder also
// searches the photo turned a quarter round, and there a whole label's sides can pass for rules (seed 777's 098: a
// landscape label outlined sideways, its clean panel read as noise that parsed as two rows). The candidate is read
// again a quarter turned each way, and the first turned read that scores better is kept, with its way round for the
// candidate's other reads. Upright panels measured 1.1-7 where a read found text, tall narrow ones down to ~0.4; that
// sideways label 0.47-0.48.
constexpr float kSidewaysBelowConfidence = 0.5f;
constexpr int kSidewaysMarks = 100;
constexpr double kSidewaysRatio = 0.6;

// A read of a panel (its title, or rows that name one) with this many rows is not retried; when its reads also
// held the panel's head, no further candidate is read.
constexpr int kGoodRead = 1 + 4 + 4;

// A panel's first read that held it whole and clearly is not read again binarised (the second of kPanelReads): its head
// and its foot read, no gap between two lines wider than kWholeReadGap line heights (the column layout drops rows and
// leaves their place empty), at most kWholeReadWeakLines lines read under kWeakLineConfidence (mean word confidence),
// each of the four it read read at kWholeReadMineral or more, none unreadable and none estimated for an amount that did
// not read. The second read finds rows the first lost or garbled, which after such a read it rarely does: on the three
// seeds' 624 generated photos, 127 of 547 second reads were made after such a read, and 1 of those 127 changed what
// the panel gave (105 of the 547 did); skipped, no verdict, field, GTIN or claim changed (5 outputs moved in
// confidences only).
// On the 43 large photos: outputs identical, 14 of their 42 second reads skipped, the median time per photo 7-10 % less
// (paired, cores swapped: 999 -> 906 ms and 997 -> 902 ms; means -7 %).
constexpr float kWholeReadGap = 1.5f;
constexpr int kWholeReadWeakLines = 1;
constexpr float kWeakLineConfidence = 0.6f;
constexpr double kWholeReadMineral = 0.7;

// `q` (TL, TR, BR, BL) with its corners named from the next side round: `quarters` 1 takes its right side for the
// top (what it outlines turned a quarter to the left), 2 its bottom, 3 its left side.
image::Quad quarterTurned(const image::Quad& q, int quarters)
{
    const auto corner = [&](int k) { return q[std::size_t((k + quarters) % 4)]; };
    return image::Quad{corner(0), corner(1), corner(2), corner(3)};
}

// `q` (TL, TR, BR, BL of the upright panel) grown by `g` along its own sides; clamped to the photo.
image::Quad grownQuad(const image::Quad& q, const image::Growth& g, int width, int height)
{
    image::Quad out = image::grown(q, g);
    for (auto& p : out) {
        p.x = std::clamp(p.x, 0.0f, float(width - 1));
        p.y = std::clamp(p.y, 0.0f, float(height - 1));
    }
    return out;
}

// A line of a panel read, and where it lies in the photo.
struct ReadLine {
    image::Quad where; // photo pixels
    std::string text;
};

// How a read of a panel was rectified and which way up it read: the reads of the same panel taken on further are
// rectified alike (image::RectifyOptions::scale, inverted; 0 and nullopt: measured again), and every later read of
// it is read the way up its first read found (ocr::PanelReadOptions::upsideDown).
struct Settled {
    double scale = 0;
    std::optional<bool> inverted;
    std::optional<bool> upsideDown;
};

// The best read of the facts panel so far, and where it is.
struct PanelPick {
    std::optional<facts::Facts> facts;
    std::optional<image::Quad> quad; // TL, TR, BR, BL of the panel upright
    float glyphPx = 0;               // its glyph height in photo pixels
    Settled settled;                 // the rectification scale and polarity of its best read (`quad` is upright)
    int score = 0;                   // readScore
    int minerals = 0;                // how many of the four it found: breaks a tie of scores
    bool head = false;               // its reads held the panel's head (title, "Serving Size", ...)
    int cutLines = 0;                // the most lines of one of its reads that start with a cut name
    bool titled = false;             // its type is a title's that one of its reads held, not its rows'
    std::vector<image::Quad> read;   // every candidate read so far
    std::vector<ReadLine> lines;     // the confident lines of the read kept
};

// Whether `a` and `b` outline the same region: each corner of one lies within `tolerance` of the share of
// `a`'s diagonal from a corner of the other (in any order: a search levelled otherwise may turn the outline).
bool sameRegion(const image::Quad& a, const image::Quad& b, float tolerance)
{
    const auto dist = [](image::PointF p, image::PointF q) { return std::hypot(p.x - q.x, p.y - q.y); };
    const float limit = tolerance * dist(a[0], a[2]);
    const auto covered = [&](const image::Quad& from, const image::Quad& to) {
        return std::all_of(from.begin(), from.end(), [&](image::PointF p) {
            return std::any_of(to.begin(), to.end(), [&](image::PointF q) { return dist(p, q) <= limit; });
        });
    };
    return covered(a, b) && covered(b, a);
}

// A candidate whose outline is within this share of its diagonal of one already read is not read again.
constexpr float kSameOutline = 0.03f;

// One read of a panel: its facts, glyph height in photo pixels, its confident lines, and how it was rectified and
// which way up it read.
struct OneRead {
    facts::Facts facts;
    float glyphPx = 0;
    std::vector<ReadLine> lines;
    facts::PanelEnds ends;          // which ends of the panel the read holds
    int cutLines = 0;               // lines that start with a nutrient's name cut at its start (facts::cutNameLines)
    std::optional<PanelType> title; // the panel title it read
    Settled settled;                // its rectification's scale and polarity, and the way up it read (always set)
    long pixels = 0;                // of the image read
    bool sideways = false;          // asked for: no mineral, weakly read, type running up and down (kSidewaysRatio)
    float widestGap = 0;            // ocr::widestLineGap of the lines read
    int weakLines = 0;              // lines read under kWeakLineConfidence
};

// Whether `one` held its panel whole and clearly (see kWholeReadGap).
bool readWhole(const OneRead& one)
{
    const facts::Facts& f = one.facts;
    if (!one.ends.head || !one.ends.foot || one.widestGap >= kWholeReadGap || one.weakLines > kWholeReadWeakLines)
        return false;
    for (std::size_t i = 0; i < f.minerals.size(); ++i) {
        const auto& m = f.minerals[i];
        if (f.unreadable[i] || f.amountUnreadLine[i] >= 0 || (m && m->confidence && *m->confidence < kWholeReadMineral))
            return false;
    }
    return true;
}

// A panel line read with this mean word confidence is not read again by the package face's read; a line read
// worse may hold a claim that read garbled, and stays for that read.
constexpr float kReadLineConfidence = 0.8f;

// Where the confident lines of `text` (read from `rectified`) lie in the photo: each line's box grown by a
// fifth of the glyph height (a blurred edge would read as marks), taken back through the rectification's
// homography. None when the rectification also levelled or straightened the rows (a skewed or curved panel)
// by more than that margin: the homography leaves that out, and the boxes would cover other lines.
std::vector<ReadLine> confidentLines(const ocr::PanelText& text, const image::RectifiedPanel& rectified)
{
    std::vector<ReadLine> out;
    const float grow = std::max(2.0f, rectified.glyphHeightPx / 5);
    if (image::unmappedShiftPx(rectified) > grow)
        return out;
    const float w = float(rectified.image.width), h = float(rectified.image.height);
    const auto toPhoto = [&](float x, float y) {
        // The recogniser read the image turned half round.
        return text.upsideDown ? image::toPhoto(rectified, {w - 1 - x, h - 1 - y}) : image::toPhoto(rectified, {x, y});
    };
    for (const auto& line : text.lines) {
        if (line.words.empty() || line.confidence() < kReadLineConfidence)
            continue;
        const float x0 = float(line.box.x) - grow, y0 = float(line.box.y) - grow;
        const float x1 = float(line.box.x + line.box.width) + grow, y1 = float(line.box.y + line.box.height) + grow;
        out.push_back({{toPhoto(x0, y0), toPhoto(x1, y0), toPhoto(x1, y1), toPhoto(x0, y1)}, line.text()});
    }
    return out;
}

// A mineral row whose printed amount the panel's read garbled, or read at odds with the row's %DV, so that its mg was
// estimated from the %DV (facts::Facts::amountUnreadLine), is read again alone (ocr::readBand): the band of its values'
// line grown by a third of the line's height above and below. The read replaces that line and the panel is parsed
// again; the mineral is taken from it when its amount now rounds to the same %DV (facts::confirmedByDailyValue), which
// a misread rarely does. Seed 4242's 056: "phosphate) 9mg 2%" in the panel's read, "95mg 2%" alone. On the three
// seeds' 624 generated photos: fields 820 / 824 / 821 -> 821 / 824 / 822 (20261125's 023 calcium "26" estimated from
// its 2% -> 30 mg; 4242's 056 potassium 94 estimated -> 95 mg), verdicts unchanged, one other output moved in
// confidence only; on the 43 large photos no output changed and the time did not move (paired ratio 0.998).
void rereadUnreadAmounts(ocr::Engine& engine, const image::Image& panel, const ocr::PanelText& text,
                         facts::Facts& parsed)
{
    for (Mineral m : kMinerals) {
        const int li = parsed.amountUnreadLine[index(m)];
        if (li < 0 || li >= int(text.lines.size()) || !parsed.minerals[index(m)])
            continue;
        const Box& box = text.lines[std::size_t(li)].box;
        const int grow = box.height / 3;
        auto band = ocr::readBand(engine, panel, box.y - grow, box.y + box.height + grow, text.upsideDown);
        if (!band || band->words.empty())
            continue;
        std::vector<TextLine> lines = text.lines;
        lines[std::size_t(li)] = std::move(*band);
        const facts::Facts again = facts::parseFacts(lines);
        const auto& now = again.minerals[index(m)];
        if (now && now->dailyValuePct == parsed.minerals[index(m)]->dailyValuePct &&
            facts::confirmedByDailyValue(m, *now)) {
            parsed.minerals[index(m)] = now;
            parsed.amountUnreadLine[index(m)] = -1; // read now, not estimated
        }
    }
}

// Reads the panel at `quad` (TL, TR, BR, BL, grown already) at the glyph size and image form `read` says; with
// `askSideways`, a read that found no mineral, weakly, is measured for type running up and down (OneRead::sideways).
// nullopt when the quad cannot be rectified or read.
std::optional<OneRead> readQuad(ocr::Engine& engine, const image::Image& photo, const image::Quad& quad,
                                const PanelRead& read, const Settled& settled = {}, bool askSideways = false)
{
    image::RectifyOptions rectifyOptions;
    rectifyOptions.scale = settled.scale;
    rectifyOptions.inverted = settled.inverted;
    rectifyOptions.targetGlyphHeightPx = read.glyphPx;
    rectifyOptions.output = read.output;
    auto rectified = image::rectifyPanel(photo, quad, rectifyOptions);
    if (!rectified)
        return std::nullopt;
    ocr::PanelReadOptions readOptions;
    readOptions.upsideDown = settled.upsideDown;
    // An image over kLargestPanelPixels is not read again turned round either (its way up unknown and its words weak):
    // on the 624 photos no output changed, -2.2 % of CPU on the 43.
    readOptions.retryAtMostPixels = kLargestPanelPixels;
    readOptions.recognize.layout = read.layout;
    auto text = ocr::readPanel(engine, rectified->image, readOptions);
    if (!text)
        return std::nullopt;
    const auto texts = lineTexts(text->lines);
    facts::Facts parsed = facts::parseFacts(text->lines);
    rereadUnreadAmounts(engine, rectified->image, *text, parsed);
    bool sideways = false;
    if (askSideways && !hasMinerals(parsed) && text->meanConfidence < kSidewaysBelowConfidence) {
        const image::TextDirection direction = image::measureTextDirection(rectified->image);
        sideways = direction.marks >= kSidewaysMarks && direction.rowsOverColumns < kSidewaysRatio;
    }
    const int weakLines = int(std::count_if(text->lines.begin(), text->lines.end(),
                                            [](const TextLine& l) { return l.confidence() < kWeakLineConfidence; }));
    return OneRead{std::move(parsed),
                   rectified->scale > 0 ? float(rectified->glyphHeightPx / rectified->scale) : 0.0f,
                   confidentLines(*text, *rectified),
                   facts::panelEnds(texts),
                   facts::cutNameLines(texts),
                   facts::panelTitle(texts),
                   {rectified->scale, rectified->inverted, text->upsideDown},
                   long(rectified->image.width) * rectified->image.height,
                   sideways,
                   ocr::widestLineGap(text->lines),
                   weakLines};
}

// Reads the panel at `corners` (TL, TR, BR, BL) as `read` says: rectified from the quad grown by its growX
// and growY, read the way up `upsideDown` says (nullopt: either); `askSideways` as readQuad. nullopt when the quad
// cannot be rectified or read.
std::optional<OneRead> readPanelAt(ocr::Engine& engine, const image::Image& photo, const image::Quad& corners,
                                   const PanelRead& read, std::optional<bool> upsideDown, bool askSideways = false)
{
    Settled settled;
    settled.upsideDown = upsideDown;
    return readQuad(engine, photo,
                    grownQuad(corners, {read.growX, read.growX, read.growY, read.growY}, photo.width, photo.height),
                    read, settled, askSideways);
}

// What another read of the same panel adds to `into`: the minerals it lacks or read worse, and a claim or compounds
// that only the other read held whole.
void mergeRead(facts::Facts& into, const facts::Facts& from)
{
    facts::mergeMinerals(into, from);
    facts::mergeMentions(into, from);
}

// Reads the most panel-like `candidates` in turn into `pick`. Each is read from its quad grown a little (the
// finder's corners can clip the title or the last rows); a weak read is retried from a quad grown further,
// and the best read of all wins. The other reads of the same candidate fill its minerals, and their claim and
// compounds count as well (facts::mergeMentions): on seed 4242, 158's outline clipped the panel's left edge and the
// read kept had "actrolyte Blend", which the read widened to the left had whole (verdict 198 -> 199 of 208; on
// seeds 20261125 and 777 no verdict, field or claim changed).
void readCandidates(ocr::Engine& engine, const image::Image& photo, const std::vector<panel::Panel>& candidates,
                    PanelPick& pick)
{
    int tried = 0;
    for (const auto& candidate : candidates) {
        if (tried++ >= kMaxPanelCandidates)
            break;
        if (std::any_of(pick.read.begin(), pick.read.end(),
                        [&](const image::Quad& q) { return sameRegion(candidate.corners, q, kSameOutline); }))
            continue;
        pick.read.push_back(candidate.corners);
        std::optional<facts::Facts> candidateBest;
        int candidateScore = 0;
        float candidateGlyph = 0;
        Settled candidateSettled; // the best read's scale and polarity
        std::vector<ReadLine> candidateLines;
        facts::PanelEnds ends; // the ends of the panel any read held
        int cutLines = 0;      // the most lines of one read that start with a name cut at its start
        std::optional<PanelType> title; // the first title a read held
        // The way up that the candidate's first read finding a panel settled: its later reads are read that way
        // only (the 180-degree retry of a weak read, ocr::readPanel, is the first read's).
        std::optional<bool> upsideDown;
        image::Quad corners = candidate.corners; // a quarter turned when the candidate was outlined sideways
        std::optional<image::Quad> throughRules = candidate.throughRules;
        bool turned = false;
        bool whole = false; // the first read held the panel whole and clearly (readWhole)
        for (const auto& read : kPanelReads) {
            if (candidateBest && ((candidateScore >= kGoodRead && allMinerals(*candidateBest)) || whole))
                break;
            // Only a read that could still turn the candidate is measured for it.
            const bool askSideways = !turned && !upsideDown;
            auto one = readPanelAt(engine, photo, corners, read, upsideDown, askSideways);
            if (!one)
                continue;
            if (one->sideways) {
                turned = true;
                for (int quarters : {1, 3}) {
                    const image::Quad turnedCorners = quarterTurned(candidate.corners, quarters);
                    auto again = readPanelAt(engine, photo, turnedCorners, read, upsideDown);
                    if (again && readScore(again->facts) > readScore(one->facts)) {
                        corners = turnedCorners;
                        if (candidate.throughRules)
                            throughRules = quarterTurned(*candidate.throughRules, quarters);
                        one = std::move(again);
                        break;
                    }
                }
            }
            facts::Facts& f = one->facts;
            const int score = readScore(f);
            if (score == 0) {
                if (one->pixels > kLargestPanelPixels)
                    break;
                continue;
            }
            upsideDown = one->settled.upsideDown;
            ends.head = ends.head || one->ends.head;
            ends.foot = ends.foot || one->ends.foot;
            title = title ? title : one->title;
            cutLines = std::max(cutLines, one->cutLines);
            whole = !candidateBest && readWhole(*one);
            if (!candidateBest || score > candidateScore) {
                if (candidateBest)
                    mergeRead(f, *candidateBest);
                candidateBest = std::move(f);
                candidateScore = score;
                candidateGlyph = one->glyphPx;
                candidateSettled = one->settled;
                candidateLines = std::move(one->lines);
            } else {
                mergeRead(*candidateBest, f);
            }
        }
        // A Nutrition Facts panel still short of a mineral is read once more taken on past its heavy rules,
        // in the first read's form (binarising drops the light type that section is often printed in).
        if (candidateBest && throughRules && candidateBest->panel == PanelType::NutritionFacts &&
            !allMinerals(*candidateBest))
            if (auto one = readPanelAt(engine, photo, *throughRules, kPanelReads.front(), upsideDown)) {
                mergeRead(*candidateBest, one->facts);
                cutLines = std::max(cutLines, one->cutLines);
            }
        // A panel still short of a mineral whose reads held no head (title, "Serving Size") or no foot (footnote,
        // ingredients) may have been outlined short of its top or bottom: a heavy rule inside it taken for its edge,
        // a curved bottle's rules bent away. That side is read once more, the outline taken on by its own height,
        // and the read fills the minerals still missing. On 208 generated photos (seed 20261125): 31 such reads while
        // the foot counted only below a row read without values, fields +2 (074: a curved bottle's panel outlined
        // from its middle rule down; 084: an outline ending above the potassium row); past any missing foot, 49 reads
        // and no output changed. On the 208 of seed 777, that wider trigger gained 079's potassium and magnesium (an
        // outline ending at "Total Sugars", the rows below it lost) and changed nothing else. Only for a candidate that
        // read one of the four already: taken on from one that read none, the read may catch part of the real panel,
        // and a candidate with a mineral stops the searches that would have read the panel whole (198, when its
        // upside-down read was taken the right way).
        // Taken on by its height, a read that still holds no end there and leaves a mineral missing is made once more
        // from the outline taken on three times its height: the outline was a panel's first section (seed 4242's 060:
        // a tall Nutrition Facts panel outlined from its title to the rule under the fat rows).
        // Read as one block (kTakenOnRead), not a column: seed 4242's 052 read "Calcium 54 mg 4%" as ": os s4mg a" in a
        // column, the rows above it lost, and "Calcium S4mg 4" as a block. On the three seeds' 624
        // generated photos: verdicts 208 / 207 / 201 -> 208 / 207 / 202, fields 820 / 824 / 819 -> 820 / 824 / 820
        // (4242's 052 gains calcium and is `complete`; 20261125's 115 gains calcium estimated from its %DV and 097
        // holds its calcium row unreadable instead, both still `complete`); 12 other outputs moved in confidences only
        // (and 20261125's 147 lost potassium's "<1%"). The second read of every candidate as a block as well lost
        // 2 / 1 / 0 fields and a verdict.
        for (float by : kExtendBy) {
            if (!candidateBest || !hasMinerals(*candidateBest) || allMinerals(*candidateBest) ||
                (ends.head && ends.foot))
                break;
            const PanelRead& read = kTakenOnRead;
            float up = ends.head ? read.growY : by, down = ends.foot ? read.growY : by;
            // The finder's corner order says which way is up unless the reads found the panel upside down.
            if (upsideDown.value_or(false))
                std::swap(up, down);
            const image::Quad quad = grownQuad(corners, {read.growX, read.growX, up, down}, photo.width, photo.height);
            auto one = readQuad(engine, photo, quad, read, candidateSettled);
            if (!one)
                break;
            mergeRead(*candidateBest, one->facts);
            title = title ? title : one->title;
            cutLines = std::max(cutLines, one->cutLines);
            ends.head = ends.head || one->ends.head;
            ends.foot = ends.foot || one->ends.foot;
        }
        // The best read may have lost the title that another read held (its type then came from its rows).
        if (candidateBest && title)
            candidateBest->panel = title;
        // Of two reads that score alike (title and rows enough), the one with more of the four minerals: a
        // panel clipped at its left edge reads as many rows as the whole one, but its names are cut.
        const int candidateMinerals = candidateBest ? mineralCount(*candidateBest) : 0;
        if (candidateBest &&
            (candidateScore > pick.score || (candidateScore == pick.score && candidateMinerals > pick.minerals))) {
            if (!candidateBest->panel && candidate.type != panel::PanelType::Unknown)
                candidateBest->panel = candidate.type == panel::PanelType::SupplementFacts ? PanelType::SupplementFacts
                                                                                           : PanelType::NutritionFacts;
            pick.score = candidateScore;
            pick.minerals = candidateMinerals;
            pick.facts = std::move(candidateBest);
            // The finder's corner order says which way is up unless the read found the panel upside down.
            pick.quad = upsideDown.value_or(false) ? quarterTurned(corners, 2) : corners;
            pick.glyphPx = candidateGlyph;
            pick.settled = candidateSettled;
            pick.settled.upsideDown = false; // pick.quad is the panel upright
            pick.lines = std::move(candidateLines);
            pick.head = ends.head;
            pick.cutLines = cutLines;
            pick.titled = title.has_value();
        }
        // Rows alone make a good score (their names say Nutrition Facts without the title): a read without the head
        // may be a few rows that the finder outlined apart from the rest, and the next candidates are read as well.
        if (pick.score >= kGoodRead && pick.head)
            break;
    }
}

// Reads the rest of the photo (the package face round the panel `pick` found, or the whole photo) into
// `label`: a claim of electrolytes, compounds named outside the panel, and the panel's rows when no outline
// was read.
void readPackageFace(ocr::Engine& engine, const image::Image& photo, const PanelPick& pick, int deadlineMs,
                     LabelReading& label)
{
    ocr::PhotoTextOptions textOptions;
    textOptions.panel = pick.quad;
    textOptions.panelGlyphPx = pick.glyphPx;
    textOptions.deadlineMs = deadlineMs;
    // The panel's lines read confidently are not read again (on 208 generated photos: -6 % of the batch's CPU
    // time, the same claims and verdicts).
    for (const auto& line : pick.lines)
        textOptions.readRegions.push_back(line.where);
    // No panel outline was found (a strongly curved bottle bends its rules, a dark label hides them): the
    // whole photo is read finer, and a panel whose title is read there is taken from its rows. The title
    // keeps front-of-pack text ("only 10 mg sodium") from passing for a panel.
    if (!label.facts)
        textOptions.longSide = kWholePhotoLongSide;
    if (auto text = ocr::readPhotoText(engine, photo, textOptions)) {
        auto texts = lineTexts(*text);
        label.photoClaimsElectrolytes = facts::claimsElectrolytes(*text);
        // The panel's rows read weakly are read here again at another scale (only its confident lines are painted
        // out): a line there that reads the mineral's row confidently corrects it. Seed 777's 045: "Calcium 1mg <1%"
        // at 0.14 in the panel's read, "Calcium 11mg" at 0.94 here.
        if (label.facts)
            facts::crossCheckMinerals(*label.facts, *text);
        // Minerals the panel's reads lack: the face's read, parsed as rows, may hold them (seeds 20261125 / 777 /
        // 4242: fields 819 -> 820, 822 -> 824, 814 -> 816; no output lost).
        if (label.facts && !allMinerals(*label.facts))
            facts::takeMissingMinerals(*label.facts, facts::parseFacts(ocr::groupRows(*text)));
        // A panel none of whose reads held its title was typed by its rows: the title read here (large, bold, often
        // just outside the outline) says it better.
        if (label.facts && label.facts->panel && !pick.titled)
            if (auto title = facts::panelTitle(texts))
                label.facts->panel = title;
        // No claim: a second look, for claims in type that the first read's threshold broke apart (blurred
        // bold type): faint marks dropped. On 208 generated photos: claims 130 -> 136 found, none false.
        if (!label.photoClaimsElectrolytes && pick.quad && !(label.facts && label.facts->electrolyteClaim)) {
            ocr::PhotoTextOptions second = textOptions;
            second.faintInk = kFaintInk;
            // Levelled by the text round the panel as well: on a pack seen from one side the type above the panel
            // runs steeper than its rows. Claims found on seeds 20261125 / 777 / 4242: 207 -> 208, 204 -> 206,
            // 202 -> 202 (verdicts 206 -> 207, 203 -> 205, 199 -> 199); no other verdict, field or claim changed.
            second.levelByText = true;
            // The panel's lines are read again here: painted out, they move the recogniser's global
            // threshold, and 3 claims of 208 (type reversed out of a grey band, next to the panel) were lost.
            second.readRegions.clear();
            // And read whole, not cut to its ink: the cut moves the global threshold too, and claims read in the
            // second look of the whole face were lost with it (seed 777's 112, the sample small-text-incomplete.jpg).
            second.cutToInk = false;
            auto more = ocr::readPhotoText(engine, photo, second);
            if (more)
                label.photoClaimsElectrolytes = facts::claimsElectrolytes(*more);
            // Still none, but a look read a broken piece of the word ("TOlytes", "al Ble Lrolyvtes"): a third look,
            // levelled by the text, with no faint ink dropped. Seed 4242's 041: "Essential Electrolytes" in pink
            // type on a light green label seen from its side, light grey after the second look's drop and
            // read whole in the third. On the three seeds' 624 generated photos: 2 third looks, claims right 208 / 207
            // / 203 -> 208 / 207 / 204, verdicts 208 / 207 / 202 -> 208 / 207 / 203, no other output changed. Made for
            // every photo still without a claim, it found one more (4242's 091, yellow on blue) but took 13 % more time
            // per photo (median of the 43 large photos, 13 of which have no claim).
            if (!label.photoClaimsElectrolytes &&
                (facts::hintsAtElectrolytes(*text) || (more && facts::hintsAtElectrolytes(*more)))) {
                ocr::PhotoTextOptions third = second;
                third.faintInk = 0;
                if (auto last = ocr::readPhotoText(engine, photo, third))
                    label.photoClaimsElectrolytes = facts::claimsElectrolytes(*last);
            }
        }
        // Compounds named in the panel's own lines count as well ("Chloride (as sodium chloride)").
        for (const auto& line : pick.lines)
            texts.push_back(line.text);
        label.photoMentions = facts::findCompoundMentions(texts);
        if (!label.facts) {
            // Rows read this way are often lost: such a read may clear a product (no claim, or all four
            // minerals) but never accuses it of lacking one (on 208 generated photos it would have called
            // 3 complete products incomplete for 4 right calls).
            facts::Facts f = facts::parseFacts(ocr::groupRows(*text));
            const bool claimed = f.electrolyteClaim || label.photoClaimsElectrolytes;
            if (f.panel && readScore(f) > 0 && (!claimed || allMinerals(f)))
                label.facts = std::move(f);
        }
    }
}

} // namespace

struct Checker::Impl {
    CheckerOptions options;
    ocr::Engine engine;
    std::optional<db::Database> database;
};

Checker::Checker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;
Checker::~Checker() = default;

Expected<Checker> Checker::create(const CheckerOptions& options)
{
    auto engine = ocr::Engine::create();
    if (!engine)
        return makeError(engine.error().code, "cannot start the OCR engine: " + engine.error().message);
    std::optional<db::Database> database;
    if (options.databasePath) {
        db::OpenOptions open;
        open.readOnly = true;
        auto opened = db::Database::open(*options.databasePath, open);
        if (!opened)
            return makeError(opened.error().code, "cannot open the product database " + options.databasePath->string() +
                                                      ": " + opened.error().message);
        database.emplace(std::move(*opened));
    }
    auto impl = std::unique_ptr<Impl>(new Impl{options, std::move(*engine), std::move(database)});
    return Checker(std::move(impl));
}

CheckResult failedResult(std::string file, std::string error)
{
    CheckResult r;
    r.file = std::move(file);
    r.ok = false;
    r.error = oneLine(std::move(error));
    r.missing.assign(kMinerals.begin(), kMinerals.end());
    r.verdict = Verdict::Unreadable;
    return r;
}

Inspection Checker::check(const std::filesystem::path& path, const std::string& file)
{
    const CheckerOptions& opt = impl_->options;
    Inspection out;
    try {
        auto loaded = image::loadImage(path, opt.limits);
        if (!loaded) {
            out.result = failedResult(file, loaded.error().message);
            return out;
        }
        // The barcode reader and the panel finder look at luma only: converted here once rather than by each call
        // (the finder is searched up to 13 times). The panel reads warp the colour photo and convert after: warped as
        // luma, their images differ by a level here and there, which alone moved the mineral fields right on the 624
        // photos of seeds 20261125, 777 and 4242 by -1, -5 and +4 (the recogniser's noise, no row read better either
        // way). The package face's read tells ink from its ground by colour too.
        const image::Image& photo = *loaded;
        const image::Image grey = image::toGrey(photo);
        CheckResult& r = out.result;
        r.file = file;
        r.ok = true;
        std::vector<report::Region> regions;

        if (auto code = barcode::readBarcode(grey, opt.barcode)) {
            r.barcode = BarcodeInfo{code->text, code->format, code->gtin14};
            regions.push_back({report::RegionKind::Barcode, code->format + " " + code->text, toPoints(code->corners)});
        }

        // The facts panel.
        PanelPick pick;
        readCandidates(impl_->engine, photo, panel::findPanels(grey), pick);
        // A small panel in a large photo loses its hairline rules at the finder's working size: a photo where
        // no panel was read is searched again at a finer scale.
        if (!pick.facts && std::max(photo.width, photo.height) > kFinerFindSide * 6 / 5) {
            panel::FindOptions finer;
            finer.workingLongSide = kFinerFindSide;
            readCandidates(impl_->engine, photo, panel::findPanels(grey, finer), pick);
            // Still none: a panel narrower than the finer search's shortest rule (a can's panel 4 % as wide as the
            // photo). Searched once more at that size for rules as short as the default search's.
            if (!pick.facts) {
                finer.minRuleLengthPx = kShortRulePx;
                readCandidates(impl_->engine, photo, panel::findPanels(grey, finer), pick);
            }
        }
        // Still none, or a read without any of the four minerals (a garbled read of a panel cut at a bad
        // angle, or another box): the rules may lie off the photo's dominant edges. Levelled at other angles, turned or
        // sheared; a better read replaces the one kept.
        for (const LevelRetry& retry : kLevelRetries) {
            if (pick.facts && hasMinerals(*pick.facts))
                break;
            panel::FindOptions levelled;
            (retry.shear ? levelled.shearDeg : levelled.angleOffsetDeg) = retry.degrees;
            readCandidates(impl_->engine, photo, panel::findPanels(grey, levelled), pick);
        }
        // No panel read at all: a narrow label seen steeply from one side fans its rows past any of those levellings
        // (seed 4242's 034 and 161: 25-30 degrees off its sides). The label's own outline, made rectangular, undoes
        // the perspective, and the panels found on it are read from the photo. Such a read is kept only when it holds
        // one of the four minerals: 161's panel, found there upside down and read as noise, passed for a panel that
        // lacks them all (`not_electrolyte`, where `unreadable` is the honest answer).
        if (!pick.facts) {
            PanelPick onLabel;
            onLabel.read = pick.read;
            for (const image::Quad& outline : panel::findLabelOutlines(grey))
                readCandidates(impl_->engine, photo, panel::findPanelsWithin(grey, outline), onLabel);
            if (onLabel.facts && hasMinerals(*onLabel.facts))
                pick = std::move(onLabel);
        }
        // A panel still short of a mineral whose reads started lines with names cut at their start ("ynesium 380mg
        // 90%", "assium 30mg 1%") was outlined short of its left edge: the side of a slanted panel placed too far in,
        // a column's edge inside it taken for its side. Its outline is read once more taken on to the left, and the
        // read fills the minerals still missing. After the candidates, on the panel kept only: widened, a fragment
        // read first (a few rows outlined apart) found a mineral and was kept over the whole panel read later.
        // Read as one block (kTakenOnRead), as the reads taken on past the outline's ends are: seed 4242's 126 gains
        // its sodium row ("Sodium 0mg 0%", unreadable in every other read), a right `incomplete` for a false
        // `complete`; on the three seeds' 624 photos verdicts 208 / 207 / 203 -> 208 / 207 / 204, fields 820 / 824 /
        // 820 -> 820 / 824 / 821, 4 other outputs moved in confidences only.
        if (pick.facts && pick.quad && !allMinerals(*pick.facts) && pick.cutLines >= kCutLines) {
            const PanelRead& read = kTakenOnRead;
            const image::Quad quad =
                grownQuad(*pick.quad, {kWidenBy, read.growX, read.growY, read.growY}, photo.width, photo.height);
            if (auto one = readQuad(impl_->engine, photo, quad, read, pick.settled))
                mergeRead(*pick.facts, one->facts);
        }
        LabelReading label;
        label.facts = std::move(pick.facts);
        const std::optional<image::Quad>& panelQuad = pick.quad;
        if (label.facts && panelQuad)
            regions.push_back({report::RegionKind::Panel,
                               label.facts->panel ? std::string(panelTypeName(*label.facts->panel)) : "panel",
                               toPoints(*panelQuad)});

        // The rest of the photo: claims ("Electrolyte Drink Mix") and compounds in the ingredient list. A panel
        // that claims electrolytes itself and declares all four minerals leaves that read nothing to decide.
        if (!(label.facts && label.facts->electrolyteClaim && allMinerals(*label.facts)))
            readPackageFace(impl_->engine, photo, pick, opt.photoTextDeadlineMs, label);

        std::optional<db::Product> product;
        if (impl_->database && r.barcode) {
            auto found = impl_->database->findByGtin(r.barcode->gtin14);
            if (found)
                product = *found;
        }
        applyVerdict(r, label, impl_->database.has_value(), product ? &*product : nullptr);

        if (opt.annotationMaxSide > 0)
            out.annotation = report::makeAnnotation(photo, std::move(regions), opt.annotationMaxSide);
    } catch (const std::exception& e) {
        // Modules return errors as values; this is the last guard so one photo never stops a batch.
        out = Inspection{};
        out.result = failedResult(file, std::string("internal error: ") + e.what());
    }
    return out;
}

} // namespace labelcheck::pipeline
