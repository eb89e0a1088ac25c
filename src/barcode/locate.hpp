#pragma once
// Finds image regions that look like 1D barcodes: strong gradients that all point the same way.
// Internal to the barcode module.

#include <opencv2/core.hpp>

#include <vector>

namespace labelcheck::barcode::detail {

struct Region {
    cv::RotatedRect box;  // in the input image's pixels
    double gradientAngle; // radians, direction across the bars (bars run perpendicular to it)
    double score;         // larger is more barcode-like; only for ranking
};

// Up to `maxRegions` candidate regions of `grey` (CV_8UC1), best first. A blob of strong gradients whose
// directions are mixed (a blurred symbol joined to a label's border and text) is split: its pixels of the
// dominant direction, opened wider, are looked at again. Works on a copy scaled to at most
// `workSide` pixels on the long side, so its cost is bounded whatever the photo's size.
std::vector<Region> locateBarcodes(const cv::Mat& grey, int maxRegions, int workSide = 800);

// Up to `maxTiles` squares of about `tileSide` pixels of `grey` (a large photo), most barcode-like first:
// ranked by the coherent gradient energy inside (strong edges all parallel), non-overlapping by more than
// half. A coarse locator that, unlike locateBarcodes, needs no clean blob: a small, soft barcode next to
// crisp text still wins its tile. Empty when the photo is smaller than a tile.
std::vector<cv::Rect> rankTiles(const cv::Mat& grey, int tileSide, int maxTiles);

} // namespace labelcheck::barcode::detail
