#!/usr/bin/env bash
# README command 1: install what is needed, build, and run the main job on
# the embedded defaults: code the project's example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
build/dyad code examples/*.txt
