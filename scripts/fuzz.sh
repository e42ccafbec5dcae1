#!/usr/bin/env bash
# Build the libFuzzer targets (clang) and run each for SECONDS (default 60)
# on its seed corpus in fuzz/corpus/<target>/ (written by us). New inputs go
# to fuzz/corpus-run/<target>/ (not committed); crashes to fuzz/crashes/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
CC=clang cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDYAD_FUZZ=ON -DDYAD_TESTS=OFF >/dev/null
cmake --build build-fuzz >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do targets+=("$(basename "$f" .c)"); done
fi
mkdir -p fuzz/crashes
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus-run/$t" "fuzz/corpus/$t"
  # one log per target and duration, so the ctest smoke run (a few seconds)
  # never truncates the log of a long run going on at the same time
  log="fuzz/crashes/$t-${SECONDS_EACH}s.log"
  echo "fuzz: $t for ${SECONDS_EACH}s" >&2
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
      "build-fuzz/$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="fuzz/crashes/$t-" -print_final_stats=1 \
      "fuzz/corpus-run/$t" "fuzz/corpus/$t" 2>"$log"; then
    echo "fuzz: $t FAILED (see $log)" >&2
    tail -30 "$log" >&2
    status=1
  else
    # the last status line carries the coverage (cov: edges, ft: features, corp: corpus size)
    { grep -aE "^#[0-9]+.*cov:" "$log" | tail -1
      grep -aE "stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$log"
    } | sed "s/^/  $t /" >&2 || true
  fi
done
exit $status
