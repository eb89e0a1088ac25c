#pragma once
// A small picture of a checked photo with the regions the pipeline found, for the HTML report.
// Made in the worker thread that checked the photo, so that only the compressed thumbnail is kept.

#include "labelcheck/image/image.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace labelcheck::report {

enum class RegionKind { Barcode, Panel, Row };

struct Point {
    int x = 0, y = 0;
};

struct Region {
    RegionKind kind = RegionKind::Barcode;
    std::string label;         // shown next to the outline ("EAN-13 4006381333931", "sodium 200 mg")
    std::vector<Point> points; // closed polygon; in the coordinates of the image given to makeAnnotation,
                               // in thumbnail pixels once stored in an Annotation
};

struct Annotation {
    int width = 0, height = 0;      // thumbnail size in pixels
    std::vector<std::uint8_t> jpeg; // the thumbnail, JPEG-encoded
    std::vector<Region> regions;    // in thumbnail pixels
};

// Scales `photo` so that its longer side is at most `maxSide` pixels (never enlarges), JPEG-encodes it
// and maps `regions` (given in `photo`'s pixels) into the thumbnail. Returns an empty Annotation (no
// jpeg) when the photo is empty or cannot be encoded. Thread-safe.
Annotation makeAnnotation(const image::Image& photo, std::vector<Region> regions, int maxSide = 480);

} // namespace labelcheck::report
