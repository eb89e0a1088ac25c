#pragma once
// Several reads of one panel (grey and binarised, an outline taken on further) fail on different rows: their
// minerals are merged into the best read's. Pure.

#include "labelcheck/facts/facts.hpp"

namespace labelcheck::facts {

// The minerals that `into` lacks, taken from `from` (another read of the same panel), and those it read worse: a
// printed amount where `into` was only estimated from the %DV (its read lost the amount; unless that amount, read
// without a %DV, is over four times off the estimate either way: a misread of the %DV), or an amount that its %DV
// confirms where `into`'s is not confirmed ("Magnesium | 30mg J" against "Magnesium 130mg 33%": a digit lost), or,
// neither confirmed, one read more confidently by 0.3 or more. A %DV-only mineral taken is estimated under `into`'s
// Daily Values: the era is the panel's, and a read that lost the rows telling it (a fragment holding "Magnesium 11%"
// alone) took the current one.
void mergeMinerals(Facts& into, const Facts& from);

// A mineral of the panel read `into` whose row was read weakly (its confidence under 0.3, its amount unconfirmed by a
// whole %DV) takes the amount that one of `lines`, a read of the label at another scale (the package face's, where
// the panel's weakly read lines are read again), gives it confidently (0.8 or more) with the mineral's name on the
// same line; the panel's printed %DV, if any, must fit that amount as well. Lines are parsed one at a time: rows
// paired across lines there (a sparse read's "Magnesium (as" and another row's "600 mg") are not taken.
void crossCheckMinerals(Facts& into, const std::vector<TextLine>& lines);

// The minerals that `into` (the panel's reads) lacks or holds as rows it could not read, taken from `face`, the
// package face's read parsed as rows, where it read an amount (not a %DV alone) at 0.5 or more. The face is read at
// another scale, round the panel's weakly read lines: a panel seen steeply or small reads there whole (seed 4242's
// 073, "Potassium (as" / "potassium" / "Citrate) 90 mq", a row the panel's reads lost to the ingredient list's
// "potassium citrate"). Nothing the panel read is replaced (crossCheckMinerals' business), and a mineral the panel
// calls "not a significant source" stays absent.
void takeMissingMinerals(Facts& into, const Facts& face);

// What `from` (another read of the same panel) saw in the panel's words that `into` lost: an electrolyte claim
// ("Electrolyte Blend" read whole where the read kept had the name cut at the outline's edge: "actrolyte Blend") and
// the minerals named as compounds. Either read seeing them is enough: both reads are of the same panel's text.
void mergeMentions(Facts& into, const Facts& from);

} // namespace labelcheck::facts
