#pragma once
// GTIN arithmetic: check digits, UPC-E expansion and normalisation to GTIN-14.
// Pure functions over digit strings; no third-party types.

#include "labelcheck/core/expected.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace labelcheck::gtin {

// GS1 mod-10 check digit for `payload` (digits without the check digit). Precondition: all digits.
int checkDigit(std::string_view payload);

// True when `code` is all digits, 8/12/13/14 long, and its last digit is the GS1 check digit.
bool hasValidCheckDigit(std::string_view code);

// Expands an 8-digit UPC-E (number system 0 or 1, 6 data digits, check digit) to its 12-digit UPC-A.
// Errors: InvalidArgument when not 8 digits, number system not 0/1, or the check digit is wrong.
Expected<std::string> expandUpcE(std::string_view upce);

// Kinds of codes people type or scanners print.
enum class Kind { Ean8, UpcE, UpcA, Ean13, Gtin14 };

// Normalises a code as printed or typed (spaces and dashes allowed: "7 39930 19531 8") to GTIN-14.
// 8 digits are read as EAN-8 unless `kindHint` is UpcE. UPC-E is expanded first.
// Errors: InvalidArgument with a one-line reason (not digits, wrong length, bad check digit).
Expected<std::string> toGtin14(std::string_view code, std::optional<Kind> kindHint = std::nullopt);

// Removes spaces and dashes; returns the digits or nullopt when anything else is present.
std::optional<std::string> digitsOnly(std::string_view code);

// GS1 restricted-circulation numbers (GTIN-14 "002..." or "0020"-"0029" EAN-13 prefixes 02, 20-29):
// never assigned to trade items, so safe for sample data.
bool isRestrictedCirculation(std::string_view gtin14);

} // namespace labelcheck::gtin
