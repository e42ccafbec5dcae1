#!/usr/bin/env bash
# Ingest speed: the Reuters-21578 bodies (19,043 articles) coded with the
# builtin dictionaries and stored in a new SQLite database, on one core
# (taskset -c 0), everything included (reading, coding, storing, commits).
# Target: at least 5,000 articles/s. Prints the median of RUNS runs (wall
# clock, and CPU = user + sys, which is what counts on a shared machine
# whose other jobs steal the core), and the same for `dyad code` alone, so
# the store's share can be seen.
#
#   bench/ingest.sh [RUNS]       (default 5; DYAD_BIN, DYAD_DICT to override)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
BIN=${DYAD_BIN:-build/dyad}
DICT=${DYAD_DICT:-builtin}
[ -x "$BIN" ] || scripts/build.sh >/dev/null
OUT=bench/out
mkdir -p "$OUT"
IN="$OUT/reuters.jsonl"
[ -s "$IN" ] || python3 bench/reuters_to_jsonl.py ../shared/corpora/reuters21578 "$IN"
ARTICLES=$(wc -l <"$IN")
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"

: >"$OUT/ingest.err"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Runs a command, appending "wall_ms/cpu_ms" to the named array. Exit 1
# (some records or dictionary lines were reported) still counts as a run.
timed() {
    local -n acc=$1
    shift
    local t
    t=$(mktemp)
    /usr/bin/time -f "%e %U %S" -o "$t" "$@" >/dev/null 2>>"$OUT/ingest.err" || [ $? = 1 ]
    acc+=("$(tail -1 "$t" | awk '{ printf "%d/%d", $1 * 1000, ($2 + $3) * 1000 }')")
    rm -f "$t"
}
ingest_runs=()
for _ in $(seq 1 "$RUNS"); do
    rm -f "$OUT/ingest.db" "$OUT/ingest.db-wal" "$OUT/ingest.db-shm"
    timed ingest_runs $PIN "$BIN" ingest --db "$OUT/ingest.db" --dict "$DICT" --quiet "$IN"
done
code_runs=()
for _ in $(seq 1 "$RUNS"); do
    timed code_runs $PIN "$BIN" code --dict "$DICT" --in jsonl --out jsonl "$IN"
done
mi=$(printf '%s\n' "${ingest_runs[@]}" | cut -d/ -f1 | median)
mc=$(printf '%s\n' "${code_runs[@]}" | cut -d/ -f1 | median)
ci=$(printf '%s\n' "${ingest_runs[@]}" | cut -d/ -f2 | median)
cc=$(printf '%s\n' "${code_runs[@]}" | cut -d/ -f2 | median)
events=$(sqlite3 "$OUT/ingest.db" 'SELECT count(*) FROM events')
mentions=$(sqlite3 "$OUT/ingest.db" 'SELECT count(*) FROM mentions')
size=$(du -k "$OUT/ingest.db" | cut -f1)
echo "input: $ARTICLES articles ($IN), dict $DICT, $RUNS runs, ${PIN:-no pinning}"
echo "dyad ingest: median wall $mi ms = $((ARTICLES * 1000 / (mi > 0 ? mi : 1))) articles/s; median CPU $ci ms = $((ARTICLES * 1000 / (ci > 0 ? ci : 1))) articles per CPU-s ($mentions mentions, $events events, ${size} KB)"
echo "dyad code:   median wall $mc ms = $((ARTICLES * 1000 / (mc > 0 ? mc : 1))) articles/s; median CPU $cc ms = $((ARTICLES * 1000 / (cc > 0 ? cc : 1))) articles per CPU-s (coding + JSONL output, no store)"
echo "runs (wall/CPU ms): ingest ${ingest_runs[*]}; code ${code_runs[*]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -s "$OUT/ingest.err" ] && echo "($(sort -u "$OUT/ingest.err" | wc -l) distinct diagnostics in $OUT/ingest.err)"
true
