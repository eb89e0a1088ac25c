#!/usr/bin/env bash
# Quick start 1: set up, build, and check every label photo in samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >&2 # build progress to stderr, so stdout holds only the results
exec build/release/bin/labelcheck check "$@" samples/
