#!/usr/bin/env bash
# PETRARCH-2 gold (../shared/gold/petr2_gsr.jsonl) with the PETRARCH-2 dictionaries, two ways:
# `dyad validate` on the gold file, and `dyad code` scored by ../shared/tools/score.py.
# Fails below the floors reached so far (the bars: 75% exact, event F1 0.80).
set -u
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
FLOOR=68
gold="$DYAD_SHARED/gold/petr2_gsr.jsonl"
ini="$DYAD_SHARED/peers/petrarch2/petrarch2/data/config/PETR_config.ini"
[ -f "$gold" ] && [ -f "$ini" ] || { echo "skip: shared files not present"; exit 0; }
last=$("$DYAD_BIN" validate --dict "$ini" "$gold" 2>/dev/null | tail -n 1)
echo "validate: $last"
[[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]] || { echo "FAIL: no summary line"; exit 1; }
[ "${BASH_REMATCH[1]}" -ge "$FLOOR" ] || { echo "FAIL: ${BASH_REMATCH[1]} passed, floor is $FLOOR"; exit 1; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$DYAD_BIN" code --in jsonl --out jsonl --dict "$ini" "$gold" > "$tmp" 2>/dev/null
if command -v python3 >/dev/null && [ -f "$DYAD_SHARED/tools/score.py" ]; then
    python3 "$DYAD_SHARED/tools/score.py" "$gold" "$tmp" | tail -n 5
fi
echo ok
