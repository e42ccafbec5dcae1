#!/usr/bin/env bash
# Installs the Debian packages dyad needs to build and test. Safe to re-run:
# it only calls apt-get when something is missing. Needs root (or sudo).
set -euo pipefail

PACKAGES=(
  build-essential pkg-config cmake ninja-build clang libclang-rt-14-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-client
  libjson-c-dev libxml2-dev libutf8proc-dev libcmocka-dev valgrind python3
  time
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
