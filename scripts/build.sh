#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds the release preset.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
