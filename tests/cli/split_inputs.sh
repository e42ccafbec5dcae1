#!/usr/bin/env bash
# dyad split on JSONL input: each article's offsets slice back into its own
# decoded text, a bad record costs only itself (exit 1), and ids are kept.
set -euo pipefail
: "${DYAD_BIN:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/in.jsonl" <<'JSONL'
{"id": "a1", "text": "Dr. Lee left the talks. He said \"no.\" Then\n\nnothing happened."}
{"id": "a2", "text": "WASHINGTON (AP) \u2014 Rain fell on the capital\u2019s parks. Crowds left."}
this line is not JSON
{"id": "a3", "text": "Caf\u00e9 owners in the U.S.-led zone can\u2019t open. Why? Nobody knows..."}
JSONL
set +e
"$DYAD_BIN" split --in jsonl "$dir/in.jsonl" >"$dir/out.jsonl" 2>"$dir/err.txt"
rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "want exit 1 for a bad record, got $rc"; cat "$dir/err.txt"; exit 1; }
python3 - "$dir/in.jsonl" "$dir/out.jsonl" <<'PY'
import json, sys
texts = {}
for line in open(sys.argv[1], encoding='utf-8'):
    try:
        r = json.loads(line)
    except ValueError:
        continue
    texts[r["id"]] = r["text"].encode()
rows = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
got = {}
for r in rows:
    data = texts[r["id"]]
    assert data[r["start"]:r["end"]].decode() == r["text"], r
    for t in r["tokens"]:
        assert r["start"] <= t["start"] < t["end"] <= r["end"], t
        assert data[t["start"]:t["end"]].decode() == t["text"], t
    got.setdefault(r["id"], []).append(r["text"])
assert got["a1"] == ["Dr. Lee left the talks.", 'He said "no."', "Then", "nothing happened."], got["a1"]
assert len(got["a2"]) == 2 and got["a2"][0].startswith("WASHINGTON (AP)"), got["a2"]
assert got["a3"] == ["Caf\u00e9 owners in the U.S.-led zone can\u2019t open.", "Why?", "Nobody knows..."], got["a3"]
norms = [t["norm"] for r in rows if r["id"] == "a3" for t in r["tokens"]]
assert norms[:9] == ["caf\u00e9", "owners", "in", "the", "u.s.-led", "zone", "ca", "n't", "open"], norms
print("split_inputs: ok")
PY
