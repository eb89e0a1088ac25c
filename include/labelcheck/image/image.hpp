#pragma once
// A decoded raster that crosses module lines without exposing OpenCV: 8 bits per channel, rows packed.

#include <cstdint>
#include <vector>

namespace labelcheck::image {

struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;                 // 1 (grey) or 3 (BGR)
    std::vector<std::uint8_t> pixels; // width * height * channels bytes, row-major

    bool empty() const { return width <= 0 || height <= 0 || pixels.empty(); }
    const std::uint8_t* row(int y) const { return pixels.data() + static_cast<std::size_t>(y) * width * channels; }
};

} // namespace labelcheck::image
