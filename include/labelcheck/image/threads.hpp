#pragma once
// How many threads the image library (OpenCV) may use inside one call.

namespace labelcheck::image {

// 1: every image operation runs on its caller's thread only. Batch checking runs one photo per worker and
// counts the barcode budget in each worker's CPU time: library helper threads would do work that no budget
// sees (so answers would depend on --jobs) and compete with the other workers. 0: the library's default
// (one helper per core). Process-wide; call before starting workers.
void setLibraryThreads(int n);

} // namespace labelcheck::image
