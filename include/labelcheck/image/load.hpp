#pragma once
// Loading photos from disk: format sniffing, size limits checked from the header before any pixel is
// decoded (decompression bombs), EXIF orientation applied.

#include "labelcheck/core/expected.hpp"
#include "labelcheck/image/image.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>

namespace labelcheck::image {

struct LoadLimits {
    std::uint64_t maxFileBytes = 256ull << 20; // 256 MiB
    std::uint64_t maxPixels = 120'000'000;     // ~120 MP: any phone photo, not a bomb
    int minSide = 16;                          // smaller cannot hold a barcode or a panel
};

enum class FileFormat { Jpeg, Png, WebP, Tiff, Bmp };

struct Header {
    FileFormat format;
    std::optional<int> width, height; // when the header states them
};

// Identifies the format from the first bytes and reads the stated dimensions where the header has them.
// Returns nullopt when the bytes are none of the supported formats. Pure: no decoding.
std::optional<Header> sniffHeader(std::span<const std::uint8_t> bytes);

// True for the file extensions labelcheck treats as photos (.jpg .jpeg .png .webp .tif .tiff .bmp),
// case-insensitive.
bool hasImageExtension(const std::filesystem::path& path);

// Reads and decodes a photo as 3-channel BGR with its EXIF orientation applied.
// Errors (one line each): NotFound, Io, Unsupported (not an image format), TooLarge (file or pixel count
// over `limits`, refused before decoding), Corrupt (empty, truncated or undecodable; image smaller than
// limits.minSide). Thread-safe.
Expected<Image> loadImage(const std::filesystem::path& path, const LoadLimits& limits = {});

// Same from bytes in memory; `name` is only used in messages.
Expected<Image> decodeImage(std::span<const std::uint8_t> bytes, const LoadLimits& limits = {});

} // namespace labelcheck::image
