#!/usr/bin/env bash
# dyad code: options, exit statuses, and that bad input never costs good input.
set -uo pipefail
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A dictionary that loads cleanly (read in place), so that exit statuses
# speak about the articles; DYAD_TEST_DICT=builtin tests the project's own.
dict=${DYAD_TEST_DICT:-$DYAD_SHARED/peers/petrarch2/petrarch2/data/config/PETR_config.ini}
fails=0
expect() { # expect WANT_RC DESCRIPTION -- command...
    local want=$1 what=$2; shift 3
    local rc=0
    "$@" > "$tmp/out" 2> "$tmp/err" || rc=$?
    if [ "$rc" != "$want" ]; then
        echo "FAIL: $what: exit $rc, want $want"; head -3 "$tmp/err"; fails=$((fails + 1))
    fi
}

cat > "$tmp/good.jsonl" <<'JSON'
{"id": "g1", "date": "2031-05-01", "text": "Ruritania's president met the Japanese prime minister in Tokyo."}
{"id": "g2", "text": "Rebels attacked a police station in Peru. The government condemned the attack."}
JSON
cat > "$tmp/bad.jsonl" <<'JSON'
{"id": "b1", "date": "2031-05-02", "text": "Chinese troops fired on Indian soldiers near the border."}
{"id": "b2", "text": "this record is broken
{"id": "b3", "date": "2031-05-03", "text": "Germany signed a trade agreement with France."}
JSON

expect 0 "--help" -- "$DYAD_BIN" code --dict "$dict" --help
grep -q -- '--threads' "$tmp/out" || { echo "FAIL: --help does not mention --threads"; fails=$((fails + 1)); }
expect 2 "unknown option" -- "$DYAD_BIN" code --dict "$dict" --no-such-option "$tmp/good.jsonl"
expect 2 "unknown --out" -- "$DYAD_BIN" code --dict "$dict" --out xml "$tmp/good.jsonl"
expect 2 "unknown --in" -- "$DYAD_BIN" code --dict "$dict" --in pdf "$tmp/good.jsonl"
expect 2 "bad --date" -- "$DYAD_BIN" code --dict "$dict" --date 2031-5-1 "$tmp/good.jsonl"
expect 2 "bad --status" -- "$DYAD_BIN" code --dict "$dict" --status rumoured "$tmp/good.jsonl"
expect 2 "bad --threads" -- "$DYAD_BIN" code --dict "$dict" --threads many "$tmp/good.jsonl"
expect 2 "option without value" -- "$DYAD_BIN" code --dict "$dict" --in jsonl "$tmp/good.jsonl" --out
expect 2 "missing dictionary" -- "$DYAD_BIN" code --dict "$tmp/no-such.project" "$tmp/good.jsonl"
expect 0 "good input" -- "$DYAD_BIN" code --dict "$dict" --in jsonl "$tmp/good.jsonl"
cp "$tmp/out" "$tmp/good.out"

# An unopenable file: exit 2, and the other file is still coded in full.
expect 2 "missing file" -- "$DYAD_BIN" code --dict "$dict" --in jsonl "$tmp/no-such.jsonl" "$tmp/good.jsonl"
cmp -s "$tmp/out" "$tmp/good.out" || { echo "FAIL: a missing file changed the other file's events"; fails=$((fails + 1)); }
grep -q 'no-such.jsonl' "$tmp/err" || { echo "FAIL: the missing file is not named"; fails=$((fails + 1)); }

# A broken record: exit 1, reported with file:line, the good records coded.
for n in 1 2; do
    expect 1 "broken record, --threads $n" -- "$DYAD_BIN" code --dict "$dict" --in jsonl --threads "$n" "$tmp/bad.jsonl"
    grep -q "bad.jsonl:2" "$tmp/err" || { echo "FAIL: broken record not reported at bad.jsonl:2"; fails=$((fails + 1)); }
    grep -q '"id":"b2"' "$tmp/out" && { echo "FAIL: events from the broken record"; fails=$((fails + 1)); }
    cp "$tmp/out" "$tmp/bad.out.$n"
done
cmp -s "$tmp/bad.out.1" "$tmp/bad.out.2" || { echo "FAIL: --threads changed the output"; fails=$((fails + 1)); }

# --status keeps only the statuses asked for.
expect 0 "--status" -- "$DYAD_BIN" code --dict "$dict" --in jsonl --status planned,negated "$tmp/good.jsonl"
if grep -q '"status":"reported"\|"status":"speculative"' "$tmp/out"; then
    echo "FAIL: --status planned,negated let other statuses through"; fails=$((fails + 1))
fi
# --date dates the undated article; dated ones keep their own date.
expect 0 "--date" -- "$DYAD_BIN" code --dict "$dict" --in jsonl --date 2030-01-02 "$tmp/good.jsonl"
if grep -q '"id":"g2"' "$tmp/out" && ! grep '"id":"g2"' "$tmp/out" | grep -q '"date":"2030-01-02"'; then
    echo "FAIL: --date not used for the undated article"; fails=$((fails + 1))
fi
if grep '"id":"g1"' "$tmp/out" | grep -q '"date":"2030-01-02"'; then
    echo "FAIL: --date overrode an article's own date"; fails=$((fails + 1))
fi
# Empty input is fine and, for csv, still has its header.
expect 0 "empty input, csv" -- "$DYAD_BIN" code --dict "$dict" --in jsonl --out csv /dev/null
head -1 "$tmp/out" | grep -q '^id,sentence,date,' || { echo "FAIL: csv header missing"; fails=$((fails + 1)); }

[ "$fails" -eq 0 ] || { echo "$fails failures"; exit 1; }
echo ok
