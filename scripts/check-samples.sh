#!/usr/bin/env bash
# Quick start 1: set up, build, and check every label photo in samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec build/release/bin/labelcheck check "$@" samples/
