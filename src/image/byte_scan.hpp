#pragma once
// Scanning a row of an 8-bit mask (0 clear, anything else set) eight bytes at a time over stretches that hold none
// of what is sought. Internal to the image module.

#include <cstdint>
#include <cstring>

namespace labelcheck::image::detail {

// Eight bytes of `p` as one word.
inline std::uint64_t eightBytes(const std::uint8_t* p)
{
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// Whether any of the eight bytes of `w` is zero.
inline bool anyZeroByte(std::uint64_t w)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    return ((w - ones) & ~w & highs) != 0;
}

// The first x >= `x` below `end` where p[x] is set (`set`) or clear (!`set`), or `end`.
inline int nextWhere(const std::uint8_t* p, int x, int end, bool set)
{
    if (set)
        while (x + 8 <= end && eightBytes(p + x) == 0)
            x += 8;
    else
        while (x + 8 <= end && !anyZeroByte(eightBytes(p + x)))
            x += 8;
    while (x < end && (p[x] != 0) != set)
        ++x;
    return x;
}

} // namespace labelcheck::image::detail
