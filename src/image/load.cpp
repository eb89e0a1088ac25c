#include "labelcheck/image/load.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <string>

namespace labelcheck::image {

namespace {

std::uint32_t be16(const std::uint8_t* p) { return (p[0] << 8) | p[1]; }
std::uint32_t be32(const std::uint8_t* p) { return (std::uint32_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3]; }
std::uint32_t le16(const std::uint8_t* p) { return p[0] | (p[1] << 8); }
std::uint32_t le32(const std::uint8_t* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24); }

void sniffJpegSize(std::span<const std::uint8_t> b, Header& h)
{
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (b[i] != 0xFF) {
            ++i;
            continue;
        }
        std::uint8_t marker = b[i + 1];
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            i += 2;
            continue;
        }
        std::uint32_t len = be16(&b[i + 2]);
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            h.height = static_cast<int>(be16(&b[i + 5]));
            h.width = static_cast<int>(be16(&b[i + 7]));
            return;
        }
        if (marker == 0xDA || len < 2)
            return; // scan data before any frame header: leave to the decoder
        i += 2 + len;
    }
}

// A JPEG whose main image has no end-of-image marker after its first scan was cut short: libjpeg fills the
// missing rows with grey and reports success, so the check has to be ours. Markers inside APPn segments
// (the EXIF thumbnail ends with its own FFD9) are skipped by segment length.
bool jpegIsTruncated(std::span<const std::uint8_t> b)
{
    std::size_t i = 2;
    while (i + 4 <= b.size()) {
        if (b[i] != 0xFF) {
            ++i;
            continue;
        }
        std::uint8_t marker = b[i + 1];
        if (marker == 0xFF || marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
            i += marker == 0xFF ? 1 : 2;
            continue;
        }
        if (marker == 0xD9)
            return true; // end of image before any scan
        std::uint32_t len = be16(&b[i + 2]);
        if (marker == 0xDA) {
            for (std::size_t k = b.size() - 1; k > i + 2 + len; --k)
                if (b[k] == 0xD9 && b[k - 1] == 0xFF)
                    return false;
            return true;
        }
        if (len < 2)
            return true;
        i += 2 + len;
    }
    return true;
}

void sniffTiffSize(std::span<const std::uint8_t> b, Header& h)
{
    const bool le = b[0] == 'I';
    auto u16 = [&](std::size_t o) { return le ? le16(&b[o]) : be16(&b[o]); };
    auto u32 = [&](std::size_t o) { return le ? le32(&b[o]) : be32(&b[o]); };
    std::size_t ifd = u32(4);
    if (ifd + 2 > b.size())
        return;
    std::size_t n = u16(ifd);
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t e = ifd + 2 + 12 * k;
        if (e + 12 > b.size())
            return;
        std::uint32_t tag = u16(e), type = u16(e + 2);
        std::uint32_t value = type == 3 ? u16(e + 8) : u32(e + 8);
        if (tag == 256)
            h.width = static_cast<int>(value);
        else if (tag == 257)
            h.height = static_cast<int>(value);
    }
}

} // namespace

std::optional<Header> sniffHeader(std::span<const std::uint8_t> b)
{
    if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
        Header h{FileFormat::Jpeg, {}, {}};
        sniffJpegSize(b, h);
        return h;
    }
    static const std::uint8_t png[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (b.size() >= 8 && std::equal(png, png + 8, b.begin())) {
        Header h{FileFormat::Png, {}, {}};
        if (b.size() >= 24 && std::string(b.begin() + 12, b.begin() + 16) == "IHDR") {
            h.width = static_cast<int>(std::min<std::uint32_t>(be32(&b[16]), INT32_MAX));
            h.height = static_cast<int>(std::min<std::uint32_t>(be32(&b[20]), INT32_MAX));
        }
        return h;
    }
    if (b.size() >= 12 && std::string(b.begin(), b.begin() + 4) == "RIFF" &&
        std::string(b.begin() + 8, b.begin() + 12) == "WEBP") {
        Header h{FileFormat::WebP, {}, {}};
        if (b.size() >= 30) {
            std::string chunk(b.begin() + 12, b.begin() + 16);
            if (chunk == "VP8X") {
                h.width = 1 + static_cast<int>(b[24] | (b[25] << 8) | (b[26] << 16));
                h.height = 1 + static_cast<int>(b[27] | (b[28] << 8) | (b[29] << 16));
            } else if (chunk == "VP8 ") {
                h.width = static_cast<int>(le16(&b[26]) & 0x3FFF);
                h.height = static_cast<int>(le16(&b[28]) & 0x3FFF);
            } else if (chunk == "VP8L" && b.size() >= 25) {
                std::uint32_t bits = le32(&b[21]);
                h.width = 1 + static_cast<int>(bits & 0x3FFF);
                h.height = 1 + static_cast<int>((bits >> 14) & 0x3FFF);
            }
        }
        return h;
    }
    if (b.size() >= 8 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) ||
                          (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
        Header h{FileFormat::Tiff, {}, {}};
        sniffTiffSize(b, h);
        return h;
    }
    if (b.size() >= 26 && b[0] == 'B' && b[1] == 'M') {
        Header h{FileFormat::Bmp, {}, {}};
        h.width = static_cast<int>(le32(&b[18]));
        std::int32_t height = static_cast<std::int32_t>(le32(&b[22]));
        h.height = height == INT32_MIN ? INT32_MAX : std::abs(height);
        return h;
    }
    return std::nullopt;
}

