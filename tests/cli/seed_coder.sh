#!/usr/bin/env bash
# The seed story (../shared/seed) with the builtin dictionaries: Kim Jong Un's visit is found
# (source PRK..., target CHN..., code 042) with status planned, and no question is coded as a
# reported event. Skips while the builtin dictionaries cannot be loaded.
set -u
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
seed=$(ls "$DYAD_SHARED"/seed/*.txt 2>/dev/null | head -n 1)
[ -n "$seed" ] || { echo "skip: no seed article"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$DYAD_BIN" code --in text --date 2025-08-28 "$seed" > "$tmp/events.jsonl" 2> "$tmp/err"
rc=$?
if [ $rc -eq 2 ] || grep -q "no builtin dictionary file verbs/" "$tmp/err"; then
    echo "skip: builtin dictionaries (verbs) not there yet"; exit 0
fi
"$DYAD_BIN" split --in text "$seed" > "$tmp/split.jsonl" 2>/dev/null
python3 - "$tmp/events.jsonl" "$tmp/split.jsonl" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
questions = set()
for l in open(sys.argv[2]):
    if l.strip():
        s = json.loads(l)
        if s.get("text", "").rstrip().endswith("?"):
            questions.add(s["sentence"])
for e in events:
    print("  %s %s/%s/%s %s" % (e["sentence"], e["source"], e["target"], e["code"], e["status"]))
visit = [e for e in events if e["source"].startswith("PRK") and e["target"].startswith("CHN")
         and e["code"] == "042"]
ok = True
if not visit:
    print("FAIL: no PRK -> CHN 042 event"); ok = False
elif not any(e["status"] == "planned" for e in visit):
    print("FAIL: the visit is not planned"); ok = False
bad = [e for e in events if e["sentence"] in questions and e["status"] == "reported"]
if bad:
    print("FAIL: reported events from questions:", bad); ok = False
sys.exit(0 if ok else 1)
PY
