#!/usr/bin/env bash
# End-to-end tests of the SQLite store: ingest, idempotence, kill -9 during
# an ingest, a full disk (ulimit -f), a read-only path, a locked database,
# and query / summary / export on the result.
set -euo pipefail
: "${DYAD_BIN:?}" "${DYAD_SRC:?}"
DICT="$DYAD_SRC/tests/data/store/tiny.dyd"
GEN="$DYAD_SRC/tests/data/store/gen_articles.py"
T=$(mktemp -d /tmp/dyad-store-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ingest() { "$DYAD_BIN" ingest --dict "$DICT" "$@"; }

# Everything that defines the database's content, without ingest times and
# row ids (which depend on timing and order of commits).
dump() {
    sqlite3 "$1" <<'SQL'
SELECT 'A', ext_id, url, source, date, title, content_hash, doc_len, doc_chars, n_events FROM articles ORDER BY ext_id;
SELECT 'E', date, source, target, code, location, root, quad, goldstein, status, num_mentions, num_sources, num_articles FROM events ORDER BY date, source, target, code, location;
SELECT 'M', a.ext_id, m.sentence, e.date, e.source, e.target, e.code, m.source_start, m.source_end, m.target_start, m.target_end, m.verb_start, m.verb_end, m.source_char, m.status, m.confidence FROM mentions m JOIN articles a ON a.id = m.article_id JOIN events e ON e.id = m.event_id ORDER BY a.ext_id, m.id;
SELECT 'S', e.date, e.source, e.target, e.code, s.source FROM event_sources s JOIN events e ON e.id = s.event_id ORDER BY 2, 3, 4, 5, 6;
SQL
}
consistent() {
    [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ] || fail "$1: integrity_check"
    [ -z "$(sqlite3 "$1" 'PRAGMA foreign_key_check')" ] || fail "$1: foreign keys"
    # The counters agree with the rows they count.
    local bad
    bad=$(sqlite3 "$1" "SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.event_id = e.id) OR num_articles <> (SELECT count(DISTINCT article_id) FROM mentions m WHERE m.event_id = e.id) OR num_sources <> (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id)")
    [ "$bad" = 0 ] || fail "$1: $bad events with counters that disagree with their mentions"
    bad=$(sqlite3 "$1" "SELECT count(*) FROM articles a WHERE n_events <> (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)")
    [ "$bad" = 0 ] || fail "$1: $bad articles stored without all their mentions"
}
# Only whole batches are committed: the generated input has no repeated
# article, so a batch is BATCH consecutive lines, and the articles of DB are
# exactly the clean database's lines [0, k * BATCH) (ids are g<input line>).
whole_batches() {
    python3 - "$1" "$2" "$3" <<'PY'
import sqlite3, sys
db, clean, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
ids = lambda p: {int(r[0][1:]) for r in sqlite3.connect(p).execute("SELECT ext_id FROM articles")}
got, want = ids(db), ids(clean)
if not got:
    sys.exit(0)
assert len(got) % batch == 0 or got == want, f"{len(got)} articles: not whole batches of {batch}"
expect = {i for i in want if i <= max(got)}
assert got == expect, f"{len(got)} articles, expected the first {len(expect)}"
PY
}

python3 "$GEN" 300 >"$T/small.jsonl"
python3 "$GEN" 20000 11 >"$T/big.jsonl"

echo "--- ingest, then ingest again: the same database"
ingest --db "$T/a.db" "$T/small.jsonl"
n_events=$(sqlite3 "$T/a.db" 'SELECT count(*) FROM mentions')
[ "$n_events" -gt 300 ] || fail "expected coded mentions, got $n_events (is the coder working?)"
dump "$T/a.db" >"$T/a1.dump"
ingest --db "$T/a.db" "$T/small.jsonl" --stats 2>"$T/again.err"
grep -q "0 articles stored, 300 already there" "$T/again.err" || { cat "$T/again.err"; fail "second ingest stored something"; }
dump "$T/a.db" >"$T/a2.dump"
cmp -s "$T/a1.dump" "$T/a2.dump" || fail "re-ingest changed the database"
consistent "$T/a.db"
# Stories repeated by another outlet are more mentions of the same events.
[ "$(sqlite3 "$T/a.db" 'SELECT max(num_sources) FROM events')" -ge 2 ] || fail "no event with two sources"
[ "$(sqlite3 "$T/a.db" 'SELECT count(*) FROM articles')" = 300 ] || fail "articles"

echo "--- kill -9 during an ingest, then ingest again == one clean ingest"
ingest --db "$T/clean.db" --batch 100 "$T/big.jsonl"
dump "$T/clean.db" >"$T/clean.dump"
killed=0
for attempt in 1 2 3; do
    rm -f "$T/k.db" "$T/k.db-wal" "$T/k.db-shm"
    # The binary itself, not the shell function: kill -9 must hit dyad.
    "$DYAD_BIN" ingest --dict "$DICT" --db "$T/k.db" --batch 100 "$T/big.jsonl" &
    pid=$!
    # Kill it once some batches are committed but before it is done.
    for _ in $(seq 1 400); do
        n=$(sqlite3 "$T/k.db" 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)
        [ "${n:-0}" -ge 300 ] && break
        sleep 0.01
    done
    if kill -9 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || true
        n=$(sqlite3 "$T/k.db" 'SELECT count(*) FROM articles')
        if [ "$n" -lt 20000 ]; then killed=1; break; fi
    else
        wait "$pid" || true
    fi
done
[ $killed = 1 ] || fail "could not kill the ingest mid-way (it finished first three times)"
echo "killed with $n articles committed"
consistent "$T/k.db"
whole_batches "$T/k.db" "$T/clean.db" 100 || fail "a partial batch was committed"
ingest --db "$T/k.db" --batch 100 "$T/big.jsonl"
dump "$T/k.db" >"$T/k.dump"
cmp -s "$T/clean.dump" "$T/k.dump" || { diff "$T/clean.dump" "$T/k.dump" | head || true; fail "resumed ingest differs from a clean one"; }
consistent "$T/k.db"

echo "--- two ingests at once (overlapping inputs) == one sequential ingest"
head -4000 "$T/big.jsonl" >"$T/part1.jsonl"
sed -n '2001,6000p' "$T/big.jsonl" >"$T/part2.jsonl"   # lines 2001..4000 are in both
"$DYAD_BIN" ingest --dict "$DICT" --db "$T/conc.db" --batch 100 "$T/part1.jsonl" &
p1=$!
"$DYAD_BIN" ingest --dict "$DICT" --db "$T/conc.db" --batch 100 "$T/part2.jsonl" &
p2=$!
wait $p1 || fail "first concurrent ingest failed"
wait $p2 || fail "second concurrent ingest failed"
ingest --db "$T/seq.db" "$T/part1.jsonl" "$T/part2.jsonl"
dump "$T/conc.db" >"$T/conc.dump"
dump "$T/seq.db" >"$T/seq.dump"
cmp -s "$T/conc.dump" "$T/seq.dump" || { diff "$T/seq.dump" "$T/conc.dump" | head || true; fail "concurrent ingests differ from a sequential one"; }
consistent "$T/conc.db"

echo "--- a full disk (ulimit -f): clear error, non-zero exit, nothing partial"
set +e
(ulimit -f 2000; ingest --db "$T/full.db" --batch 100 "$T/big.jsonl") 2>"$T/full.err"
rc=$?
set -e
[ $rc -ne 0 ] || fail "ingest past a file-size limit succeeded"
grep -qiE "full|too large|disk|I/O" "$T/full.err" || { cat "$T/full.err"; fail "no clear message for a full disk"; }
grep -q "run the same command again" "$T/full.err" || { cat "$T/full.err"; fail "no hint to resume"; }
echo "stopped with $(sqlite3 "$T/full.db" 'SELECT count(*) FROM articles') articles: $(grep -m1 error "$T/full.err")"
consistent "$T/full.db"
whole_batches "$T/full.db" "$T/clean.db" 100 || fail "a partial batch survived the full disk"
ingest --db "$T/full.db" --batch 100 "$T/big.jsonl"
dump "$T/full.db" >"$T/full.dump"
cmp -s "$T/clean.dump" "$T/full.dump" || fail "resumed ingest after a full disk differs from a clean one"

echo "--- a read-only path"
set +e
ingest --db /proc/dyad-cannot-be-here.db "$T/small.jsonl" 2>"$T/ro.err"; rc=$?
set -e
[ $rc = 2 ] || fail "read-only path: exit $rc"
grep -q "cannot open database" "$T/ro.err" || { cat "$T/ro.err"; fail "read-only path: message"; }

echo "--- a locked database"
python3 - "$T/a.db" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[1] + ".locked", "w").close()
time.sleep(3)
c.execute("ROLLBACK")
PY
lock_pid=$!
for _ in $(seq 1 200); do [ -e "$T/a.db.locked" ] && break; sleep 0.02; done
python3 "$GEN" 50 99 | sed -e 's/"id": "g/"id": "lock/' -e 's/Dispatch /Locked dispatch /' -e 's|example/|example/lock|' >"$T/more.jsonl"
set +e
DYAD_DB_BUSY_TIMEOUT_MS=200 ingest --db "$T/a.db" "$T/more.jsonl" 2>"$T/lock.err"; rc=$?
set -e
wait $lock_pid
[ $rc -ne 0 ] || fail "ingest into a locked database succeeded"
grep -q "locked" "$T/lock.err" || { cat "$T/lock.err"; fail "locked: message"; }
dump "$T/a.db" >"$T/a3.dump"
cmp -s "$T/a1.dump" "$T/a3.dump" || fail "the locked attempt changed the database"

