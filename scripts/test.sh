#!/usr/bin/env bash
# Quick start 2: set up, build, and run the whole test suite (exits non-zero when a test fails).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec ctest --preset release "$@"
