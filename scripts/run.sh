#!/usr/bin/env bash
# README command 1: install what is needed, build, and run the main job on
# the embedded defaults (the builtin dictionaries): ingest the example
# articles into ./dyad.db and print how the North Korea–China relation
# moves. Safe to re-run: articles already stored are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
# The plain-text examples carry no date of their own.
build/dyad ingest --db dyad.db --date 2026-03-02 examples/*.txt examples/*.jsonl
build/dyad summary --db dyad.db --dyad PRK:CHN --both
