#pragma once
// Recognised text as it crosses from `ocr` to `facts`: plain structs, pixel boxes in the OCR'd image.

#include <string>
#include <vector>

namespace labelcheck {

struct Box {
    int x = 0, y = 0, width = 0, height = 0;
};

struct Word {
    std::string text;        // UTF-8
    float confidence = 0.0f; // 0..1
    Box box;
};

struct TextLine {
    std::vector<Word> words; // left to right
    Box box;
    // Words joined by single spaces.
    std::string text() const
    {
        std::string s;
        for (const auto& w : words) {
            if (!s.empty())
                s += ' ';
            s += w.text;
        }
        return s;
    }
    float confidence() const
    {
        if (words.empty())
            return 0.0f;
        float sum = 0;
        for (const auto& w : words)
            sum += w.confidence;
        return sum / static_cast<float>(words.size());
    }
};

} // namespace labelcheck
