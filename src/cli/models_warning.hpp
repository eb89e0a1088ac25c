#pragma once
// A warning when labelcheck's models/ (the supplement vocabulary) cannot be found.

#include <string_view>

namespace labelcheck::cli {

// Prints one line to stderr, prefixed with `command` ("labelcheck check"), when ocr::defaultModelsDir() fails: a
// binary copied away from its share/ directory still reads labels, but without the user words and patterns, so
// worse and with other figures than the same build in place. Says nothing when the models are there.
void warnWithoutModels(std::string_view command);

} // namespace labelcheck::cli
