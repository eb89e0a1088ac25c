#pragma once
// The OCR engine the ocr tests share: created once per test binary, as a worker thread would hold it, with
// the project's own models/.

#include "labelcheck/ocr/engine.hpp"

#include <doctest/doctest.h>

namespace labelcheck::testing {

inline ocr::EngineOptions testEngineOptions()
{
    ocr::EngineOptions o;
    o.modelsDir = LABELCHECK_SOURCE_DIR "/models";
    return o;
}

inline ocr::Engine& testEngine()
{
    static ocr::Engine e = [] {
        auto made = ocr::Engine::create(testEngineOptions());
        REQUIRE_MESSAGE(made.ok(), (made.ok() ? "" : made.error().message));
        return std::move(made.value());
    }();
    return e;
}

} // namespace labelcheck::testing
