#!/usr/bin/env bash
# dyad code --threads N gives byte-identical output (and the same exit
# status) whatever N, in every output format.
set -euo pipefail
: "${DYAD_BIN:?}" "${DYAD_SHARED:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# PETRARCH-2's dictionaries (read in place) code plenty of events on the gold
# sentences; DYAD_TEST_DICT=builtin tests the project's own.
dict=${DYAD_TEST_DICT:-$DYAD_SHARED/peers/petrarch2/petrarch2/data/config/PETR_config.ini}

# Both gold suites, read in place: enough articles to keep several workers
# busy and finishing out of order.
inputs=("$DYAD_SHARED/gold/tabari_validate.jsonl" "$DYAD_SHARED/gold/petr2_gsr.jsonl")

for fmt in jsonl gdelt csv; do
    for n in 1 2 3 0; do
        rc=0
        "$DYAD_BIN" code --dict "$dict" --in jsonl --out "$fmt" --threads "$n" "${inputs[@]}" \
            > "$tmp/out.$fmt.$n" 2> "$tmp/err.$fmt.$n" || rc=$?
        echo "$rc" > "$tmp/rc.$fmt.$n"
        if [ "$rc" -gt 1 ]; then
            echo "--out $fmt --threads $n exited $rc"; head -5 "$tmp/err.$fmt.$n"; exit 1
        fi
    done
    for n in 2 3 0; do
        if ! cmp -s "$tmp/out.$fmt.1" "$tmp/out.$fmt.$n"; then
            echo "--out $fmt: --threads $n differs from --threads 1"
            diff "$tmp/out.$fmt.1" "$tmp/out.$fmt.$n" | head -10
            exit 1
        fi
        cmp -s "$tmp/rc.$fmt.1" "$tmp/rc.$fmt.$n" || { echo "--threads $n: other exit status"; exit 1; }
        # Diagnostics may interleave differently with the reader's, but are the same set.
        cmp -s <(sort "$tmp/err.$fmt.1") <(sort "$tmp/err.$fmt.$n") \
            || { echo "--out $fmt --threads $n: other diagnostics"; exit 1; }
    done
done

# Standard input and the explain text go through the same pipeline.
"$DYAD_BIN" code --dict "$dict" --in jsonl --explain --threads 1 < "${inputs[1]}" > "$tmp/a" 2>/dev/null || true
"$DYAD_BIN" code --dict "$dict" --in jsonl --explain --threads 4 - < "${inputs[1]}" > "$tmp/b" 2>/dev/null || true
cmp "$tmp/a" "$tmp/b"
[ -s "$tmp/out.jsonl.1" ] || { echo "no events coded at all"; exit 1; }
echo "ok: $(wc -l < "$tmp/out.jsonl.1") events identical for --threads 1, 2, 3, 0"
