#!/usr/bin/env bash
# dyad ingest --threads N stores what --threads 1 stores: the full exports
# (events with their counts, mentions, GDELT rows) of the two databases are
# identical but for the ingest times.
set -euo pipefail
: "${DYAD_BIN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Our own articles: many actors and verbs, some repeated (same text under
# another id, and same id again) so that the skip path runs too.
actors=(France Germany Italy Spain Poland Egypt Kenya Brazil Canada Japan India Turkey)
verbs=("condemned" "met with" "accused" "praised" "threatened" "signed an agreement with")
{
    n=0
    for i in $(seq 0 239); do
        a=${actors[$((i % 12))]} b=${actors[$(((i * 7 + i / 12 + 5) % 12))]} v=${verbs[$((i / 12 % 6))]}
        [ "$a" = "$b" ] && b=Chile
        day=$(printf '%02d' $((i % 28 + 1)))
        printf '{"id":"art-%d","date":"2025-04-%s","url":"https://news.example/%d","text":"%s %s %s on Tuesday. Officials in %s said talks would go on for %d days."}\n' \
            "$i" "$day" "$i" "$a" "$v" "$b" "$b" "$i"
        n=$((n + 1))
        if [ $((i % 37)) = 0 ]; then
            printf '{"id":"copy-%d","date":"2025-04-%s","text":"%s %s %s on Tuesday. Officials in %s said talks would go on for %d days."}\n' \
                "$i" "$day" "$a" "$v" "$b" "$b" "$i"
        fi
    done
} > "$tmp/own.jsonl"
inputs=("$tmp/own.jsonl")
# The gold sentences, read in place when present: more varied text.
if [ -n "${DYAD_SHARED:-}" ] && [ -f "$DYAD_SHARED/gold/petr2_gsr.jsonl" ]; then
    inputs+=("$DYAD_SHARED/gold/petr2_gsr.jsonl" "$DYAD_SHARED/gold/tabari_validate.jsonl")
fi

# The ingest times are the only columns allowed to differ.
mask_jsonl() { sed -E 's/"(first|last)_seen": "[^"]*"/"\1_seen": ""/g'; }
mask_tsv() { awk -F'\t' -v OFS='\t' -v cols="$1" 'BEGIN { n = split(cols, c, ",") } { for (i = 1; i <= n; i++) $c[i] = ""; print }'; }

for n in 1 2 3; do
    rc=0
    "$DYAD_BIN" ingest --db "$tmp/t$n.db" --batch 7 --threads "$n" --stats --in jsonl "${inputs[@]}" \
        > /dev/null 2> "$tmp/err.$n" || rc=$?
    [ "$rc" -le 1 ] || { cat "$tmp/err.$n"; fail "--threads $n exited $rc"; }
    echo "$rc" > "$tmp/rc.$n"
    "$DYAD_BIN" export --db "$tmp/t$n.db" --format jsonl | mask_jsonl > "$tmp/jsonl.$n"
    "$DYAD_BIN" export --db "$tmp/t$n.db" --format mentions | mask_tsv 2,3 > "$tmp/mentions.$n"
    "$DYAD_BIN" export --db "$tmp/t$n.db" --format gdelt | mask_tsv 60 > "$tmp/gdelt.$n"
done
[ -s "$tmp/jsonl.1" ] || fail "no events stored at all"
for n in 2 3; do
    for f in jsonl mentions gdelt; do
        cmp -s "$tmp/$f.1" "$tmp/$f.$n" || { diff "$tmp/$f.1" "$tmp/$f.$n" | head -6; fail "--threads $n: export --format $f differs"; }
    done
    cmp -s "$tmp/rc.1" "$tmp/rc.$n" || fail "--threads $n: other exit status"
    # the totals line names the database and the time: compare the counts
    sed -n 's/.*: \(.* events\), into .*/\1/p' "$tmp/err.1" > "$tmp/tot.1"
    sed -n 's/.*: \(.* events\), into .*/\1/p' "$tmp/err.$n" > "$tmp/tot.$n"
    [ -s "$tmp/tot.1" ] && cmp -s "$tmp/tot.1" "$tmp/tot.$n" || fail "--threads $n: other totals: $(cat "$tmp/tot.$n")"
done

# Re-running on a filled database stores nothing new, with threads too.
"$DYAD_BIN" ingest --db "$tmp/t2.db" --threads 2 --stats --in jsonl "${inputs[@]}" > /dev/null 2> "$tmp/again" || true
grep -q ': 0 articles stored' "$tmp/again" || fail "re-run stored again: $(tail -1 "$tmp/again")"

"$DYAD_BIN" ingest --db "$tmp/x.db" --threads -1 "$tmp/own.jsonl" 2> /dev/null && fail "--threads -1 accepted"
echo "ok: $(wc -l < "$tmp/jsonl.1") events, $(wc -l < "$tmp/mentions.1") mentions identical for --threads 1, 2, 3 ($(cat "$tmp/tot.1"))"
