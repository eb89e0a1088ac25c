#include "render.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace labelgen {

namespace {

using Kind = PanelItem::Kind;

const std::vector<Family> kPanelFamilies = {
    {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"},
    {"DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"},
    {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"},
    {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"},
};
const std::vector<std::string> kDisplayFonts = {"LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf", "LiberationSerif-Bold.ttf",
                                                "DejaVuSerif-Bold.ttf", "DejaVuSansCondensed-Bold.ttf",
                                                "LiberationSans-BoldItalic.ttf", "DejaVuSerifCondensed-Bold.ttf"};

struct Palette {
    cv::Scalar labelBg, panelBg, ink, accent, accent2;
};

cv::Scalar hsv(double h, double s, double v)
{
    cv::Mat m(1, 1, CV_8UC3, cv::Scalar(h / 2, s * 255, v * 255));
    cv::cvtColor(m, m, cv::COLOR_HSV2BGR);
    auto p = m.at<cv::Vec3b>(0, 0);
    return cv::Scalar(p[0], p[1], p[2]);
}

Palette choosePalette(Rng& rng, bool lightOnDark)
{
    Palette p;
    double hue = rng.uniform(0, 360);
    if (lightOnDark) {
        p.labelBg = hsv(hue, rng.uniform(0.3, 0.9), rng.uniform(0.08, 0.3));
        p.panelBg = rng.chance(0.6) ? p.labelBg : cv::Scalar(rng.range(5, 30), rng.range(5, 30), rng.range(5, 30));
        double v = rng.uniform(0.88, 1.0);
        p.ink = cv::Scalar(255 * v, 255 * v, 255 * v);
        p.accent = hsv(std::fmod(hue + 180, 360), rng.uniform(0.3, 0.8), 1.0);
        p.accent2 = p.ink;
        return p;
    }
    if (rng.chance(0.4))
        p.labelBg = cv::Scalar(rng.range(235, 255), rng.range(235, 255), rng.range(235, 255));
    else
        p.labelBg = hsv(hue, rng.uniform(0.1, 0.6), rng.uniform(0.75, 1.0));
    p.panelBg = rng.chance(0.8) ? cv::Scalar(255, 255, 255) : cv::Scalar(rng.range(235, 250), rng.range(240, 252), rng.range(245, 255));
    int k = rng.range(0, 35);
    p.ink = rng.chance(0.8) ? cv::Scalar(k, k, k) : hsv(rng.uniform(200, 250), 0.8, 0.25);
    p.accent = hsv(std::fmod(hue + rng.uniform(90, 270), 360), rng.uniform(0.6, 1.0), rng.uniform(0.35, 0.7));
    p.accent2 = hsv(hue, rng.uniform(0.6, 1.0), rng.uniform(0.3, 0.6));
    return p;
}

std::vector<std::string> splitWords(const std::string& s)
{
    std::vector<std::string> w;
    std::string cur;
    for (char c : s) {
        if (c == ' ') {
            if (!cur.empty())
                w.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        w.push_back(cur);
    return w;
}

std::vector<std::string> wrap(Fonts& f, const std::string& font, const std::string& text, int px, int maxWidth)
{
    std::vector<std::string> lines;
    std::string cur;
    for (const auto& w : splitWords(text)) {
        std::string next = cur.empty() ? w : cur + " " + w;
        if (!cur.empty() && f.width(font, next, px) > maxWidth) {
            lines.push_back(cur);
            cur = w;
        } else {
            cur = next;
        }
    }
    if (!cur.empty())
        lines.push_back(cur);
    return lines;
}

cv::Mat blank(int w, int h, cv::Scalar bg) { return cv::Mat(h, w, CV_8UC3, bg); }

// ---------------------------------------------------------------- facts panel
struct PanelStyleParams {
    Family family;
    int px;           // body em size
    int width;
    int pad;
    double lineGap;   // baseline-to-baseline distance / px
    bool rowRules;
    bool inlineAmounts;
    int border;       // 0 = none
    cv::Scalar borderColor;
};

cv::Mat renderPanel(const LabelSpec& spec, const PanelStyleParams& st, Fonts& f, const Palette& pal)
{
    const int W = st.width;
    cv::Mat img = blank(W, st.px * 200, pal.panelBg);
    const int pad = st.pad;
    const int inner = W - 2 * pad;
    const cv::Scalar ink = pal.ink;
    int y = pad; // top of the next element
    auto hline = [&](int thickness) {
        thickness = std::max(1, thickness);
        cv::rectangle(img, cv::Rect(pad, y, inner, thickness), ink, cv::FILLED);
        y += thickness;
    };
    const int dvRight = W - pad;
    const int dvColW = f.width(st.family.bold, "100%", st.px) + st.px / 2;
    const int amountRight = dvRight - dvColW;
    int amountColW = 0;
    for (const auto& it : spec.items)
        if (it.kind == Kind::Row)
            amountColW = std::max(amountColW, f.width(st.family.regular, it.amount, st.px));
    const int descent = static_cast<int>(st.px * 0.28);

    for (const auto& it : spec.items) {
        const int px = std::max(8, static_cast<int>(std::lround(st.px * it.size)));
        const std::string& regular = st.family.regular;
        const std::string& bold = st.family.bold;
        switch (it.kind) {
        case Kind::Title: {
            int w1 = f.width(bold, it.text, 100);
            int tpx = std::min(static_cast<int>(100.0 * inner / w1), static_cast<int>(st.px * 3.2));
            int cap = static_cast<int>(tpx * 0.75);
            y += static_cast<int>(tpx * 0.05);
            f.draw(img, bold, it.text, pad, y + cap, tpx, ink);
            y += cap + static_cast<int>(tpx * 0.2);
            break;
        }
        case Kind::Bar: {
            int t = it.weight == 3 ? static_cast<int>(st.px * 0.38) : it.weight == 2 ? static_cast<int>(st.px * 0.16) : std::max(1, st.px / 22);
            y += st.px / 8;
            hline(t);
            y += st.px / 10;
            break;
        }
        case Kind::Text: {
            const std::string& font = it.bold ? bold : regular;
            int indent = it.indent * st.px;
            for (const auto& line : wrap(f, font, it.text, px, inner - indent)) {
                y += static_cast<int>(px * st.lineGap) - descent;
                f.draw(img, font, line, pad + indent, y, px, ink);
                y += descent;
            }
            break;
        }
        case Kind::Header: {
            const std::string& font = it.bold ? bold : regular;
            y += static_cast<int>(px * st.lineGap) - descent;
            f.draw(img, font, it.text, pad, y, px, ink);
            const int rightW = f.width(font, it.amount, px);
            if (!it.text.empty() && f.width(font, it.text, px) + px + rightW > inner) { // no room: right part below
                y += descent;
                y += static_cast<int>(px * st.lineGap) - descent;
            }
            f.draw(img, font, it.amount, dvRight - rightW, y, px, ink);
            y += descent;
            break;
        }
        case Kind::Calories: {
            int cpx = static_cast<int>(st.px * 1.7);
            int vpx = static_cast<int>(st.px * 2.2);
            y += static_cast<int>(vpx * 0.95);
            f.draw(img, bold, "Calories", pad, y, cpx, ink);
            f.draw(img, bold, it.text, dvRight - f.width(bold, it.text, vpx), y, vpx, ink);
            y += static_cast<int>(vpx * 0.15);
            break;
        }
        case Kind::Table: {
            std::vector<std::string> cells;
            std::string cur;
            for (char c : it.text) {
                if (c == '|') {
                    cells.push_back(cur);
                    cur.clear();
                } else {
                    cur += c;
                }
            }
            cells.push_back(cur);
            y += static_cast<int>(px * 1.25) - descent;
            const int xs[4] = {pad, pad + static_cast<int>(inner * 0.36), pad + static_cast<int>(inner * 0.76), dvRight};
            for (std::size_t k = 0; k < cells.size() && k < 4; ++k) {
                int x = k < 2 ? xs[k] : xs[k] - f.width(regular, cells[k], px);
                f.draw(img, regular, cells[k], x, y, px, ink);
            }
            y += descent;
            break;
        }
        case Kind::Pair: {
            int half = std::max(f.width(regular, it.text, px), f.width(regular, it.amount, px));
            int ppx = std::min(px, static_cast<int>(px * (inner / 2.0 - px * 0.7) / std::max(1, half)));
            y += static_cast<int>(px * st.lineGap) - descent;
            const int px = ppx;
            f.draw(img, regular, it.text, pad, y, px, ink);
            if (!it.amount.empty()) {
                f.draw(img, regular, "\u2022", pad + inner / 2 - px / 5, y, px, ink);
                f.draw(img, regular, it.amount, pad + inner / 2 + px / 2, y, px, ink);
            }
            y += descent;
            break;
        }
        case Kind::Row: {
            if (it.ruleAbove && st.rowRules) {
                y += st.px / 8;
                hline(std::max(1, st.px / 22));
            }
            const std::string& nameFont = it.bold ? bold : regular;
            const int indent = it.indent * st.px;
            // Where the name may run: up to the amount column, or, inline, up to the %DV column.
            const bool inlineAmt = st.inlineAmounts || it.amount.empty();
            const int amountW = f.width(regular, it.amount, px);
            const std::string& dvFont = it.bold && st.inlineAmounts ? bold : regular;
            const int dvW = f.width(dvFont, it.dv, px);
            const int boldW = f.width(bold, it.amount + "  ", px); // the amount after a bold name, with its space
            int nameMax = inlineAmt ? (dvRight - std::max(dvW, dvColW * 2 / 3) - st.px / 2 - pad - indent - std::max(amountW, boldW))
                                    : (amountRight - std::max(amountW, std::min(amountColW * 3 / 5, st.px * 4)) - st.px / 2 - pad - indent);
            nameMax = std::max(nameMax - st.px / 2, st.px * 13 / 2); // room for the continuation indent
            auto lines = wrap(f, nameFont, it.text, px, nameMax);
            for (std::size_t k = 0; k < lines.size(); ++k) {
                y += static_cast<int>(px * st.lineGap) - descent;
                int x = pad + indent + (k > 0 ? st.px / 2 : 0);
                f.draw(img, nameFont, lines[k], x, y, px, ink);
                if (k + 1 == lines.size()) {
                    // A word too long for the name column: amount and %DV go on their own line.
                    const int nameEnd = x + f.width(nameFont, lines[k], px);
                    const bool clash = inlineAmt ? nameEnd + f.width(nameFont, " ", px) + amountW > dvRight - dvW - st.px / 3
                                                 : nameEnd > amountRight - amountW - st.px / 3;
                    if (clash) {
                        y += descent;
                        y += static_cast<int>(px * st.lineGap) - descent;
                    }
                    if (inlineAmt) {
                        int ax = clash ? x : x + f.width(nameFont, lines[k] + " ", px);
                        f.draw(img, regular, it.amount, ax, y, px, ink);
                    } else {
                        f.draw(img, regular, it.amount, amountRight - amountW, y, px, ink);
                    }
                    f.draw(img, dvFont, it.dv, dvRight - dvW, y, px, ink);
                }
                y += descent;
            }
            break;
        }
        }
    }
    y += pad;
    cv::Mat out = img(cv::Rect(0, 0, W, std::min(y, img.rows))).clone();
    if (st.border > 0)
        cv::rectangle(out, cv::Rect(0, 0, out.cols, out.rows), st.borderColor, st.border, cv::LINE_8);
    return out;
}

// ---------------------------------------------------------------- barcode
ZXing::BarcodeFormat zxFormat(const std::string& f)
{
    if (f == "EAN-13")
        return ZXing::BarcodeFormat::EAN13;
    if (f == "UPC-A")
        return ZXing::BarcodeFormat::UPCA;
    if (f == "EAN-8")
        return ZXing::BarcodeFormat::EAN8;
    return ZXing::BarcodeFormat::UPCE;
}

// The symbol as printed on packs: bars, longer guard bars, digits under the bars (OCR-B-like mono font).
cv::Mat renderBarcode(const labelcheck::BarcodeInfo& b, int module, Fonts& f)
{
    ZXing::BitMatrix m = ZXing::MultiFormatWriter(zxFormat(b.format)).setMargin(0).encode(b.text, 0, 1);
    const int modules = m.width();
    const int quiet = b.format == "EAN-8" || b.format == "UPC-E" ? 7 : 11;
    const int W = (modules + 2 * quiet) * module;
    const int barH = static_cast<int>(modules * module * (b.format == "EAN-8" || b.format == "UPC-E" ? 0.8 : 0.62));
    const int digitPx = module * 9;
    const int guardExtra = module * 5;
    const int H = module * 3 + barH + guardExtra + module * 3;
    cv::Mat img = blank(W, H, cv::Scalar(255, 255, 255));
    // Guard bar module ranges per format (start, centre, end).
    std::vector<std::pair<int, int>> guards;
    if (b.format == "EAN-13" || b.format == "UPC-A")
        guards = {{0, 3}, {45, 50}, {92, 95}};
    else if (b.format == "EAN-8")
        guards = {{0, 3}, {31, 36}, {64, 67}};
    else
        guards = {{0, 3}, {45, 51}};
    if (b.format == "UPC-A") { // UPC-A also extends the first and last digit's bars
        guards.push_back({3, 10});
        guards.push_back({85, 92});
    }
    const int top = module * 3;
    for (int x = 0; x < modules; ++x) {
        if (!m.get(x, 0))
            continue;
        bool guard = false;
        for (auto [a, e] : guards)
            guard |= x >= a && x < e;
        int h = barH + (guard ? guardExtra : 0);
        cv::rectangle(img, cv::Rect((quiet + x) * module, top, module, h), cv::Scalar(0, 0, 0), cv::FILLED);
    }
    const std::string font = "DejaVuSansMono.ttf";
    const int base = top + barH + guardExtra - module / 2 + digitPx * 0 + static_cast<int>(digitPx * 0.0);
    const int textBase = top + barH + static_cast<int>(digitPx * 0.78) + module;
    (void)base;
    auto centered = [&](const std::string& s, double fromModule, double toModule, int px) {
        int w = f.width(font, s, px);
        int cx = static_cast<int>((quiet + (fromModule + toModule) / 2.0) * module);
        cv::rectangle(img, cv::Rect(static_cast<int>((quiet + fromModule) * module), top + barH, static_cast<int>((toModule - fromModule) * module), H - top - barH), cv::Scalar(255, 255, 255), cv::FILLED);
        f.draw(img, font, s, cx - w / 2, textBase, px, cv::Scalar(0, 0, 0));
    };
    const std::string& t = b.text;
    if (b.format == "EAN-13") {
        f.draw(img, font, t.substr(0, 1), module * 2, textBase, digitPx, cv::Scalar(0, 0, 0));
        centered(t.substr(1, 6), 3.5, 44.5, digitPx);
        centered(t.substr(7, 6), 50.5, 91.5, digitPx);
    } else if (b.format == "UPC-A") {
        f.draw(img, font, t.substr(0, 1), module * 3, textBase, digitPx * 7 / 10, cv::Scalar(0, 0, 0));
        centered(t.substr(1, 5), 10.5, 44.5, digitPx);
        centered(t.substr(6, 5), 50.5, 84.5, digitPx);
        f.draw(img, font, t.substr(11, 1), (quiet + 96) * module, textBase, digitPx * 7 / 10, cv::Scalar(0, 0, 0));
    } else if (b.format == "EAN-8") {
        centered(t.substr(0, 4), 3.5, 30.5, digitPx);
        centered(t.substr(4, 4), 36.5, 63.5, digitPx);
    } else {
        f.draw(img, font, t.substr(0, 1), module * 1, textBase, digitPx * 7 / 10, cv::Scalar(0, 0, 0));
        centered(t.substr(1, 6), 3.5, 44.5, digitPx);
        f.draw(img, font, t.substr(7, 1), (quiet + 52) * module, textBase, digitPx * 7 / 10, cv::Scalar(0, 0, 0));
    }
    return img;
}

// ---------------------------------------------------------------- front and text blocks
cv::Mat renderHeader(const LabelSpec& spec, Rng& rng, Fonts& f, const Palette& pal, int width, int px, bool centered)
{
    cv::Mat img = blank(width, px * 30, pal.labelBg);
    int y = px / 2;
    const std::string brandFont = rng.pick(kDisplayFonts);
    const std::string nameFont = rng.pick(kDisplayFonts);
    auto line = [&](const std::string& text, const std::string& font, int size, cv::Scalar color, bool banner) {
        if (text.empty())
            return;
        for (const auto& l : wrap(f, font, text, size, width - px)) {
            int w = f.width(font, l, size);
            int x = centered ? (width - w) / 2 : px / 2;
            int cap = static_cast<int>(size * 0.75);
            if (banner) {
                cv::rectangle(img, cv::Rect(x - size / 3, y, w + 2 * (size / 3), cap + size / 2), color, cv::FILLED);
                f.draw(img, font, l, x, y + size / 4 + cap, size, pal.labelBg);
            } else {
                f.draw(img, font, l, x, y + size / 4 + cap, size, color);
            }
            y += cap + size / 2 + size / 6;
        }
    };
    line(spec.brand, brandFont, static_cast<int>(px * rng.uniform(1.2, 2.0)), pal.accent2, false);
    line(spec.productName, nameFont, static_cast<int>(px * rng.uniform(1.8, 3.0)), pal.ink, false);
    line(spec.claim, rng.pick(kDisplayFonts), static_cast<int>(px * rng.uniform(1.1, 1.7)), pal.accent, rng.chance(0.35));
    line(spec.flavor, nameFont, static_cast<int>(px * rng.uniform(1.0, 1.5)), pal.accent2, false);
    line(spec.netContents, "LiberationSans-Bold.ttf", static_cast<int>(px * 0.9), pal.ink, false);
    return img(cv::Rect(0, 0, width, std::min(y + px / 2, img.rows))).clone();
}

cv::Mat renderParagraphs(const LabelSpec& spec, Fonts& f, const Palette& pal, const Family& fam, int width, int px)
{
    cv::Mat img = blank(width, px * 40, pal.labelBg);
    int y = 0;
    auto para = [&](const std::string& text, bool boldLead) {
        if (text.empty())
            return;
        auto colon = text.find(':');
        (void)boldLead;
        for (const auto& l : wrap(f, fam.regular, text, px, width)) {
            y += static_cast<int>(px * 1.25);
            f.draw(img, fam.regular, l, 0, y, px, pal.ink);
        }
        (void)colon;
        y += px / 2;
    };
    para(spec.ingredients, true);
    para(spec.warning, false);
    return img(cv::Rect(0, 0, width, std::min(y + px / 3, img.rows))).clone();
}

void paste(cv::Mat& dst, const cv::Mat& src, int x, int y) { src.copyTo(dst(cv::Rect(x, y, src.cols, src.rows))); }

} // namespace

RenderedLabel renderLabel(const LabelSpec& spec, Rng& rng, Fonts& f)
{
    RenderedLabel out;
    const Palette pal = choosePalette(rng, spec.lightOnDark);
    PanelStyleParams st;
    st.family = rng.pick(kPanelFamilies);
    st.px = rng.range(34, 46);
    const bool supplement = spec.style == PanelStyle::Supplement;
    st.width = static_cast<int>(st.px * (supplement ? (rng.chance(0.12) ? rng.uniform(13.5, 15.5) : rng.uniform(15.5, 21))
                                                    : rng.uniform(12.5, 15.5)));
    st.pad = static_cast<int>(st.px * rng.uniform(0.25, 0.45));
    st.lineGap = rng.uniform(1.2, 1.5);
    st.rowRules = !supplement || rng.chance(0.85);
    st.inlineAmounts = !supplement || rng.chance(0.2);
    double b = rng.uniform();
    st.border = b < 0.08 ? 0 : std::max(2, static_cast<int>(st.px * rng.uniform(0.04, 0.1)));
    st.borderColor = b < 0.16 ? pal.ink * 0.5 + pal.panelBg * 0.5 : pal.ink;
    cv::Mat panel = renderPanel(spec, st, f, pal);
    out.xHeight = f.xHeight(st.family.regular, st.px);
    out.font = st.family.regular;

    const int module = std::max(3, static_cast<int>(st.px * rng.uniform(0.12, 0.18)));
    cv::Mat code = renderBarcode(*spec.truth.barcode, module, f);

    const int margin = st.px;
    const int gap = static_cast<int>(st.px * rng.uniform(0.8, 1.6));
    double lr = rng.uniform();
    out.layout = lr < 0.4 ? "header-top" : lr < 0.75 ? "panel-left" : "stacked";
    const int textPx = static_cast<int>(st.px * rng.uniform(0.75, 0.95));
    if (out.layout == "stacked") {
        int width = std::max(panel.cols, code.cols);
        cv::Mat header = renderHeader(spec, rng, f, pal, width, st.px, rng.chance(0.6));
        cv::Mat text = renderParagraphs(spec, f, pal, st.family, width, textPx);
        int H = margin + header.rows + gap + panel.rows + gap + text.rows + gap + code.rows + margin;
        out.image = blank(width + 2 * margin, H, pal.labelBg);
        int y = margin;
        paste(out.image, header, margin, y);
        y += header.rows + gap;
        out.panel = cv::Rect(margin, y, panel.cols, panel.rows);
        paste(out.image, panel, margin, y);
        y += panel.rows + gap;
        paste(out.image, text, margin, y);
        y += text.rows + gap;
        int cx = rng.chance(0.5) ? margin : margin + width - code.cols;
        out.barcode = cv::Rect(cx, y, code.cols, code.rows);
        paste(out.image, code, cx, y);
    } else {
        int colW = std::max(code.cols, static_cast<int>(panel.cols * rng.uniform(0.7, 1.1)));
        cv::Mat text = renderParagraphs(spec, f, pal, st.family, colW, textPx);
        cv::Mat header;
        int width = margin + panel.cols + gap + colW + margin;
        if (out.layout == "header-top")
            header = renderHeader(spec, rng, f, pal, width - 2 * margin, st.px, rng.chance(0.7));
        else
            header = renderHeader(spec, rng, f, pal, colW, st.px, rng.chance(0.3));
        int top = margin + (out.layout == "header-top" ? header.rows + gap : 0);
        int colH = (out.layout == "panel-left" ? header.rows + gap : 0) + text.rows + gap + code.rows;
        int H = top + std::max(panel.rows, colH) + margin;
        out.image = blank(width, H, pal.labelBg);
        if (out.layout == "header-top")
            paste(out.image, header, margin, margin);
        const bool panelRight = rng.chance(0.3);
        int panelX = panelRight ? margin + colW + gap : margin;
        int colX = panelRight ? margin : margin + panel.cols + gap;
        out.panel = cv::Rect(panelX, top, panel.cols, panel.rows);
        paste(out.image, panel, panelX, top);
        int y = top;
        if (out.layout == "panel-left") {
            paste(out.image, header, colX, y);
            y += header.rows + gap;
        }
        paste(out.image, text, colX, y);
        y += text.rows + gap;
        int by = std::max(y, top + panel.rows - code.rows);
        out.barcode = cv::Rect(colX, by, code.cols, code.rows);
        paste(out.image, code, colX, by);
    }
    return out;
}

} // namespace labelgen
