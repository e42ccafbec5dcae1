#!/usr/bin/env bash
# Query speed on a large store: one dyad's monthly series over a database of
# 10 million mentions (synthetic rows; the target is < 100 ms).
#
#   bench/query_10m.sh [MENTIONS]     (default 10000000; DYAD_BIN to choose the binary)
#
# The database is built once under bench/out/ (about 2 GB, a few minutes):
# dyad creates the schema, then SQL (WITH RECURSIVE) fills it. Events get
# 1..5 mentions each (3 on average), 60 actor codes (C00..C59), so each of
# the 3,600 dyads has about 925 events (2,800 mentions) spread over eight
# years; 20 root codes; the (date, source, target, code) key stays unique.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
BIN=${DYAD_BIN:-build/dyad}
[ -x "$BIN" ] || scripts/build.sh >/dev/null
OUT=bench/out
mkdir -p "$OUT"
DB="$OUT/query_${N}.db"

if [ ! -s "$DB" ] || [ "$(sqlite3 "$DB" 'SELECT count(*) FROM mentions' 2>/dev/null)" != "$N" ]; then
    rm -f "$DB" "$DB-wal" "$DB-shm"
    : >"$OUT/empty.jsonl"
    "$BIN" ingest --db "$DB" --quiet "$OUT/empty.jsonl"   # schema and indexes, by dyad itself
    start=$(date +%s)
    # Events have 1..5 mentions (k = 1 + i % 5, 3 on average), so N / 3 events.
    sqlite3 "$DB" >/dev/null <<SQL
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000;
BEGIN;
WITH RECURSIVE a(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM a WHERE i < $N / 10 + 1)
INSERT INTO articles (id, ext_id, url, source, date, title, content_hash, doc_len, doc_chars, n_events, ingested_at)
SELECT i, 'syn' || i, NULL, 'outlet' || (i % 50), NULL, NULL, printf('%032x', i), 1000, 1000, 10, '2025-01-01T00:00:00Z' FROM a;
WITH RECURSIVE e(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM e WHERE i < $N / 3)
INSERT INTO events (id, date, source, target, code, location, root, quad, goldstein, status,
                    num_mentions, num_sources, num_articles, first_seen, last_seen, first_article)
SELECT i,
       date('2015-01-01', '+' || (((i / 3600) * 3) % 3650) || ' days'),
       printf('C%02d', i % 60),
       printf('C%02d', (i / 60) % 60),
       printf('%02d%d', 1 + (i * 7) % 20, i % 3),
       '', printf('%02d', 1 + (i * 7) % 20),
       CASE WHEN 1 + (i * 7) % 20 <= 5 THEN 1 WHEN 1 + (i * 7) % 20 <= 9 THEN 2
            WHEN 1 + (i * 7) % 20 <= 14 THEN 3 ELSE 4 END,
       ((i * 7) % 20) - 10.0, 'reported', 1 + i % 5, 1, 1,
       '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 1 + i % ($N / 10)
FROM e;
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 4)
INSERT INTO mentions (event_id, article_id, sentence, source_start, source_end, target_start,
                      target_end, verb_start, verb_end, source_char, target_char, verb_char,
                      status, confidence)
SELECT e.id, 1 + (e.id * 5 + k.j) % ($N / 10), k.j, 0, 5, 10, 15, 6, 9, 0, 10, 6, 'reported', 100
FROM events e JOIN k ON k.j < e.num_mentions;
-- Top up to exactly N mentions (N / 3 events average 3 but round down).
WITH RECURSIVE x(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM x WHERE i < $N - (SELECT count(*) FROM mentions))
INSERT INTO mentions (event_id, article_id, sentence, source_start, source_end, target_start,
                      target_end, verb_start, verb_end, source_char, target_char, verb_char,
                      status, confidence)
SELECT 1, 1, 9, 0, 5, 10, 15, 6, 9, 0, 10, 6, 'reported', 100 FROM x
WHERE $N > (SELECT count(*) FROM mentions);
UPDATE events SET num_mentions = (SELECT count(*) FROM mentions WHERE event_id = 1) WHERE id = 1;
COMMIT;
ANALYZE;
PRAGMA journal_mode = WAL;
SQL
    echo "built $DB in $(($(date +%s) - start)) s: $(sqlite3 "$DB" 'SELECT count(*) FROM mentions') mentions, $(sqlite3 "$DB" 'SELECT count(*) FROM events') events"
fi

# A dyad that exists: the source/target of event 12345.
dyad=$(sqlite3 "$DB" "SELECT source || ':' || target FROM events WHERE id = 12345")
echo "dyad $dyad: $(sqlite3 "$DB" "SELECT count(*) FROM events WHERE source = '${dyad%%:*}' AND target = '${dyad##*:}'") events"
"$BIN" query --db "$DB" --dyad "$dyad" --by month --format csv >/dev/null   # warm the page cache
times=()
for _ in $(seq 1 11); do
    s=$(date +%s%N)
    "$BIN" query --db "$DB" --dyad "$dyad" --by month --format csv >/dev/null
    e=$(date +%s%N)
    times+=($(((e - s) / 1000)))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 6p)
echo "dyad query --dyad $dyad --by month (whole process, 11 runs): median $((median / 1000)).$(((median % 1000) / 100)) ms"
s=$(date +%s%N)
for _ in $(seq 1 11); do "$BIN" summary --db "$DB" --dyad "$dyad" >/dev/null; done
e=$(date +%s%N)
echo "dyad summary --dyad $dyad (mean of 11): $(((e - s) / 11000000)) ms"
