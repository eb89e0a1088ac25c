#include "labelcheck/core/gtin.hpp"

#include <algorithm>
#include <cctype>

namespace labelcheck::gtin {

namespace {
bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}
} // namespace

int checkDigit(std::string_view payload)
{
    assert(allDigits(payload));
    // Weights alternate 3,1,3,... starting from the digit nearest the check digit.
    int sum = 0;
    int weight = 3;
    for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
}

bool hasValidCheckDigit(std::string_view code)
{
    if (!allDigits(code))
        return false;
    if (code.size() != 8 && code.size() != 12 && code.size() != 13 && code.size() != 14)
        return false;
    return checkDigit(code.substr(0, code.size() - 1)) == code.back() - '0';
}

Expected<std::string> expandUpcE(std::string_view e)
{
    if (e.size() != 8 || !allDigits(e))
        return makeError(ErrorCode::InvalidArgument, "UPC-E must be 8 digits");
    if (e[0] != '0' && e[0] != '1')
        return makeError(ErrorCode::InvalidArgument, "UPC-E number system must be 0 or 1");
    const std::string_view d = e.substr(1, 6);
    std::string body; // 10 digits: manufacturer (5) + product (5)
    switch (d[5]) {
    case '0': case '1': case '2':
        body = std::string(d.substr(0, 2)) + d[5] + "0000" + std::string(d.substr(2, 3));
        break;
    case '3':
        body = std::string(d.substr(0, 3)) + "00000" + std::string(d.substr(3, 2));
        break;
    case '4':
        body = std::string(d.substr(0, 4)) + "00000" + d[4];
        break;
    default:
        body = std::string(d.substr(0, 5)) + "0000" + d[5];
        break;
    }
    std::string upca = std::string(1, e[0]) + body + e[7];
    if (!hasValidCheckDigit(upca))
        return makeError(ErrorCode::InvalidArgument, "UPC-E " + std::string(e) + " has a wrong check digit");
    return upca;
}

std::optional<std::string> digitsOnly(std::string_view code)
{
    std::string out;
    for (char c : code) {
        if (c == ' ' || c == '-')
            continue;
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        out += c;
    }
    return out;
}

namespace {

// "'<code>' <what>" as an InvalidArgument error. Built by appending: GCC 12 warns (-Wrestrict, a false
// positive) on `"'" + std::string(code) + ...`.
Error invalidCode(std::string_view code, const std::string& what)
{
    std::string message = "'";
    message.append(code).append("' ").append(what);
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

} // namespace

Expected<std::string> toGtin14(std::string_view code, std::optional<Kind> kindHint)
{
    auto digits = digitsOnly(code);
    if (!digits || digits->empty())
        return invalidCode(code, "is not a barcode number (digits, spaces and dashes only)");
    std::string d = *digits;
    if (d.size() == 8 && kindHint == Kind::UpcE) {
        auto upca = expandUpcE(d);
        if (!upca)
            return upca.error();
        d = *upca;
    } else if (d.size() == 6 || d.size() == 7) {
        return invalidCode(code, "has " + std::to_string(d.size()) + " digits; use the 8-digit UPC-E with its number system and check digit");
    }
    if (d.size() != 8 && d.size() != 12 && d.size() != 13 && d.size() != 14)
        return invalidCode(code, "has " + std::to_string(d.size()) + " digits; expected 8 (EAN-8/UPC-E), 12 (UPC-A), 13 (EAN-13) or 14 (GTIN-14)");
    if (!hasValidCheckDigit(d))
        return invalidCode(code, "has a wrong check digit (expected " + std::to_string(checkDigit(std::string_view(d).substr(0, d.size() - 1))) + ")");
    return std::string(14 - d.size(), '0') + d;
}

bool isRestrictedCirculation(std::string_view g)
{
    if (g.size() != 14 || !allDigits(g))
        return false;
    // As an EAN-13 (drop the indicator digit): prefix 02 or 20-29.
    if (g[0] != '0')
        return false;
    return (g[1] == '0' && g[2] == '2') || g[1] == '2';
}

} // namespace labelcheck::gtin
