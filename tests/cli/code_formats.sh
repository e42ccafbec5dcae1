#!/usr/bin/env bash
# dyad code: every output format is well formed and agrees with the CAMEO
# table and with the article text. Runs on invented articles and on the
# shared PETR-2 gold sentences (read in place, never copied).
set -euo pipefail
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# PETRARCH-2's dictionaries (read in place) code plenty of events on the gold
# sentences; DYAD_TEST_DICT=builtin tests the project's own.
dict=${DYAD_TEST_DICT:-$DYAD_SHARED/peers/petrarch2/petrarch2/data/config/PETR_config.ini}

cat > "$tmp/mine.jsonl" <<'JSON'
{"id": "m1", "date": "2031-04-05", "text": "The Ruritanian navy shelled a harbour in Freedonia on Tuesday.", "url": "https://news.example/m1", "source": "example"}
{"id": "m2", "date": "20310406", "text": "France's foreign minister will visit Japan next week to discuss trade.\nThe visit was announced in Paris."}
{"id": "m3", "text": "Police in Peru arrested three protesters, a spokesman said. Germany praised the \"calm\" response,\tofficials noted."}
{"id": "m4", "date": "2031-04-07", "text": "Caf\u00e9 owners in Chile did not condemn Argentina. Brazil may impose sanctions on Venezuela."}
JSON
cat "$tmp/mine.jsonl" "$DYAD_SHARED/gold/petr2_gsr.jsonl" > "$tmp/in.jsonl"

for fmt in jsonl tsv csv gdelt mentions; do
    rc=0
    "$DYAD_BIN" code --dict "$dict" --in jsonl --out "$fmt" --explain "$tmp/in.jsonl" > "$tmp/out.$fmt" 2> "$tmp/err.$fmt" || rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "dyad code --out $fmt exited $rc"; cat "$tmp/err.$fmt"; exit 1
    fi
done

