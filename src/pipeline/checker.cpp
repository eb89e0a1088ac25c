#include "labelcheck/pipeline/checker.hpp"

#include <algorithm>
#include <exception>

namespace labelcheck::pipeline {

namespace {

// Error messages are one line in every output format.
std::string oneLine(std::string s)
{
    std::replace_if(
        s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return s;
}

std::vector<report::Point> toPoints(const std::array<barcode::Point, 4>& corners)
{
    std::vector<report::Point> pts;
    for (const auto& c : corners)
        pts.push_back({c.x, c.y});
    return pts;
}

} // namespace

struct Checker::Impl {
    CheckerOptions options;
};

Checker::Checker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;
Checker::~Checker() = default;

Expected<Checker> Checker::create(const CheckerOptions& options)
{
    auto impl = std::make_unique<Impl>();
    impl->options = options;
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
        const image::Image& photo = *loaded;
        CheckResult& r = out.result;
        r.file = file;
        r.ok = true;
        std::vector<report::Region> regions;

        if (auto code = barcode::readBarcode(photo, opt.barcode)) {
            r.barcode = BarcodeInfo{code->text, code->format, code->gtin14};
            regions.push_back({report::RegionKind::Barcode, code->format + " " + code->text, toPoints(code->corners)});
        }

        // No facts panel has been read: every mineral is null, so all four are missing (contract), and
        // without a panel or a database record the verdict is unreadable.
        r.missing.assign(kMinerals.begin(), kMinerals.end());
        r.verdict = Verdict::Unreadable;

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
