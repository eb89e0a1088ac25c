#include "labelcheck/db/product.hpp"

#include <algorithm>
#include <cctype>

namespace labelcheck::db {

bool mentionsElectrolytes(std::string_view text)
{
    static constexpr std::string_view kWord = "electrolyte";
    auto it = std::search(text.begin(), text.end(), kWord.begin(), kWord.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != text.end();
}

} // namespace labelcheck::db
