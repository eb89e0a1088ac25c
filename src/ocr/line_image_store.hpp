#pragma once

namespace labelcheck::ocr::detail {

// Whether this process's Leptonica `pixWriteMem`, as Tesseract's dynamic link finds it, is the one in
// line_image_store.cpp, which hands Tesseract's line images over uncompressed. Engine::create asks, so that the
// definition is linked into every program that recognises text.
bool lineImagesUncompressed();

} // namespace labelcheck::ocr::detail
