#!/usr/bin/env bash
# Smoke-run every libFuzzer target for a few seconds on its seed corpus
# (issue 7: the long runs are `scripts/fuzz.sh 600`). Needs clang; skips
# with a message when it is missing.
set -euo pipefail
cd "$DYAD_SRC"
if ! command -v clang >/dev/null; then echo "fuzz_smoke: clang not installed, skipped"; exit 0; fi
scripts/fuzz.sh "${DYAD_FUZZ_SMOKE_SECONDS:-8}"
