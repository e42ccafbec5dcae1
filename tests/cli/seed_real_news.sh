#!/usr/bin/env bash
# The seed story (../shared/seed) as real news, with the builtin dictionaries and with the
# PETRARCH-2 ones (PETR_config.ini), coded on 2025-08-28. With each:
#   * Kim Jong Un's visit: source PRK..., target CHN..., code 042, status planned;
#   * China hosting it, where the text says so ("for China, hosting Kim Jong Un ..."): CHN... -> PRK... 043;
#   * the sentence where analysts anticipate discussions between the two gives events, all speculative,
#     and any event from "talks are likely to cover" is speculative too;
#   * no reported event from a question.
# Skips a dictionary that cannot be loaded here.
set -u
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
seed=$(ls "$DYAD_SHARED"/seed/*.txt 2>/dev/null | head -n 1)
[ -n "$seed" ] || { echo "skip: no seed article"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$DYAD_BIN" split --in text "$seed" > "$tmp/split.jsonl" 2>/dev/null || { echo "FAIL: dyad split"; exit 1; }

fail=0
check() {
    local name=$1 dict=$2
    if ! "$DYAD_BIN" code --in text --date 2025-08-28 --dict "$dict" "$seed" > "$tmp/$name.jsonl" 2> "$tmp/$name.err"; then
        if grep -q "no builtin dictionary file" "$tmp/$name.err"; then echo "skip $name: dictionaries not built"; return; fi
        echo "FAIL $name: dyad code failed"; cat "$tmp/$name.err"; fail=1; return
    fi
    python3 - "$name" "$tmp/$name.jsonl" "$tmp/split.jsonl" <<'PY' || fail=1
import json, sys
name, events_file, split_file = sys.argv[1:4]
events = [json.loads(l) for l in open(events_file) if l.strip()]
text = {}
for l in open(split_file):
    if l.strip():
        s = json.loads(l)
        text[s["sentence"]] = s["text"]
def in_sentence(e, words):
    return words in text.get(e["sentence"], "")
for e in events:
    print("  %s: %s %s/%s/%s %s" % (name, e["sentence"], e["source"], e["target"], e["code"], e["status"]))
problems = []
visit = [e for e in events if e["source"].startswith("PRK") and e["target"].startswith("CHN") and e["code"] == "042"]
if not any(e["status"] == "planned" for e in visit):
    problems.append("no planned PRK -> CHN 042 visit")
host = [e for e in events if e["source"].startswith("CHN") and e["target"].startswith("PRK") and e["code"] == "043"
        and in_sentence(e, "hosting Kim Jong Un")]
if not host:
    problems.append("no CHN -> PRK 043 where China hosts Kim Jong Un")
anticipated = [e for e in events if in_sentence(e, "analysts anticipate")]
if not anticipated:
    problems.append("no event where analysts anticipate discussions")
likely = [e for e in events if in_sentence(e, "likely to cover")]
for e in anticipated + likely:
    if e["status"] != "speculative":
        problems.append("not speculative: sentence %d %s/%s/%s is %s" % (e["sentence"], e["source"], e["target"], e["code"], e["status"]))
for e in events:
    if text.get(e["sentence"], "").rstrip().endswith("?") and e["status"] == "reported":
        problems.append("reported event from a question: sentence %d" % e["sentence"])
for p in problems:
    print("FAIL %s: %s" % (name, p))
sys.exit(1 if problems else 0)
PY
}

check builtin builtin
ini="$DYAD_SHARED/peers/petrarch2/petrarch2/data/config/PETR_config.ini"
if [ -f "$ini" ]; then check petrarch2 "$ini"; else echo "skip petrarch2: $ini not present"; fi
[ $fail -eq 0 ] && echo ok
exit $fail
