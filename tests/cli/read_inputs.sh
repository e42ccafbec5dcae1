#!/usr/bin/env bash
# The article readers as the command line sees them (through `dyad split`):
# every input format found by "auto", the ids each one gives, and the exit
# status for bad input (1: something reported and skipped) and for inputs
# that cannot be opened at all (2).
set -uo pipefail
: "${DYAD_BIN:?}" "${DYAD_SRC:?}"
data="$DYAD_SRC/tests/data/read"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# run NAME EXPECTED_RC ARGS...: stdout to $tmp/NAME.out, stderr to $tmp/NAME.err
run() {
    local name=$1 want=$2 rc=0
    shift 2
    "$DYAD_BIN" split "$@" > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
    if [ "$rc" != "$want" ]; then
        fail "$name: exit $rc, want $want"
        sed 's/^/    /' "$tmp/$name.err" | head -5
    fi
}

# The distinct article ids of a split output, in order, space separated.
ids() {
    python3 -c '
import json, sys
seen = []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    i = json.loads(line)["id"]
    if i not in seen:
        seen.append(i)
print(" ".join(seen))' "$1"
}

expect_ids() {
    local name=$1 want=$2 got
    got=$(ids "$tmp/$name.out")
    [ "$got" = "$want" ] || fail "$name: ids '$got', want '$want'"
}

expect_err() {
    grep -q -- "$2" "$tmp/$1.err" || { fail "$1: stderr lacks '$2'"; sed 's/^/    /' "$tmp/$1.err" | head -5; }
}

if "$DYAD_BIN" split --help 2>&1 | grep -q "not built yet"; then
    echo "dyad split is not built yet: nothing to drive the readers with"
    exit 1
fi

# Every format by "auto".
run text 0 "$data/article.txt";          expect_ids text "article"
run html 0 "$data/article.html";         expect_ids html "article"
run tabari 0 "$data/records.text";       expect_ids tabari "QUAY-01 QUAY-02 QUAY-01#2"
run petrarch 0 "$data/validation.xml";   expect_ids petrarch "QUAY-01 QUAY-02"
run jsonl 1 "$data/articles.jsonl";      expect_ids jsonl "pe-1 pe-2 4"
expect_err jsonl "articles.jsonl:3:.*error: bad JSON"

# The same, named explicitly and through standard input.
run stdin_jsonl 1 --in jsonl - < "$data/articles.jsonl"; expect_ids stdin_jsonl "pe-1 pe-2 4"
run stdin_auto 0 < "$data/validation.xml";               expect_ids stdin_auto "QUAY-01 QUAY-02"
run forced_text 0 --in text "$data/records.text";        expect_ids forced_text "records"
run stdin_auto_jsonl 1 < "$data/articles.jsonl"
expect_err stdin_auto_jsonl "^-:3:"

# HTML furniture stays out of the text.
grep -q "Share this story\|Great article\|Home\|rights reserved" "$tmp/html.out" &&
    fail "html: page furniture leaked into the text"

# Bad input: reported, the rest still read.
: > "$tmp/empty.txt"
run empty 0 "$tmp/empty.txt";            expect_err empty "empty input"
python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(256)) * 16)' > "$tmp/blob.txt"
run binary 1 "$tmp/blob.txt" "$data/article.txt"
expect_err binary "binary file, not text"
expect_ids binary "article"
printf 'Caf\xe9 owners met.\nThe mayor of Ni\xe7a spoke.\n' > "$tmp/latin1.txt"
run latin1 0 "$tmp/latin1.txt";          expect_err latin1 "latin1.txt:1:4: warning: invalid UTF-8: 2 bad bytes"
printf 'A stray\0byte is kept.\n' > "$tmp/nul.txt"
run nul 0 "$tmp/nul.txt";                expect_err nul "NUL byte"

# Inputs that cannot be read at all.
run missing 2 "$tmp/no-such-file.jsonl"; expect_err missing "cannot open"
run directory 2 "$tmp";                  expect_err directory "is a directory"
run through_file 2 "$data/article.txt/below"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "read_inputs: all passed"
