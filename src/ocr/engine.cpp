#include "labelcheck/ocr/engine.hpp"

#include "brick_open.hpp"
#include "grey_pix.hpp"
#include "labelcheck/ocr/data_paths.hpp"
#include "labelcheck/ocr/line_grouping.hpp"
#include "line_image_store.hpp"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <opencv2/imgproc.hpp>

#include "labelcheck/image/opencv.hpp"

#include <system_error>

// libgomp's, when Tesseract was built with OpenMP (Debian's is): a weak reference, null otherwise.
extern "C" void omp_set_max_active_levels(int) __attribute__((weak));

namespace labelcheck::ocr {

namespace fs = std::filesystem;

namespace {

struct TessDeleter {
    void operator()(tesseract::TessBaseAPI* api) const
    {
        api->End();
        delete api;
    }
};
using TessPtr = std::unique_ptr<tesseract::TessBaseAPI, TessDeleter>;
using IteratorPtr = std::unique_ptr<tesseract::ResultIterator>;
using TextPtr = std::unique_ptr<char[]>; // Tesseract's returned strings are new[]-allocated

tesseract::PageSegMode psmOf(Layout layout)
{
    switch (layout) {
    case Layout::Block: return tesseract::PSM_SINGLE_BLOCK;
    case Layout::Column: return tesseract::PSM_SINGLE_COLUMN;
    case Layout::Auto: return tesseract::PSM_AUTO;
    case Layout::Sparse: return tesseract::PSM_SPARSE_TEXT;
    case Layout::Line: return tesseract::PSM_SINGLE_LINE;
    }
    return tesseract::PSM_SINGLE_BLOCK;
}

// Tesseract's LSTM asks OpenMP for 4 threads per layer. One engine per worker thread is the parallelism
// labelcheck wants (--jobs); extra OpenMP threads spin against the other workers and make one photo
// several times slower on a busy machine. OpenMP keeps this setting per calling thread.
void singleThreaded()
{
    if (omp_set_max_active_levels)
        omp_set_max_active_levels(0);
}

} // namespace

struct Engine::Impl {
    TessPtr api;
    fs::path modelsDir;
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

const fs::path& Engine::modelsDir() const { return impl_->modelsDir; }

Expected<Engine> Engine::create(const EngineOptions& options)
{
    fs::path tessdata = options.tessdataDir;
    if (tessdata.empty()) {
        auto found = findTessdataDir(options.language);
        if (!found)
            return found.error();
        tessdata = *found;
    }
    std::error_code ec;
    if (!fs::is_regular_file(tessdata / (options.language + ".traineddata"), ec))
        return makeError(ErrorCode::NotFound,
                         options.language + ".traineddata not found in " + tessdata.string());

    fs::path models = options.modelsDir;
    if (models.empty()) {
        if (auto found = defaultModelsDir())
            models = *found;
    }

    // user_words_file and user_patterns_file are init-only settings: they must go through Init.
    std::vector<std::string> names{"debug_file"}, values{"/dev/null"};
    std::vector<std::string> configStore;
    if (!models.empty()) {
        fs::path words = models / (options.language + ".user-words");
        fs::path patterns = models / (options.language + ".user-patterns");
        fs::path config = models / "labelcheck.config";
        if (fs::is_regular_file(words, ec)) {
            names.push_back("user_words_file");
            values.push_back(words.string());
        }
        if (fs::is_regular_file(patterns, ec)) {
            names.push_back("user_patterns_file");
            values.push_back(patterns.string());
        }
        if (fs::is_regular_file(config, ec))
            configStore.push_back(config.string());
    }
    std::vector<char*> configs;
    for (auto& c : configStore)
        configs.push_back(c.data());

    // Tesseract's line images are handed over uncompressed (line_image_store.cpp) and its rule finder's openings
    // made fast (brick_open.cpp); asking links those in.
    [[maybe_unused]] static const bool uncompressed = detail::lineImagesUncompressed();
    [[maybe_unused]] static const bool fastOpenings = detail::brickOpeningsFast();
    singleThreaded();
    auto impl = std::make_unique<Impl>();
    impl->api = TessPtr(new tesseract::TessBaseAPI());
    // Tesseract wants the tessdata directory with a trailing separator.
    std::string datapath = tessdata.string();
    if (!datapath.empty() && datapath.back() != '/')
        datapath += '/';
    int rc = impl->api->Init(datapath.c_str(), options.language.c_str(), tesseract::OEM_LSTM_ONLY,
                             configs.empty() ? nullptr : configs.data(), static_cast<int>(configs.size()),
                             &names, &values, false);
    if (rc != 0)
        return makeError(ErrorCode::Internal, "Tesseract failed to initialise " + options.language + " from " +
                                                  tessdata.string());
    impl->modelsDir = models;
    return Engine(std::move(impl));
}

Expected<std::vector<TextLine>> Engine::recognize(const image::Image& img, const RecognizeOptions& options)
{
    if (img.empty() || (img.channels != 1 && img.channels != 3) ||
        img.pixels.size() < static_cast<std::size_t>(img.width) * img.height * img.channels)
        return makeError(ErrorCode::InvalidArgument, "OCR needs a non-empty 1- or 3-channel image");
    if (img.width < 3 || img.height < 3)
        return std::vector<TextLine>{};

    singleThreaded();
    tesseract::TessBaseAPI& api = *impl_->api;
    cv::Mat grey;
    const std::uint8_t* data = img.pixels.data();
    if (img.channels == 3) {
        cv::cvtColor(image::asMat(img), grey, cv::COLOR_BGR2GRAY);
        data = grey.data;
    }
    api.SetPageSegMode(psmOf(options.layout));
    api.SetVariable("tessedit_do_invert", options.tryInverted ? "1" : "0");
    const detail::PixPtr pix = detail::greyPix(data, img.width, img.height);
    if (!pix)
        return makeError(ErrorCode::Internal, "out of memory for the OCR image");
    api.SetImage(pix.get()); // Tesseract keeps a copy
    api.SetSourceResolution(options.resolutionDpi);

    tesseract::ETEXT_DESC monitor;
    if (options.deadlineMs > 0)
        monitor.set_deadline_msecs(options.deadlineMs);
    // A deadline that passes makes Recognize report failure but keeps what it read; use that.
    int rc = api.Recognize(&monitor);
    IteratorPtr it(api.GetIterator());
    if (!it) {
        api.Clear();
        if (rc != 0 && !monitor.deadline_exceeded())
            return makeError(ErrorCode::Internal, "Tesseract recognition failed");
        return std::vector<TextLine>{};
    }

    std::vector<TextLine> lines;
    const auto level = tesseract::RIL_WORD;
    if (!it->Empty(level)) {
        do {
            if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || lines.empty())
                lines.emplace_back();
            TextPtr text(it->GetUTF8Text(level));
            if (!text)
                continue;
            Word w;
            w.text = text.get();
            w.confidence = std::clamp(it->Confidence(level) / 100.0f, 0.0f, 1.0f);
            int l = 0, t = 0, r = 0, b = 0;
            it->BoundingBox(level, &l, &t, &r, &b);
            w.box = Box{l, t, r - l, b - t};
            if (w.confidence < options.minConfidence)
                continue;
            lines.back().box = unite(lines.back().box, w.box);
            lines.back().words.push_back(std::move(w));
        } while (it->Next(level));
    }
    it.reset();
    api.Clear();
    if (options.groupRows)
        return groupRows(std::move(lines));
    std::erase_if(lines, [](const TextLine& l) { return l.words.empty(); });
    return lines;
}

} // namespace labelcheck::ocr
