#!/usr/bin/env bash
# The automatic dictionary cache (src/dict/dict_autocache.c): `dyad code`
# maps the compiled image of a dictionary set kept in $DYAD_CACHE_DIR while
# its source files are unchanged, reads the text again when one changes,
# never caches a set that loaded with warnings or files changed within the
# last two seconds, survives a damaged image, and is off with
# DYAD_CACHE_DIR=off. Output with and without the cache is identical.
set -u
: "${DYAD_BIN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export DYAD_CACHE_DIR="$tmp/cache"

dict="$tmp/tiny.dyd"
write_dict() { # $1: the code CONDEMN gets; $2: touch -d argument
    printf 'format 1\nactor FRE: freedonia\nactor SYL: sylvania\nverb CONDEMN [%s]: condemned\n' "$1" > "$dict"
    touch -d "$2" "$dict"
}
text="$tmp/a.jsonl"
printf '{"id":"a1","date":"2025-01-02","text":"Freedonia condemned Sylvania."}\n' > "$text"
code() { "$DYAD_BIN" code --in jsonl --out tsv --dict "$dict" "$text" 2>"$tmp/err"; }
image() { ls "$DYAD_CACHE_DIR"/*.dydc 2>/dev/null; }

echo "--- first run reads the text and writes the cache"
write_dict 111 "1 hour ago"
first=$(code) || fail "first run exited $?"
echo "$first" | grep -q 111 || fail "first run: no 111 event: $first"
[ -n "$(image)" ] || fail "no cache image written"
[ "$(ls "$DYAD_CACHE_DIR"/*.files | wc -l)" -eq 1 ] || fail "no manifest written"
stamp=$(stat -c %Y.%s "$(image)")

echo "--- second run maps it: same output, image not rewritten"
sleep 1
second=$(code) || fail "second run exited $?"
[ "$first" = "$second" ] || fail "output differs from the cache: $second"
[ "$(stat -c %Y.%s "$(image)")" = "$stamp" ] || fail "image rewritten although nothing changed"
off=$(DYAD_CACHE_DIR=off code)
[ "$off" = "$second" ] || fail "cached output differs from the text load"

echo "--- an edited dictionary is read again"
write_dict 112 "30 minutes ago"
third=$(code) || fail "third run exited $?"
echo "$third" | grep -q 112 || fail "stale cache used after the dictionary changed: $third"
fourth=$(code)
[ "$third" = "$fourth" ] || fail "rewritten cache gives other output: $fourth"

echo "--- a damaged image falls back to the text"
truncate -s 100 "$(image)"
fifth=$(code) || fail "run with a damaged image exited $?"
[ "$fifth" = "$third" ] || fail "damaged image changed the output: $fifth"
[ ! -s "$tmp/err" ] || fail "damaged image reported to the user: $(cat "$tmp/err")"

echo "--- an image damaged in place (size and time kept) falls back too"
code > /dev/null
img=$(image)
cp -p "$img" "$tmp/ref"
dd if=/dev/zero of="$img" bs=1 count=64 seek=0 conv=notrunc 2>/dev/null
touch -r "$tmp/ref" "$img"
sixth=$(code) || fail "run with a zeroed image header exited $?"
[ "$sixth" = "$third" ] || fail "zeroed image changed the output: $sixth"
[ ! -s "$tmp/err" ] || fail "zeroed image reported to the user: $(cat "$tmp/err")"

echo "--- a file changed just now is not cached"
rm -rf "$DYAD_CACHE_DIR"
write_dict 111 "now"
code > /dev/null || fail "run on a fresh file exited $?"
[ -z "$(image)" ] || fail "a file changed within two seconds was cached"

echo "--- a set that loads with a warning is not cached"
rm -rf "$DYAD_CACHE_DIR"
printf 'format 1\nactor FRE: freedonia\nactor SYL: sylvania\nverb CONDEMN [111]: condemned\nverb CONDEMN2 [111]: condemned\n' > "$dict"
touch -d "1 hour ago" "$dict"
code > /dev/null
grep -q warning "$tmp/err" || fail "expected a load warning, got: $(cat "$tmp/err")"
[ -z "$(image)" ] || fail "a set with warnings was cached"
code > /dev/null
grep -q warning "$tmp/err" || fail "the warning is not shown on the second run"

echo "--- DYAD_CACHE_DIR=off writes nothing"
rm -rf "$DYAD_CACHE_DIR"
write_dict 111 "1 hour ago"
DYAD_CACHE_DIR=off code > /dev/null
[ ! -e "$DYAD_CACHE_DIR" ] || fail "cache folder created although the cache is off"
echo ok