bool hasImageExtension(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".webp" || ext == ".tif" ||
           ext == ".tiff" || ext == ".bmp";
}

Expected<Image> decodeImage(std::span<const std::uint8_t> bytes, const LoadLimits& limits)
{
    if (bytes.empty())
        return makeError(ErrorCode::Corrupt, "empty file");
    auto header = sniffHeader(bytes);
    if (!header)
        return makeError(ErrorCode::Unsupported, "not an image (expected JPEG, PNG, WebP, TIFF or BMP data)");
    if (header->width && header->height) {
        const std::uint64_t w = static_cast<std::uint64_t>(std::max(0, *header->width));
        const std::uint64_t h = static_cast<std::uint64_t>(std::max(0, *header->height));
        if (w * h > limits.maxPixels)
            return makeError(ErrorCode::TooLarge, "image of " + std::to_string(w) + "x" + std::to_string(h) +
                                                      " pixels is over the limit of " +
                                                      std::to_string(limits.maxPixels / 1'000'000) +
                                                      " megapixels; refused before decoding");
    }
    if (header->format == FileFormat::Jpeg && jpegIsTruncated(bytes))
        return makeError(ErrorCode::Corrupt, "truncated JPEG (the data ends before the end-of-image marker)");
    cv::Mat decoded;
    try {
        cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(bytes.data()));
        decoded = cv::imdecode(buffer, cv::IMREAD_COLOR); // applies EXIF orientation
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("cannot decode image: ") + e.err);
    }
    if (decoded.empty())
        return makeError(ErrorCode::Corrupt, "cannot decode image (truncated or corrupt data)");
    if (decoded.cols < limits.minSide || decoded.rows < limits.minSide)
        return makeError(ErrorCode::Corrupt, "image is " + std::to_string(decoded.cols) + "x" +
                                                 std::to_string(decoded.rows) + " pixels, too small to hold a label");
    if (static_cast<std::uint64_t>(decoded.cols) * decoded.rows > limits.maxPixels)
        return makeError(ErrorCode::TooLarge, "image over the pixel limit");
    Image img;
    img.width = decoded.cols;
    img.height = decoded.rows;
    img.channels = 3;
    if (!decoded.isContinuous())
        decoded = decoded.clone();
    img.pixels.assign(decoded.datastart, decoded.dataend);
    return img;
}

Expected<Image> loadImage(const std::filesystem::path& path, const LoadLimits& limits)
{
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return makeError(ErrorCode::NotFound, "no such file");
    if (std::filesystem::is_directory(status))
        return makeError(ErrorCode::InvalidArgument, "is a folder, not an image");
    auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot read file size: " + ec.message());
    if (size > limits.maxFileBytes)
        return makeError(ErrorCode::TooLarge, "file of " + std::to_string(size >> 20) + " MiB is over the limit of " +
                                                  std::to_string(limits.maxFileBytes >> 20) + " MiB");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open file for reading");
    std::vector<std::uint8_t> bytes(size);
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
        return makeError(ErrorCode::Io, "cannot read file");
    return decodeImage(bytes, limits);
}

} // namespace labelcheck::image
