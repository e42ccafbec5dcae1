#!/usr/bin/env bash
# dyad split on the seed article: 20 sentences, and every sentence and token
# offset slices back to exactly the bytes of the file.
set -euo pipefail
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
seed="$DYAD_SHARED/seed/000_20261d231d0022f7.txt"
if [ ! -f "$seed" ]; then echo "seed article missing: skipped"; exit 0; fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$DYAD_BIN" split "$seed" >"$out"
python3 - "$seed" "$out" <<'PY'
import json, sys
data = open(sys.argv[1], 'rb').read()
rows = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
assert len(rows) == 20, f"want 20 sentences, got {len(rows)}"
prev_end = 0
for i, r in enumerate(rows):
    assert r["sentence"] == i, r["sentence"]
    s, e = r["start"], r["end"]
    assert prev_end <= s < e <= len(data), (prev_end, s, e)
    assert data[s:e].decode() == r["text"], (data[s:e], r["text"])
    assert not data[s:s+1].isspace() and not data[e-1:e].isspace()
    last = s
    for t in r["tokens"]:
        assert last <= t["start"] < t["end"] <= e, (last, t)
        assert data[t["start"]:t["end"]].decode() == t["text"], t
        last = t["end"]
    prev_end = e
# spot checks of folding: the curly possessive becomes 's
norms = [t["norm"] for r in rows for t in r["tokens"]]
assert "'s" in norms and "korea-china" in norms, norms[:40]
print("split_seed: 20 sentences, offsets slice back")
PY
# usage errors and unopenable files
if "$DYAD_BIN" split --bogus >/dev/null 2>&1; then echo "unknown option accepted"; exit 1; fi
set +e
"$DYAD_BIN" split /nonexistent/file.txt >/dev/null 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "want exit 2 for an unopenable file, got $rc"; exit 1; }
"$DYAD_BIN" split --help | grep -q 'usage: dyad split'
# standard input
printf 'Dr. Lee spoke. The crowd left.' | "$DYAD_BIN" split --in text | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert [r["text"] for r in rows] == ["Dr. Lee spoke.", "The crowd left."], rows'
echo "split_seed: ok"
