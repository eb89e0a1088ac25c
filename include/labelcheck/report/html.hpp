#pragma once
// The HTML report of `labelcheck check --format html`: one self-contained file (inline CSS, thumbnails
// embedded as data URIs, outlines as inline SVG), written in three parts so that it can stream.

#include "labelcheck/core/check_result.hpp"
#include "labelcheck/report/annotation.hpp"
#include "labelcheck/report/tally.hpp"

#include <string>
#include <string_view>

namespace labelcheck::report {

// The document head and the opening of the body, titled `title`.
std::string htmlBegin(std::string_view title);

// One card per image: the annotated thumbnail (when `annotation` is non-null and has a jpeg) beside the
// fields of the result. Pure and thread-safe.
std::string htmlEntry(const CheckResult& result, const Annotation* annotation);

// The summary line and the end of the document.
std::string htmlEnd(const Tally& tally);

// Escapes &, <, >, " and ' for text and attribute values.
std::string htmlEscape(std::string_view text);

// Standard base64 (RFC 4648) with padding.
std::string base64Encode(const std::vector<std::uint8_t>& bytes);

} // namespace labelcheck::report
