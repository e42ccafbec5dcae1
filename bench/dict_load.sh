#!/usr/bin/env bash
# Dictionary load time and memory on the full PETRARCH-2 set (three Phoenix
# actor files, agents, CAMEO.2.0, discards, issues):
#   1. `dyad dict stats SPEC` N times: median wall time and peak RSS of the whole process;
#   2. bench_dict_load (bench/dict_load.c): the load alone, in one process, median of N;
#   3. the same two for a binary cache made with `dyad dict compile`.
# Usage: bench/dict_load.sh [N] [SPEC]     (BUILD=dir overrides the build folder, default build/)
# Targets (issue 3): at most 150 ms from text, 10 ms from a cache, peak RSS at most 80 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9}
spec=${2:-../shared/peers/petrarch2/petrarch2/data/config/PETR_config.ini}
build=${BUILD:-build}
if [ ! -x "$build/dyad" ] || [ ! -x "$build/bench_dict_load" ]; then
    [ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" --target dyad bench_dict_load >/dev/null
fi
bin="$build/dyad"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

process_runs() { # process_runs SPEC LABEL
    "$bin" dict stats "$1" >/dev/null 2>&1 || true   # warm the page cache
    local times=() rss=() cpu=()
    for _ in $(seq "$n"); do
        local t0 t1
        t0=$(date +%s%N)
        /usr/bin/time -o "$tmp/time" -f "%M %U %S" "$bin" dict stats "$1" >/dev/null 2>/dev/null || true
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
        read -r kb user sys < <(tail -1 "$tmp/time")
        rss+=("$kb")
        cpu+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')")
    done
    # CPU time is the steadier figure on a shared machine; wall time is what a user waits
    echo "$2 process: median wall $(median "${times[@]}") ms, CPU $(median "${cpu[@]}") ms, peak RSS $(median "${rss[@]}") KB  (wall sorted: $(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' '))"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)   spec: $spec"
process_runs "$spec" "text "
echo "text  $("$build/bench_dict_load" "$spec" "$n")"
"$bin" dict compile "$spec" -o "$tmp/set.dydc" 2>/dev/null
process_runs "$tmp/set.dydc" "cache"
echo "cache $("$build/bench_dict_load" "$tmp/set.dydc" "$n")"