python3 - "$tmp" "$DYAD_SHARED/specs/cameo_event_codes.tsv" <<'PY'
import csv, json, sys
tmp, table = sys.argv[1], sys.argv[2]
cameo = {}
with open(table, encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t'):
        cameo[row['code']] = (float(row['goldstein']), int(row['quad_class']))
texts = {}
with open(f'{tmp}/in.jsonl', encoding='utf-8') as f:
    for line in f:
        a = json.loads(line)
        texts[a['id']] = a['text'].encode('utf-8')
fail = []
def check(cond, msg):
    if not cond:
        fail.append(msg)

# JSONL: valid JSON, the documented keys, values consistent with CAMEO and the text.
events = [json.loads(l) for l in open(f'{tmp}/out.jsonl', encoding='utf-8')]
check(len(events) > 0, 'no events at all on the gold sentences')
keys = {'id', 'sentence', 'date', 'source', 'target', 'code', 'root', 'quad', 'goldstein',
        'status', 'source_text', 'target_text', 'verb_text', 'spans'}
for e in events:
    where = f"{e.get('id')}/{e.get('sentence')}"
    check(keys <= set(e), f'{where}: missing keys {keys - set(e)}')
    code = e['code']
    # A dictionary may carry codes outside CAMEO; the contract is quad 0 then.
    check(code in cameo or e['quad'] == 0, f'{where}: {code!r} is not a CAMEO code but has a quad')
    if code in cameo:
        g, q = cameo[code]
        check(abs(e['goldstein'] - g) < 1e-9, f'{where}: goldstein {e["goldstein"]} for {code}')
        check(e['quad'] == q, f'{where}: quad {e["quad"]} for {code}')
        check(e['root'] == code[:2], f'{where}: root {e["root"]} for {code}')
    check(e['status'] in ('reported', 'planned', 'speculative', 'negated'), f'{where}: status')
    check(e['date'] is None or (len(e['date']) == 10 and e['date'][4] == '-'), f'{where}: date')
    text = texts.get(e['id'])
    check(text is not None, f'{where}: unknown article id')
    for part in ('source', 'target', 'verb'):
        span = e['spans'][part]
        if span is None:
            check(e[part + '_text'] == '', f'{where}: {part}_text without a span')
            continue
        s, t = span
        check(0 <= s < t <= len(text), f'{where}: {part} span {span} outside the text')
        want = text[s:t].decode('utf-8', errors='replace')
        check(e[part + '_text'] == want, f'{where}: {part}_text {e[part + "_text"]!r} != text {want!r}')
    check('explain' in e, f'{where}: --explain given but no explain')

# TSV and CSV: a header and the same events as the JSONL, in the same order.
header = ['id', 'sentence', 'date', 'source', 'target', 'code', 'root', 'quad', 'goldstein',
          'status', 'source_text', 'target_text', 'verb_text', 'source_start', 'source_end',
          'target_start', 'target_end', 'verb_start', 'verb_end', 'explain']
tsv = open(f'{tmp}/out.tsv', encoding='utf-8').read().split('\n')
check(tsv[-1] == '', 'tsv does not end in a newline')
tsv = [l.split('\t') for l in tsv[:-1]]
check(tsv[0] == header, f'tsv header {tsv[0]}')
check(len(tsv) - 1 == len(events), f'tsv has {len(tsv) - 1} rows, jsonl {len(events)}')
with open(f'{tmp}/out.csv', encoding='utf-8', newline='') as f:
    rows = list(csv.reader(f))
check(rows[0] == header, f'csv header {rows[0]}')
check(len(rows) - 1 == len(events), f'csv has {len(rows) - 1} rows, jsonl {len(events)}')
for i, e in enumerate(events):
    for table_rows, name in ((tsv, 'tsv'), (rows, 'csv')):
        if i + 1 >= len(table_rows):
            break
        r = table_rows[i + 1]
        check(len(r) == len(header), f'{name} row {i + 1}: {len(r)} columns')
        if len(r) == len(header):
            check(r[0] == e['id'] and r[5] == e['code'] and r[3] == e['source'] and r[4] == e['target'],
                  f'{name} row {i + 1} differs from jsonl')
    if i + 1 < len(rows) and len(rows[i + 1]) == len(header):
        check(rows[i + 1][10] == e['source_text'], f'csv row {i + 1}: source_text')

# GDELT events (61 columns) and mentions (16), no header, one row per event.
gd = open(f'{tmp}/out.gdelt', encoding='utf-8').read().split('\n')[:-1]
mn = open(f'{tmp}/out.mentions', encoding='utf-8').read().split('\n')[:-1]
check(len(gd) == len(events), f'gdelt has {len(gd)} rows, jsonl {len(events)}')
check(len(mn) == len(events), f'mentions has {len(mn)} rows, jsonl {len(events)}')
ids = set()
for i, (line, e) in enumerate(zip(gd, events)):
    f = line.split('\t')
    check(len(f) == 61, f'gdelt row {i}: {len(f)} columns')
    if len(f) != 61:
        continue
    check(f[0].isdigit() and 0 < int(f[0]) < 2**63, f'gdelt row {i}: GLOBALEVENTID {f[0]!r}')
    ids.add(f[0])
    check(f[5] == e['source'] and f[15] == e['target'], f'gdelt row {i}: actor codes')
    check(f[26] == e['code'] and f[28] == e['code'][:2], f'gdelt row {i}: event/root code')
    check(f[27] == e['code'][:3], f'gdelt row {i}: base code {f[27]}')
    if e['quad']:
        check(f[29] == str(e['quad']) and f[30] == '%.1f' % e['goldstein'], f'gdelt row {i}: quad/goldstein')
    else:
        check(f[29] == '' and f[30] == '', f'gdelt row {i}: quad/goldstein of an unknown code')
    if e['date']:
        check(f[1] == e['date'].replace('-', ''), f'gdelt row {i}: SQLDATE {f[1]}')
    m = mn[i].split('\t')
    check(len(m) == 16, f'mentions row {i}: {len(m)} columns')
    if len(m) == 16:
        check(m[0] == f[0], f'mentions row {i}: id differs from the event row')
        check(m[6] == str(e['sentence'] + 1), f'mentions row {i}: SentenceID')
check(len(ids) == len(gd), 'GLOBALEVENTIDs are not unique')

if fail:
    print('\n'.join(fail[:40]))
    print(f'{len(fail)} problems')
    sys.exit(1)
print(f'ok: {len(events)} events checked in 5 formats')
PY
