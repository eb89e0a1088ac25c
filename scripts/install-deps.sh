#!/usr/bin/env bash
# Installs the Debian 12 packages labelcheck needs to build, test and run.
# Idempotent: when every package is already installed it changes nothing and touches no network.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libopencv-dev libopencv-contrib-dev
  libzxing-dev
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng
  libsqlite3-dev sqlite3
  doctest-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  fonts-dejavu-core fonts-liberation2
  xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present" >&2
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done" >&2
