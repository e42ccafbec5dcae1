#!/usr/bin/env bash
# dyad dict check|stats|lookup|convert on small dictionaries of our own and on
# the peers' sets (read from $DYAD_SHARED at run time).
set -uo pipefail
: "${DYAD_BIN:?}" "${DYAD_SRC:?}" "${DYAD_SHARED:?}"
data="$DYAD_SRC/tests/data/dict"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # expect NAME WANT_RC GOT_RC
    if [ "$2" != "$3" ]; then echo "FAIL $1: exit $3, want $2"; fail=1; else echo "ok   $1"; fi
}
contains() { # contains NAME FILE TEXT
    if grep -qF -- "$3" "$2"; then echo "ok   $1"; else echo "FAIL $1: no '$3' in:"; cat "$2"; fail=1; fi
}

"$DYAD_BIN" dict check "$data/good.dyd" >"$tmp/out" 2>"$tmp/err"; expect "check good" 0 $?
"$DYAD_BIN" dict check "$data/bad.dyd" >"$tmp/out" 2>"$tmp/err"; expect "check bad" 1 $?
contains "bad date reported with file:line" "$tmp/err" "bad.dyd:3: error: bad date range"
contains "bad code reported" "$tmp/err" "bad.dyd:4: error: bad actor code: actor Z!M: zembla"
contains "unknown keyword reported" "$tmp/err" "bad.dyd:5: error: unknown keyword"
contains "summary line" "$tmp/err" "3 error(s)"
"$DYAD_BIN" dict lookup "$data/bad.dyd" "ruritania" >"$tmp/out" 2>"$tmp/err"; expect "lookup after bad lines" 0 $?
contains "good lines still load" "$tmp/out" "RUR (${data}/bad.dyd:6)"
"$DYAD_BIN" dict check "$tmp/none.dyd" >"$tmp/out" 2>"$tmp/err"; expect "check unopenable" 2 $?
"$DYAD_BIN" dict >"$tmp/out" 2>"$tmp/err"; expect "usage" 2 $?
"$DYAD_BIN" dict lookup "$data/good.dyd" "Ola Brann" --date 2012-06-01 >"$tmp/out" 2>"$tmp/err"; expect "lookup dated" 0 $?
contains "dated code and provenance" "$tmp/out" "ZEMGOV (${data}/good.dyd:4)"
"$DYAD_BIN" dict lookup "$data/good.dyd" "Ola Brann" --date 2016-01-01 >"$tmp/out" 2>"$tmp/err"
contains "open-ended range" "$tmp/out" "ZEMELI"
"$DYAD_BIN" dict lookup "$data/good.dyd" "Ola Brann" --date 2009-01-01 >"$tmp/out" 2>"$tmp/err"
contains "undated fallback" "$tmp/out" "ZEMREB"
"$DYAD_BIN" dict lookup "$data/manifest.dyd" "the foreign minister lent zemblans apples" >"$tmp/out" 2>"$tmp/err"
expect "lookup through a manifest" 0 $?
contains "agent" "$tmp/out" 'agent "foreign minister": ~GOV'
contains "verb" "$tmp/out" 'verb "lent": block LEND [070]'
"$DYAD_BIN" dict lookup "$data/good.dyd" "Ola Brann" --date 2012-13-01 >"$tmp/out" 2>"$tmp/err"; expect "bad --date" 2 $?
"$DYAD_BIN" dict stats "$data/good.dyd" >"$tmp/out" 2>"$tmp/err"; expect "stats" 0 $?
contains "stats counts" "$tmp/out" "actor_codes          7"

# round trip: convert writes native that loads cleanly with the same counts
"$DYAD_BIN" dict convert "$data/good.dyd" -o "$tmp/conv.dyd" 2>"$tmp/err"; expect "convert" 0 $?
"$DYAD_BIN" dict check "$tmp/conv.dyd" >"$tmp/out" 2>"$tmp/err"; expect "converted file is clean" 0 $?

# the peers' sets
p2="$DYAD_SHARED/peers/petrarch2/petrarch2/data/config/PETR_config.ini"
if [ -f "$p2" ]; then
    "$DYAD_BIN" dict check "$p2" >"$tmp/out" 2>"$tmp/err"; expect "check PETRARCH-2 set" 0 $?
    "$DYAD_BIN" dict stats "$p2" >"$tmp/out" 2>"$tmp/err"
    contains "PETRARCH-2 base lines" "$tmp/out" "actor_records        27252"
    contains "PETRARCH-2 issues" "$tmp/out" "issues               2976"
    "$DYAD_BIN" dict lookup "$p2" "Croatia" --date 1991-12-01 >"$tmp/out" 2>"$tmp/err"
    contains "PETRARCH-2 dated lookup" "$tmp/out" "HRVUNR"
    "$DYAD_BIN" dict convert "$p2" -o "$tmp/p2.dyd" 2>"$tmp/err"; expect "convert PETRARCH-2 set" 0 $?
    "$DYAD_BIN" dict compile "$p2" -o "$tmp/p2.dydc" 2>"$tmp/err"; expect "compile PETRARCH-2 set" 0 $?
    "$DYAD_BIN" dict convert "$tmp/p2.dydc" -o "$tmp/p2c.dyd" 2>"$tmp/err"; expect "convert from the cache" 0 $?
    if cmp -s "$tmp/p2.dyd" "$tmp/p2c.dyd"; then echo "ok   cache holds the same set"; else echo "FAIL cache differs"; fail=1; fi
    "$DYAD_BIN" dict lookup "$tmp/p2.dydc" "Croatia" --date 1991-12-01 >"$tmp/out" 2>"$tmp/err"
    contains "lookup from the cache" "$tmp/out" "HRVUNR"
    "$DYAD_BIN" dict check "$tmp/p2.dyd" >"$tmp/out" 2>"$tmp/err"; expect "converted PETRARCH-2 set is clean" 0 $?
fi
for proj in "$DYAD_SHARED/peers/tabari-code/Validate.project" "$DYAD_SHARED/peers/tabari-code/TABARI.Demo.project"; do
    [ -f "$proj" ] || continue
    "$DYAD_BIN" dict check "$proj" >"$tmp/out" 2>"$tmp/err"; expect "check $(basename "$proj")" 0 $?
    "$DYAD_BIN" dict convert "$proj" -o "$tmp/t.dyd" 2>"$tmp/err"; expect "convert $(basename "$proj")" 0 $?
    "$DYAD_BIN" dict check "$tmp/t.dyd" >"$tmp/out" 2>"$tmp/err"; expect "converted $(basename "$proj") is clean" 0 $?
done
if [ -d "$DYAD_SHARED/peers/petrarch1-2015" ]; then
    "$DYAD_BIN" dict check "$data/petrarch1.dyd" >"$tmp/out" 2>"$tmp/err"; expect "check PETRARCH-1 set (manifest)" 0 $?
    "$DYAD_BIN" dict stats "$data/petrarch1.dyd" >"$tmp/out" 2>"$tmp/err"
    contains "PETRARCH-1 family" "$tmp/out" "petrarch1"
    contains "PETRARCH-1 patterns" "$tmp/out" "patterns             474"
fi
zip="$DYAD_SHARED/peers/tabari-dictionaries/CountryInfo.120116.actors.zip"
if [ -f "$zip" ] && command -v unzip >/dev/null; then
    unzip -q -o "$zip" -d "$tmp"
    "$DYAD_BIN" dict check "$tmp/CountryInfo.120116.actors" >"$tmp/out" 2>"$tmp/err"; expect "check CountryInfo (zipped)" 0 $?
fi
exit $fail
