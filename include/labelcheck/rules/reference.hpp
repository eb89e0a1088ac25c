#pragma once
// What the rules know about a product from outside the photo: its reference-database record.
// Plain standard types so `db` (or a test) can fill it without the rules knowing SQL.

#include "labelcheck/core/mineral.hpp"

#include <array>
#include <optional>

namespace labelcheck::rules {

struct ReferenceMinerals {
    // Milligrams per serving, indexed by index(Mineral). Null: the record does not list the mineral;
    // 0: the record lists it as zero.
    std::array<std::optional<double>, 4> mg;
    bool electrolyteClaim = false; // the record (name, category or claims) says electrolytes
};

} // namespace labelcheck::rules