echo "--- query"
"$DYAD_BIN" query --db "$T/a.db" --dyad RUR:FRE --format csv >"$T/q.csv"
head -1 "$T/q.csv" | grep -q '^event_id,date,source,target,code' || fail "query csv header"
rows=$(($(wc -l <"$T/q.csv") - 1))
want=$(sqlite3 "$T/a.db" "SELECT count(*) FROM events WHERE source LIKE 'RUR%' AND target LIKE 'FRE%'")
[ "$rows" = "$want" ] && [ "$rows" -gt 0 ] || fail "query --dyad: $rows rows, want $want"
both=$("$DYAD_BIN" query --db "$T/a.db" --dyad RUR:FRE --both --format jsonl | wc -l)
want=$(sqlite3 "$T/a.db" "SELECT count(*) FROM events WHERE (source LIKE 'RUR%' AND target LIKE 'FRE%') OR (source LIKE 'FRE%' AND target LIKE 'RUR%')")
[ "$both" = "$want" ] || fail "query --both: $both, want $want"
"$DYAD_BIN" query --db "$T/a.db" --code 19 --format jsonl | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert rows and all(r["code"].startswith("19") and r["quad"] == 4 for r in rows), rows[:3]'
"$DYAD_BIN" query --db "$T/a.db" --actor GRA --by month --format csv >"$T/m.csv"
head -1 "$T/m.csv" | grep -q '^period,events,mentions' || fail "series header"
grep -q '^2023-01,' "$T/m.csv" && grep -q '^2024-12,' "$T/m.csv" || fail "series months"
sum=$(awk -F, 'NR > 1 { s += $2 } END { print s }' "$T/m.csv")
want=$(sqlite3 "$T/a.db" "SELECT count(*) FROM events WHERE source LIKE 'GRA%' OR target LIKE 'GRA%'")
[ "$sum" = "$want" ] || fail "series total $sum, want $want"
"$DYAD_BIN" query --db "$T/a.db" --since 2024-02 --until 2024-02 --format csv | awk -F, 'NR > 1 && substr($2, 1, 7) != "2024-02" { exit 1 }' || fail "since/until"
"$DYAD_BIN" query --db "$T/a.db" --by week --limit 3 >"$T/w.txt"
grep -q -- '-W' "$T/w.txt" && [ "$(wc -l <"$T/w.txt")" = 4 ] || fail "weeks"
set +e
"$DYAD_BIN" query --db "$T/a.db" --quad 7 2>/dev/null; rc1=$?
"$DYAD_BIN" query --db "$T/nope.db" 2>/dev/null; rc2=$?
set -e
[ $rc1 = 2 ] && [ $rc2 = 2 ] || fail "bad option / missing database exit codes"
[ ! -e "$T/nope.db" ] || fail "query created a database"

