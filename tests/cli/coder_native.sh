#!/usr/bin/env bash
# The coder's native-family rules (src/coder/n_*.c) on invented news
# sentences (tests/data/coder_native/news.jsonl): repeated code blocks,
# capitals as speakers, partitive and subordinate-clause subjects,
# nominalised and wished-for acts, long reciprocal lists, relative and
# participle clauses, titles before an agent, trailing attributions,
# datelines. Every record must be exact: each one states a rule.
set -u
: "${DYAD_BIN:?}" "${DYAD_SRC:?}"
gold="$DYAD_SRC/tests/data/coder_native/news.jsonl"
score="${DYAD_SHARED:-}/tools/score.py"
if [ -z "${DYAD_SHARED:-}" ] || [ ! -f "$score" ] || ! command -v python3 >/dev/null; then
    echo "skip: ../shared/tools/score.py or python3 not available"
    exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$DYAD_BIN" code --in jsonl --out jsonl --dict builtin "$gold" > "$tmp" 2>/dev/null
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: dyad code exited $rc"; exit 1; }
report=$(python3 "$score" --per-record "$gold" "$tmp")
total=$(grep -c . "$gold")
exact=$(printf '%s\n' "$report" | awk '$1 == "full" { split($2, a, "/"); print a[1]; exit }')
if [ "$exact" != "$total" ]; then
    printf '%s\n' "$report" | sed -n '/^records not exactly right at level full/,$p' | head -n 60
    echo "FAIL: $exact of $total records exact"
    exit 1
fi
echo "ok: $exact of $total records exact"
