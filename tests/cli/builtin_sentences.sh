#!/usr/bin/env bash
# The builtin dictionaries on our own invented news sentences
# (tests/data/builtin/sentences.jsonl: every CAMEO root, countries, capitals
# as speakers, dated leaders, IGOs, agents, armed groups, and sport / market /
# entertainment sentences that must give nothing). `dyad code` with the
# default dictionary (builtin), scored by ../shared/tools/score.py.
# Every record must be exact (reached on 2026-11-27: 475 of 475): each one
# states what our dictionaries and the native coder rules must give, so a
# record that breaks is a regression, shown with what was coded instead.
set -u
: "${DYAD_BIN:?}" "${DYAD_SRC:?}"
gold="$DYAD_SRC/tests/data/builtin/sentences.jsonl"
score="${DYAD_SHARED:-}/tools/score.py"
if [ -z "${DYAD_SHARED:-}" ] || [ ! -f "$score" ] || ! command -v python3 >/dev/null; then
    echo "skip: ../shared/tools/score.py or python3 not available"
    exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
# Our verb, synset and discard files must load without a single report (the
# actor files have their own test; their reports are shown, not counted).
"$DYAD_BIN" dict check builtin >/dev/null 2>"$tmp"
if grep -E 'verbs/|synsets\.dyd|discards\.dyd' "$tmp" >/dev/null; then
    echo "FAIL: dyad dict check builtin reports problems in our files:"
    grep -E 'verbs/|synsets\.dyd|discards\.dyd' "$tmp" | head -n 20
    exit 1
fi
grep -v ': 0 error(s), 0 warning(s)' "$tmp" | head -n 5
"$DYAD_BIN" code --in jsonl --out jsonl "$gold" > "$tmp" 2>/dev/null
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: dyad code exited $rc"; exit 1; }
report=$(python3 "$score" --per-record "$gold" "$tmp") || { echo "FAIL: score.py failed"; exit 1; }
total=$(grep -c . "$gold")
exact=$(printf '%s\n' "$report" | awk '$1 == "full" { split($2, a, "/"); print a[1]; exit }')
if [ "$exact" != "$total" ]; then
    printf '%s\n' "$report" | sed -n '/^records not exactly right at level full/,$p' | head -n 80
    echo "FAIL: $exact of $total records exact"
    exit 1
fi
echo "ok: $exact of $total records exact"