echo "--- summary"
"$DYAD_BIN" summary --db "$T/a.db" --dyad GRA:RUR >"$T/s.txt"
cat "$T/s.txt"
grep -q "^GRA -> RUR, by month" "$T/s.txt" || fail "summary header"
grep -q "verbal cooperation" "$T/s.txt" && grep -q "material conflict" "$T/s.txt" || fail "quads"
grep -q "^2023-01 " "$T/s.txt" || fail "periods"
grep -q "|" "$T/s.txt" || fail "chart"
grep -q "^trend: " "$T/s.txt" && grep -q "^overall: " "$T/s.txt" || fail "trend"
grep -q "^  042 " "$T/s.txt" || fail "top event types"

echo "--- export"
"$DYAD_BIN" export --db "$T/a.db" --format gdelt >"$T/e.tsv"
awk -F'\t' 'NF != 61 { print "line " NR ": " NF " fields"; exit 1 }' "$T/e.tsv" || fail "gdelt: 61 columns"
[ "$(wc -l <"$T/e.tsv")" = "$(sqlite3 "$T/a.db" 'SELECT count(*) FROM events')" ] || fail "gdelt rows"
"$DYAD_BIN" export --db "$T/a.db" --format mentions --out "$T/m.tsv"
awk -F'\t' 'NF != 16 { exit 1 }' "$T/m.tsv" || fail "mentions: 16 columns"
[ "$(wc -l <"$T/m.tsv")" = "$n_events" ] || fail "mentions rows"
# Every mention points at an exported event (GLOBALEVENTID joins the files).
cut -f1 "$T/e.tsv" | sort -u >"$T/ids"
cut -f1 "$T/m.tsv" | sort -u | comm -13 "$T/ids" - >"$T/orphans"
[ ! -s "$T/orphans" ] || fail "mentions of unknown events"
# NumMentions in the event file = rows in the mentions file.
python3 - "$T/e.tsv" "$T/m.tsv" <<'PY'
import collections, sys
ev = {l.split("\t")[0]: int(l.split("\t")[31]) for l in open(sys.argv[1])}
m = collections.Counter(l.split("\t")[0] for l in open(sys.argv[2]))
assert ev == dict(m), "NumMentions disagrees with the mentions file"
PY
"$DYAD_BIN" export --db "$T/a.db" --format csv --dyad RUR:FRE >"$T/x.csv"
head -1 "$T/x.csv" | grep -q '^event_id,' || fail "csv export"
[ "$(($(wc -l <"$T/x.csv") - 1))" = "$(($(wc -l <"$T/q.csv") - 1))" ] || fail "csv export rows = query rows"
"$DYAD_BIN" export --db "$T/a.db" --format jsonl --quad 1 | python3 -c '
import json, sys
assert all(json.loads(l)["quad"] == 1 for l in sys.stdin)'
echo "store_sqlite: all passed"
