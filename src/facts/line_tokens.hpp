#pragma once
// Private to facts: a panel line as a sequence of words and values (amounts, %DV, dagger marks), with
// OCR word confidences carried along so a row's confidence can be computed from the words it used.

#include "labelcheck/core/text.hpp"
#include "labelcheck/facts/amount.hpp"
#include "labelcheck/facts/daily_value.hpp"

#include <string>
#include <vector>

namespace labelcheck::facts::detail {

enum class TokenKind { Word, Amount, Percent, Dagger };

struct Token {
    TokenKind kind = TokenKind::Word;
    std::string text;            // as printed (several OCR words when merged: "250 mg")
    Amount amount;               // kind Amount; a bare number has a null unit
    DailyValue dv;               // kind Percent or Dagger
    float confidence = 1;        // the lowest OCR confidence of its words
    int opens = 0;               // '(' in the text
    int closes = 0;              // ')' in the text
    bool separatorAfter = false; // followed by ',', ';' or a bullet: a run-in list continues
};

// Splits a line into tokens. Bullets ("•") become separators, "less than X" and "< X" mark X as less-than,
// a number followed by a unit word or "%" is merged, and a name glued to its amount ("Sodium115mg")
// is split.
std::vector<Token> tokenizeLine(const TextLine& line);

} // namespace labelcheck::facts::detail
