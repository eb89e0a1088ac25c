#pragma once
// How every writer prints numbers: amounts, milligrams, %DV and confidences, the same way in JSON, CSV,
// the table and HTML.

#include <string>

namespace labelcheck::report {

// Rounds to 4 decimal places (floating-point residue such as 1.1 g * 1000 = 1100.0000000000002 mg is not
// information) and prints the shortest text that reads back as that value: integers without ".0"
// ("200"), others as printed ("0.06"). Non-finite values print as "null" (never produced by the pipeline).
std::string formatNumber(double value);

// The value formatNumber prints, as a double (for writers that hand numbers to a JSON library).
double roundForOutput(double value);

} // namespace labelcheck::report
