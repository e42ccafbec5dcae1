#!/usr/bin/env bash
# dyad code --in tabari honours the { OPTION: ... } records in file order,
# as dyad validate does, and FORWARD's story context, with the same output
# whatever --threads.
set -euo pipefail
: "${DYAD_BIN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# --- our own records, builtin dictionary
cat > "$tmp/a.text" <<'TXT'
250301  QUILL-01
France condemned Germany over the border closure on Monday.

250301  QUILL-SET
Raise the sentence length floor for the records below.
/* { OPTION: SET: MINIMUM WORDS = 40 } */

250301  QUILL-02
France condemned Germany over the border closure on Monday.

250301  QUILL-BACK
Lower it again.
/* { OPTION: SET: MINIMUM WORDS = 0 } */

250301  QUILL-03
France condemned Germany over the border closure on Monday.

250302  QUILL-SET2
Raise it once more; the next file must not inherit this.
/* { OPTION: SET: MINIMUM WORDS = 40 } */
TXT
cat > "$tmp/b.text" <<'TXT'
250303  INK-01
France condemned Germany over the border closure on Monday.
TXT
ids() { sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$1" | sort -u | tr '\n' ' '; }
for n in 1 2; do
    "$DYAD_BIN" code --in tabari --threads "$n" "$tmp/a.text" "$tmp/b.text" > "$tmp/opt.$n" \
        || fail "exit $? with --threads $n"
done
cmp -s "$tmp/opt.1" "$tmp/opt.2" || fail "OPTION records: --threads 2 differs from 1"
got=$(ids "$tmp/opt.1")
[ "$got" = "INK-01 QUILL-01 QUILL-03 " ] || fail "OPTION records not honoured in order: events for '$got'"

# FORWARD: the second sentence of a story takes its subject from the first.
{
    printf '250301  FWD-Modify\nCarry context between the sentences of one story.\n/* { OPTION: FORWARD: ON } */\n\n'
    # many short stories, so that several workers take them out of order
    for s in $(seq -w 1 40); do
        printf '250301  HARBOR-%s-001\nFrance accused Germany of spying on Monday.\n\n' "$s"
        printf '250301  HARBOR-%s-002\nLater that day it condemned Italy over the same affair.\n\n' "$s"
        if [ "$s" = 20 ]; then printf '250301  FWD-Off\nStop carrying.\n/* { OPTION: FORWARD: OFF } */\n\n'; fi
    done
} > "$tmp/f.text"
for n in 1 2 3; do
    "$DYAD_BIN" code --in tabari --threads "$n" "$tmp/f.text" > "$tmp/fwd.$n" || fail "exit $? (FORWARD, --threads $n)"
done
cmp -s "$tmp/fwd.1" "$tmp/fwd.2" || fail "FORWARD: --threads 2 differs from 1"
cmp -s "$tmp/fwd.1" "$tmp/fwd.3" || fail "FORWARD: --threads 3 differs from 1"
grep -q '"id":"HARBOR-05-002".*"target":"ITA"' "$tmp/fwd.1" || fail "FORWARD on: pronoun not carried"
if grep -q '"id":"HARBOR-25-002"' "$tmp/fwd.1"; then fail "FORWARD off: context still carried"; fi

# --- the TABARI validation suite, scored on the gold file (issue 4)
FLOOR=431
dir="${DYAD_SHARED:-}/peers/tabari-code"
gold="${DYAD_SHARED:-}/gold/tabari_validate.jsonl"
if [ -z "${DYAD_SHARED:-}" ] || [ ! -f "$dir/Validate.text" ] || [ ! -f "$gold" ]; then
    echo "ok (own records); skip: the TABARI validation suite is not present"
    exit 0
fi
for n in 1 2; do
    "$DYAD_BIN" code --in tabari --threads "$n" --dict "$dir/Validate.project" "$dir/Validate.text" \
        > "$tmp/val.$n" 2>/dev/null || fail "Validate.text: exit $? with --threads $n"
done
cmp -s "$tmp/val.1" "$tmp/val.2" || fail "Validate.text: --threads 2 differs from 1"
exact=$(python3 "$DYAD_SHARED/tools/score.py" "$gold" "$tmp/val.1" --json |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["metrics"]["full"]["exact"])')
echo "Validate.text through dyad code: $exact of 444 exactly right (floor $FLOOR)"
[ "$exact" -ge "$FLOOR" ] || fail "$exact exactly right, floor is $FLOOR"
echo ok
