#!/usr/bin/env bash
# PETRARCH-2 semantics on the shallow parse (src/coder/p2_*.c), with the PETRARCH-2 dictionaries
# read at run time from ../shared: one invented sentence per construct, the exact events expected.
# Skips when the dictionaries are not there.
set -u
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
ini="$DYAD_SHARED/peers/petrarch2/petrarch2/data/config/PETR_config.ini"
[ -f "$ini" ] || { echo "skip: $ini not present"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# id <TAB> sentence <TAB> expected events (source/target/code, space separated; empty: none)
cat > "$tmp/cases.tsv" <<'CASES'
reciprocal	Chile, Peru and Bolivia met on Monday.	CHL/PER/040 CHL/BOL/040 PER/CHL/040 PER/BOL/040 BOL/CHL/040 BOL/PER/040
say_attack	Norway said that Sweden had attacked Finland.	NOR/SWE/112
claim_own_attack	Egypt claimed that it had attacked Libya.	EGY/LBY/015
want_other_attack	Egypt wants Sudan to attack Libya.	EGY/SDN/021
ask_to_help	Kenya is asking Uganda to help Sudan.	KEN/UGA/023
want_to_help	Ghana wants to help Togo.	GHA/TGO/033
passive_as_active	Evidence against Chile was presented by Peru.	PER/CHL/1124
negated_offer	Tanzania said it would not give permission to Kenya to help Uganda.	TZA/KEN/124
agent_of_adjectives	The mayor of the northern Gaza Strip city met Ghana.	PSEGZAGOV/GHA/040
agent_over_list	Kenyan and Ugandan activists staged a protest in Nairobi, unfurling "Free Sudan" banners.	KENOPP/KEN/141 UGAOPP/KEN/141
said_clause	Senegal says it has strong evidence proving Mali was behind the attacks.	
said_null_verb	Norway said it had posted a notice to Sweden.	
from_reverses	Kenya said it would receive an invitation from Uganda.	UGA/KEN/026
agent_in_noun_phrase	Jordan launched an air strike against an Islamic State target west of Baghdad.	JOR/IRQMUS/195
said_passive_from	Norway said a rocket was fired at it from Sweden on Monday.	NOR/SWE/112
said_passive_by	Kenya said five people were killed in a raid by Somali troops.	KEN/SOMMIL/112
passive_doer_in	Ten civilians were killed in Israeli air strikes on Monday.	ISR/---CVL/190
passive_place_in	Ten Russian soldiers were killed in Ukraine on Monday.	
compound_too_big	Chile, Peru, Bolivia, Ecuador, Brazil and Uruguay contributed to the fund.	
CASES
python3 - "$tmp/cases.tsv" > "$tmp/in.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    cid, text, _ = line.rstrip("\n").split("\t")
    print(json.dumps({"id": cid, "date": "2015-06-09", "text": text}))
PY
"$DYAD_BIN" code --in jsonl --out jsonl --dict "$ini" "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err" || {
    echo "FAIL: dyad code"; cat "$tmp/err"; exit 1; }
python3 - "$tmp/cases.tsv" "$tmp/out.jsonl" <<'PY'
import json, sys, collections
got = collections.defaultdict(set)
for l in open(sys.argv[2]):
    if l.strip():
        e = json.loads(l)
        got[e["id"]].add("%s/%s/%s" % (e["source"], e["target"], e["code"]))
bad = 0
for cid, codes in got.items():
    for ev in codes:
        code = ev.rsplit("/", 1)[1]
        if not code.isdigit():
            bad += 1
            print("FAIL %s: event code %r is no CAMEO code" % (cid, code))
for line in open(sys.argv[1]):
    cid, text, want = line.rstrip("\n").split("\t")
    want = set(want.split())
    if got[cid] != want:
        bad += 1
        print("FAIL %s: %s\n  want %s\n  got  %s" % (cid, text, sorted(want), sorted(got[cid])))
print("ok" if not bad else "%d failed" % bad)
sys.exit(1 if bad else 0)
PY
