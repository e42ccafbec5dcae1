#!/usr/bin/env bash
# The TABARI validation suite (../shared/peers/tabari-code) through `dyad validate`:
# fails when fewer records pass than the floor reached so far (the bar is 431 of 444).
set -u
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
FLOOR=431
dir="$DYAD_SHARED/peers/tabari-code"
[ -f "$dir/Validate.text" ] || { echo "skip: $dir not present"; exit 0; }
out=$("$DYAD_BIN" validate --dict "$dir/Validate.project" "$dir/Validate.text" 2>/dev/null)
rc=$?
last=$(printf '%s\n' "$out" | tail -n 1)
echo "$last"
[[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]] || { echo "FAIL: no summary line (exit $rc)"; exit 1; }
passed=${BASH_REMATCH[1]} failed=${BASH_REMATCH[2]}
[ $((passed + failed)) -eq 444 ] || { echo "FAIL: expected 444 checkable records, saw $((passed + failed))"; exit 1; }
[ "$passed" -ge "$FLOOR" ] || { echo "FAIL: $passed passed, floor is $FLOOR"; exit 1; }
# exit status: 1 when some record failed, 0 when all passed
if [ "$failed" -gt 0 ]; then [ $rc -eq 1 ] || { echo "FAIL: exit $rc with failures"; exit 1; }; fi
echo ok
