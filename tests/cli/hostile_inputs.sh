#!/usr/bin/env bash
# Hostile inputs for every entry point (issue 7): code, split, validate,
# dict check and ingest, with each --in format. Every row of the TABLE at the
# bottom says: the command, the exit status it must give, a regex (grep -E)
# its stderr must match -- which is also how we check that problems are
# reported as FILE:LINE -- and what must come out of it, so that the GOOD
# records around a bad one are shown to be processed:
#   lines=N          stdout has N lines
#   ids=a,b          stdout has a record with each of these ids
#   grep=ERE         stdout matches ERE
#   db=N             the row's SQLite database holds N articles
# (several checks are separated by ';'). Whatever the row, stderr must never
# show a sanitizer report or a crash (under valgrind: exit status 99).
#
# Every input is generated here, at run time, in a temporary directory: the
# big ones (DYAD_HOSTILE_MB, default 50 MB) are never committed. The
# dictionaries and sentences are invented for this test (Freedonia, Sylvania).
#
# A row that asserts behaviour the code does not have yet is marked
# "KNOWN:" in its name, with the owner; it fails until the owner fixes it.
# DYAD_HOSTILE_ONLY=ERE runs the rows whose name matches.
set -uo pipefail
BIN=${DYAD_BIN:?DYAD_BIN must point at the dyad binary}
# under scripts/valgrind.sh (DYAD_VALGRIND=1) the big inputs shrink: memcheck
# is ~50 times slower and the point there is memory errors, not size
if [ -n "${DYAD_VALGRIND:-}" ]; then MB=${DYAD_HOSTILE_MB:-2}; else MB=${DYAD_HOSTILE_MB:-50}; fi
ONLY=${DYAD_HOSTILE_ONLY:-}
T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-hostile.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2

# ---------------------------------------------------------------- inputs
cat > n.dyd <<'EOF'
format 1
actor FRD: freedonia | freedonian
actor SYL: sylvania | sylvanian
agent MIL: army
verb ATTACK [190]: attack | attacked | shelled
verb MEET [040]: meet | met
EOF
G1='{"id":"g1","text":"Freedonia attacked Sylvania."}'
G2='{"id":"g2","text":"Sylvania met Freedonia."}'
# a JSONL file: good record, the hostile line, good record
jsonl() { printf '%s\n%s\n%s\n' "$G1" "$2" "$G2" > "$1"; }

printf 'Freedonia attacked Sylvania. Sylvania met Freedonia.\n' > good.txt
printf 'Freedonia attacked Sylvania. \xff\xfe Sylvania met Freedonia.\n' > bad_utf8.txt
printf 'Freedonia attacked Sylvania.\0\0 Sylvania met Freedonia.\n' > nul.txt
: > empty.txt
printf '   \n\n\t ' > blank.txt
head -c 9000 /dev/zero | tr '\0' '\1' > binary.dat
mkdir adir

jsonl trunc.jsonl '{"id":"b","text":'
jsonl null.jsonl 'null'
jsonl array.jsonl '[1,2,3]'
jsonl trailing.jsonl '{"id":"b","text":"Freedonia met Sylvania."} trailing'
jsonl id_object.jsonl '{"id":{"x":1},"text":"Freedonia met Sylvania."}'
jsonl text_number.jsonl '{"id":"b","text":12}'
jsonl no_text.jsonl '{"id":"b"}'
jsonl huge_float_id.jsonl '{"id":1e400,"text":"Freedonia met Sylvania."}'
jsonl deep.jsonl "{\"id\":\"b\",\"x\":$(printf '[%.0s' {1..5000})$(printf ']%.0s' {1..5000}),\"text\":\"Freedonia met Sylvania.\"}"
printf '%s\n' '{"id":"dup","text":"Sylvania met Freedonia.","text":"Freedonia attacked Sylvania."}' > dup.jsonl
jsonl date_feb30.jsonl '{"id":"b","date":"2025-02-30","text":"Freedonia met Sylvania."}'
jsonl date_5digit.jsonl '{"id":"b","date":"99999-01-01","text":"Freedonia met Sylvania."}'
jsonl date_zero.jsonl '{"id":"b","date":"0000-00-00","text":"Freedonia met Sylvania."}'
jsonl date_hugenum.jsonl '{"id":"b","date":99999999999999999999,"text":"Freedonia met Sylvania."}'
jsonl wrong_types.jsonl '{"id":"b","title":7,"url":[],"source":{},"text":"Freedonia met Sylvania."}'
jsonl nul_escape.jsonl '{"id":"b","text":"Freedonia\u0000 met Sylvania."}'
jsonl "bad_utf8.jsonl" "$(printf '{"id":"b","text":"Freedonia met \xc0\xaf Sylvania."}')"
printf '%s\r\n\r\n\r\n%s\r\n' "$G1" "$G2" > crlf.jsonl
# Two distinct integer ids beyond int64 around two good records: both must
# survive as distinct articles or be rejected, never be folded into one id.
printf '%s\n%s\n%s\n%s\n' "$G1" '{"id":99999999999999999999999999999,"text":"Freedonia met Sylvania."}' \
    '{"id":99999999999999999999999999998,"text":"Sylvania attacked Freedonia."}' "$G2" > huge_ids.jsonl

# overlong lines: one 50 MB word in a text file, one 50 MB JSON string
python3 - "$MB" <<'EOF'
import sys
n = int(sys.argv[1]) * 1_000_000
with open("overlong.txt", "w") as f:
    f.write("Freedonia attacked Sylvania. " + "x" * n + " Sylvania met Freedonia.\n")
with open("overlong.jsonl", "w") as f:
    f.write('{"id":"g1","text":"Freedonia attacked Sylvania."}\n')
    f.write('{"id":"big","text":"' + "y" * n + '"}\n')
    f.write('{"id":"g2","text":"Sylvania met Freedonia."}\n')
with open("deep.html", "w") as f:
    f.write("<html><body><p>Freedonia attacked Sylvania.</p>" + "<div>" * 100000 + "deep"
            + "</div>" * 100000 + "</body></html>")
for name, n in (("attrs.html", 5000), ("attrs50k.html", 50000)):
    with open(name, "w") as f:
        f.write("<html><body><p " + " ".join('a%d="x"' % i for i in range(n))
                + ">Freedonia attacked Sylvania.</p></body></html>")
EOF
printf '<html><head><script>Freedonia attacked Sylvania.</script></head><body><nav>menu</nav></body></html>' > notext.html
printf '<html><body><p>Freedonia attacked Sylvania.</p><p>Sylvania met \xff Freedonia.</p></body></html>' > bad_utf8.html
printf '<html><body><p>Freedonia &amp;&#0;&#xFFFFFFFF;&#99999999999; &bogus; attacked Sylvania.<p>Sylvania met Freedonia' > entities.html

printf '990101 REC-1\nFreedonia attacked Sylvania.\n\n991399 REC-2\nSylvania met Freedonia.\n\n990103 REC-3\n\n990104 REC-4\nFreedonia met Sylvania.\n/* { FRD / SYL / 040 }\n\n990105 REC-5\nSylvania attacked Freedonia.\n' > records.text
cat > sentences.xml <<'EOF'
<Sentences>
<Sentence date="20010101" id="S1" sentence="True">
<Text>Freedonia attacked Sylvania.</Text>
</Sentence>
<Sentence date="20019999" id="S2">
<Text>Sylvania met Freedonia &amp; &bogus; &#99999999999;.</Text>
</Sentence>
<Sentence date="20010103" id="S3">
<Parse>(S (NP x))</Parse>
</Sentence>
<Sentence date="20010104">
<Text>Freedonia met Sylvania.</Text>
</Sentence>
<Sentence date="20010105" id="S5">
<Text>Sylvania attacked Freedonia.
</Sentence>
</Sentences>
EOF
python3 -c "
open('deep.xml','w').write('<Sentences><Sentence id=\"D1\" date=\"20010101\"><Text>Freedonia attacked Sylvania.</Text></Sentence>' + '<x>'*100000 + '</Sentences>')"

# gold JSONL suites for validate
E1='"events":[{"source":"FRD","target":"SYL","code":"190"}]'
E2='"events":[{"source":"SYL","target":"FRD","code":"040"}]'
printf '%s\n%s\n%s\n' "{\"id\":\"v1\",\"text\":\"Freedonia attacked Sylvania.\",$E1}" \
    '{"id":"v2","text":"Sylvania met","events":"oops"}' \
    "{\"id\":\"v3\",\"text\":\"Sylvania met Freedonia.\",$E2}" > gold_badtype.jsonl
printf '%s\n%s\n%s\n' "{\"id\":\"v1\",\"text\":\"Freedonia attacked Sylvania.\",$E1}" \
    '{"id":"v2","text":' "{\"id\":\"v3\",\"text\":\"Sylvania met Freedonia.\",$E2}" > gold_badjson.jsonl

# dictionaries
mkdir dk
printf 'FREEDONIA_ [FRD]\nSYLVANIA_ [SYL\nMARSOVIA [MAR 990101-]\nRURITANIA [RUR]\n' > dk/t.actors
printf 'MEET [040]\n- $ * + [042:043\n- * { PLOT | SCHEME [112]\nATTACK [190]\n- $ * +  [190]\n' > dk/t.verbs
printf 'MINISTER [~GOV\nREBEL {REBELS [~REB]\nARMY [~MIL]\n' > dk/t.agents
printf 'COMPLEX: VERBS[99999999999]\nSET: CODE BY SENTENCE\n' > dk/huge.options
printf -- '---  MEET   [040]  ---\nMEET\n- * (WITH {PEACE  [036]\n- * } { ) ( [043]\n---  ATTACK [190] ---\nATTACK\n' > dk/v.verbs.txt
printf 'n:truce [PEACE\nceasefire [PEACE]\n' > dk/i.issues.txt
printf 'include "b.dyd"\nactor FRD: freedonia\n' > dk/a.dyd
printf 'include "a.dyd"\nactor SYL: sylvania\n' > dk/b.dyd
printf 'include "self.dyd"\nactor FRD: freedonia\n' > dk/self.dyd
printf 'include "r1.dyd"\n' > dk/chain.dyd
for i in $(seq 1 40); do printf 'include "r%d.dyd"\nactor AA%d: a%d\n' $((i + 1)) "$i" "$i" > "dk/r$i.dyd"; done
printf 'actor ZZZ: z\n' > dk/r41.dyd
printf 'include "missing.dyd"\nactor FRD: freedonia\n' > dk/inc_missing.dyd
printf 'include "/"\nactor FRD: freedonia\n' > dk/inc_dir.dyd
printf 'actor FRD @2001-13-45..: freedonia\nactor SYL @99999-01-01..: sylvania\nactor BOR @2005-01-01..2001-01-01: borduria\nactor RUR: ruritania\n' > dk/dates.dyd
printf 'actor FRD: freedonia\nactor SYL: sylvania\nverb MEET [99999999999]: met\nactor %s: ruritania\n' \
    "$(printf 'ABCDEFGHIJ%.0s' {1..8})" > dk/long_codes.dyd
printf 'format 1\nactor FRD: free\xffdonia\nactor SYL: sylvania\n' > dk/bad_utf8.dyd
printf 'format 1\nactor FRD: freedonia\0land\nactor SYL: sylvania\n' > dk/nul.dyd
: > dk/empty.dyd
head -c 9000 /dev/zero | tr '\0' '\1' > dk/binary.dyd
printf '<actorsfile> t.actors\n<verbsfile> nope.verbs\n' > dk/p.project
printf '[Dictionaries]\nverbfile_name = v.verbs.txt\nactorfile_list = missing.txt\n' > dk/c.ini
# a usable dictionary with one bad line: the good entries still code
printf 'actor FRD: freedonia\nactor SYL: sylvania\nverb X [040: x\nverb ATTACK [190]: attacked\n' > dk/mixed.dyd

# ---------------------------------------------------------------- the runner
rows=0
fails=0
failed_rows=()

check_out() { # CHECKS OUTFILE DB -> 0 ok, else prints why
    local checks=$1 out=$2 db=$3 c
    IFS=';' read -r -a list <<< "$checks"
    for c in "${list[@]}"; do
        case "$c" in
            -|'') ;;
            lines=*)
                local want=${c#lines=} got
                got=$(wc -l < "$out")
                [ "$got" -eq "$want" ] || { echo "stdout has $got lines, want $want"; return 1; } ;;
            ids=*)
                local id
                IFS=',' read -r -a ids <<< "${c#ids=}"
                for id in "${ids[@]}"; do
                    grep -qE "\"id\": ?\"$id\"" "$out" || { echo "no record with id $id in stdout"; return 1; }
                done ;;
            grep=*)
                grep -qE -- "${c#grep=}" "$out" || { echo "stdout does not match ${c#grep=}"; return 1; } ;;
            db=*)
                local want=${c#db=} got
                got=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from articles").fetchone()[0])' "$db" 2>&1)
                [ "$got" = "$want" ] || { echo "database holds $got articles, want $want"; return 1; } ;;
            *) echo "bad check '$c' in the table"; return 1 ;;
        esac
    done
    return 0
}

# An empty stderr matches a regex that matches the empty string ("^$").
stderr_matches() {
    if [ -s err.txt ]; then grep -qE -- "$1" err.txt; else [[ "" =~ $1 ]]; fi
}

# row NAME EXPECTED_STATUS STDERR_ERE CHECKS -- COMMAND...
# In COMMAND, @DB stands for this row's own database file.
row() {
    local name=$1 want=$2 re=$3 checks=$4
    shift 4
    [ "$1" = "--" ] && shift
    if [ -n "$ONLY" ] && ! [[ $name =~ $ONLY ]]; then return; fi
    rows=$((rows + 1))
    local db="$T/db-$rows.sqlite" args=() a
    for a in "$@"; do args+=("${a//@DB/$db}"); done
    "${args[@]}" > out.txt 2> err.txt
    local rc=$? why=""
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault|Aborted|core dumped|Invalid (read|write)|definitely lost' err.txt; then
        why="sanitizer report or crash"
    elif [ "$rc" -ne "$want" ]; then
        why="exit status $rc, want $want"
    elif ! stderr_matches "$re"; then
        why="stderr does not match /$re/"
    else
        why=$(check_out "$checks" out.txt "$db") || true
    fi
    if [ -n "$why" ]; then
        fails=$((fails + 1))
        failed_rows+=("$name")
        echo "FAIL $name: $why"
        echo "     command: ${args[*]}"
        sed 's/^/     stderr: /' err.txt | head -8 | cut -c1-300
    else
        echo "ok   $name"
    fi
}

D="$BIN"
ND=(--dict n.dyd)
L='(:[0-9]+)?'   # optional column after FILE:LINE

# ---------------------------------------------------------------- the TABLE
#   name                              status stderr regex                                   checks            command
# --- dyad code, --in text (one article per file)
row code_text_bad_utf8                0 "^bad_utf8.txt:1:30: warning: invalid UTF-8"        "lines=2"         -- "$D" code "${ND[@]}" --in text bad_utf8.txt
row code_text_nul_bytes               0 "^nul.txt:1:29: warning: 2 NUL bytes"               "lines=2"         -- "$D" code "${ND[@]}" --in text nul.txt
row code_text_empty                   0 "^empty.txt: warning: empty input"                  "lines=0"         -- "$D" code "${ND[@]}" --in text empty.txt
row code_text_whitespace_only         0 "^blank.txt: warning: empty input"                  "lines=0"         -- "$D" code "${ND[@]}" --in text blank.txt
row code_text_binary_then_good        1 "^binary.dat: error: binary file"                   "lines=2"         -- "$D" code "${ND[@]}" --in text binary.dat good.txt
row code_missing_then_good            2 "^missing.txt: error: cannot open"                  "lines=2"         -- "$D" code "${ND[@]}" missing.txt good.txt
row code_directory_then_good          2 "^adir: error: cannot read: is a directory"         "lines=2"         -- "$D" code "${ND[@]}" adir good.txt
row code_text_overlong_line           0 "^$|warning"                                        "lines=2"         -- "$D" code "${ND[@]}" --in text overlong.txt
# --- dyad code, --in jsonl (a bad line between two good ones)
row code_jsonl_truncated              1 "^trunc.jsonl:2$L: error: bad JSON"                 "ids=g1,g2"       -- "$D" code "${ND[@]}" --in jsonl trunc.jsonl
row code_jsonl_null_line              1 "^null.jsonl:2$L: error: "                          "ids=g1,g2"       -- "$D" code "${ND[@]}" --in jsonl null.jsonl
row code_jsonl_array_line             1 "^array.jsonl:2$L: error: not a JSON object"        "ids=g1,g2"       -- "$D" code "${ND[@]}" --in jsonl array.jsonl
row code_jsonl_trailing_garbage       1 "^trailing.jsonl:2:45: error: unexpected characters" "ids=g1,g2"      -- "$D" code "${ND[@]}" --in jsonl trailing.jsonl
row code_jsonl_id_wrong_type          1 "^id_object.jsonl:2$L: error: field \"id\""          "ids=g1,g2"      -- "$D" code "${ND[@]}" --in jsonl id_object.jsonl
row code_jsonl_text_wrong_type        1 "^text_number.jsonl:2$L: error: field \"text\""      "ids=g1,g2"      -- "$D" code "${ND[@]}" --in jsonl text_number.jsonl
row code_jsonl_no_text                1 "^no_text.jsonl:2$L: error: .*\"text\""             "ids=g1,g2"       -- "$D" code "${ND[@]}" --in jsonl no_text.jsonl
row code_jsonl_huge_float_id          1 "^huge_float_id.jsonl:2$L: error: field \"id\""     "ids=g1,g2"       -- "$D" code "${ND[@]}" --in jsonl huge_float_id.jsonl
row code_jsonl_nested_5000_deep       1 "^deep.jsonl:2$L: error: bad JSON: nesting too deep" "ids=g1,g2"      -- "$D" code "${ND[@]}" --in jsonl deep.jsonl
row code_jsonl_duplicate_keys_last_wins 0 "^$"                                              "ids=dup;grep=\"code\":\"190\"" -- "$D" code "${ND[@]}" --in jsonl dup.jsonl
row code_jsonl_date_feb30             0 "^date_feb30.jsonl:2$L: warning: invalid date"      "lines=3"         -- "$D" code "${ND[@]}" --in jsonl date_feb30.jsonl
row code_jsonl_date_5_digit_year      0 "^date_5digit.jsonl:2$L: warning: invalid date"     "lines=3"         -- "$D" code "${ND[@]}" --in jsonl date_5digit.jsonl
row code_jsonl_date_zero              0 "^date_zero.jsonl:2$L: warning: invalid date"       "lines=3"         -- "$D" code "${ND[@]}" --in jsonl date_zero.jsonl
row code_jsonl_date_huge_number       0 "^date_hugenum.jsonl:2$L: warning: invalid date"    "lines=3"         -- "$D" code "${ND[@]}" --in jsonl date_hugenum.jsonl
row code_jsonl_optional_wrong_types   0 "^wrong_types.jsonl:2$L: warning: field \"title\""  "lines=3"         -- "$D" code "${ND[@]}" --in jsonl wrong_types.jsonl
row code_jsonl_nul_escape             0 "^nul_escape.jsonl:2$L: warning: 1 NUL byte"        "lines=3"         -- "$D" code "${ND[@]}" --in jsonl nul_escape.jsonl
row code_jsonl_bad_utf8               0 "^bad_utf8.jsonl:2:33: warning: invalid UTF-8"      "lines=3"         -- "$D" code "${ND[@]}" --in jsonl bad_utf8.jsonl
row code_jsonl_crlf_blank_lines       0 "^$"                                                "ids=g1,g2"       -- "$D" code "${ND[@]}" --in jsonl crlf.jsonl
row code_jsonl_binary                 1 "^binary.dat: error: binary file"                   "lines=0"         -- "$D" code "${ND[@]}" --in jsonl binary.dat
row code_jsonl_overlong_line          0 "^$|warning"                                        "ids=g1,g2"       -- "$D" code "${ND[@]}" --in jsonl overlong.jsonl
row code_jsonl_threads_4             1 "^trunc.jsonl:2$L: error"                           "lines=2;ids=g1,g2" -- "$D" code "${ND[@]}" --threads 4 trunc.jsonl
row code_jsonl_int64_overflow_id    1 "^huge_ids.jsonl:[23]$L: error: .*id"          "ids=g1,g2"       -- "$D" code "${ND[@]}" --in jsonl huge_ids.jsonl
# --- dyad code, --in html
row code_html_nested_100000_deep      0 "^deep.html:1$L: warning: HTML nested too deeply"   "lines=1"         -- "$D" code "${ND[@]}" --in html deep.html
row code_html_5000_attributes         0 "^$"                                                "lines=1"         -- "$D" code "${ND[@]}" --in html attrs.html
# libxml2 2.9 adds each attribute by walking the list of the ones before it:
# 50,000 attributes (1 MB) took ~18 s in a release build; the reader now caps
# attributes per tag. The warning must say where the tag is (FILE:LINE).
# (Not under valgrind, where any time bound is meaningless.)
[ -z "${DYAD_VALGRIND:-}" ] &&
row "attrs_50000_warning_line" 0 "^attrs50k.html:1$L: warning: .*attributes ignored" "lines=1" -- timeout 10 "$D" code "${ND[@]}" --in html attrs50k.html
row code_html_no_text                 0 "^notext.html: warning: no article text"            "lines=0"         -- "$D" code "${ND[@]}" --in html notext.html
row code_html_bad_utf8                0 "^bad_utf8.html:1:64: warning: invalid UTF-8"       "lines=2"         -- "$D" code "${ND[@]}" --in html bad_utf8.html
row code_html_bad_entities_unclosed   0 "^$"                                                "lines=2"         -- "$D" code "${ND[@]}" --in html entities.html
row code_html_binary                  1 "^binary.dat: error: binary file"                   "lines=0"         -- "$D" code "${ND[@]}" --in html binary.dat
# --- dyad code, --in tabari / petrarch / auto
row code_tabari_bad_records           0 "^records.text:4:1: warning: record REC-2: bad date" "ids=REC-1,REC-2,REC-4,REC-5" -- "$D" code "${ND[@]}" --in tabari records.text
row code_tabari_empty                 0 "^empty.txt: warning: empty input"                  "lines=0"         -- "$D" code "${ND[@]}" --in tabari empty.txt
row code_petrarch_bad_sentences       1 "^sentences.xml:8: error: sentence S3 has no <Text>" "ids=S1,S2,sentence-4" -- "$D" code "${ND[@]}" --in petrarch sentences.xml
row code_petrarch_100000_open_tags    0 "^$|sentences|never closed"                         "ids=D1"          -- "$D" code "${ND[@]}" --in petrarch deep.xml
row code_petrarch_binary              1 "^binary.dat: error: binary file"                   "lines=0"         -- "$D" code "${ND[@]}" --in petrarch binary.dat
row code_auto_mixed_files             1 "^trunc.jsonl:2$L: error"                           "ids=g1,g2,REC-1,S1" -- "$D" code "${ND[@]}" trunc.jsonl records.text sentences.xml empty.txt
row code_dict_with_bad_line           1 "^dk/mixed.dyd:3: error: bad event code"            "lines=1"         -- "$D" code --dict dk/mixed.dyd good.txt
row code_dict_unusable                2 "^dk/empty.dyd: error: no dictionary entries"       "lines=0"         -- "$D" code --dict dk/empty.dyd good.txt
row code_dict_binary                  2 "^dk/binary.dyd(:1)?: error"                        "lines=0"         -- "$D" code --dict dk/binary.dyd good.txt
row code_date_option_feb30           2 "--date"                                         "lines=0"         -- "$D" code "${ND[@]}" --date 2025-02-30 good.txt
row code_date_option_garbage          2 "--date"                                            "lines=0"         -- "$D" code "${ND[@]}" --date 99999-99-99 good.txt
# --- dyad split, each --in
row split_text_bad_utf8               0 "^bad_utf8.txt:1:30: warning: invalid UTF-8"        "lines=2"         -- "$D" split --in text bad_utf8.txt
row split_jsonl_truncated             1 "^trunc.jsonl:2$L: error: bad JSON"                 "ids=g1,g2"       -- "$D" split --in jsonl trunc.jsonl
row split_jsonl_deep                  1 "^deep.jsonl:2$L: error"                            "ids=g1,g2"       -- "$D" split --in jsonl deep.jsonl
row split_html_deep                   0 "^deep.html:1$L: warning: HTML nested too deeply"   "lines=1"         -- "$D" split --in html deep.html
row split_tabari_records              0 "^records.text:7: warning: record REC-3 has no text" "ids=REC-1,REC-2,REC-4,REC-5" -- "$D" split --in tabari records.text
row split_petrarch_sentences          1 "^sentences.xml:8: error"                           "ids=S1,S2,sentence-4" -- "$D" split --in petrarch sentences.xml
row split_binary_then_good            1 "^binary.dat: error: binary file"                   "lines=2"         -- "$D" split binary.dat good.txt
row split_missing                     2 "^missing.txt: error: cannot open"                  "lines=0"         -- "$D" split missing.txt
row split_directory                   2 "^adir: error: cannot read: is a directory"         "lines=0"         -- "$D" split adir
# --- dyad validate
row validate_missing                  2 "^missing.jsonl: error: cannot open"                "lines=0"         -- "$D" validate "${ND[@]}" missing.jsonl
row validate_directory                2 "^adir: error: cannot read: is a directory"         "lines=0"         -- "$D" validate "${ND[@]}" adir
row validate_empty                    2 "empty.txt"                                         "lines=0"         -- "$D" validate "${ND[@]}" empty.txt
row validate_binary                   2 "binary.dat"                                        "lines=0"         -- "$D" validate "${ND[@]}" binary.dat
row validate_petrarch_bad_sentences   1 "^sentences.xml:8: error"                           "grep=passed, 3 failed" -- "$D" validate "${ND[@]}" sentences.xml
row validate_gold_bad_json_line 1 "^gold_badjson.jsonl:2$L: error"            "grep=^2 passed, 0 failed" -- "$D" validate "${ND[@]}" gold_badjson.jsonl
row validate_gold_events_wrong_type 1 "^gold_badtype.jsonl:2$L: error: .*events" "grep=^2 passed, 0 failed" -- "$D" validate "${ND[@]}" gold_badtype.jsonl
# --- dyad dict check, each dictionary format
row dict_tabari_actors_unbalanced     1 "^dk/t.actors:2: error: missing '\]'"               "-"               -- "$D" dict check dk/t.actors
row dict_tabari_verbs_unbalanced      1 "^dk/t.verbs:3: error: missing '\}'"                "-"               -- "$D" dict check dk/t.verbs
row dict_tabari_agents_unbalanced     1 "^dk/t.agents:1: error: missing '\]'"               "-"               -- "$D" dict check dk/t.agents
row dict_tabari_options_huge_number 1 "^dk/huge.options:1: error"                        "-"               -- "$D" dict check dk/huge.options
row dict_petrarch_verbs_unbalanced    1 "^dk/v.verbs.txt:3: error: missing '\)'"            "-"               -- "$D" dict check dk/v.verbs.txt
row dict_issues_unbalanced            1 "^dk/i.issues.txt:1: error: missing '\]'"           "-"               -- "$D" dict check dk/i.issues.txt
row dict_native_include_cycle         1 "^dk/b.dyd:1: error: .*cycle"                       "-"               -- "$D" dict check dk/a.dyd
row dict_native_self_include          1 "^dk/self.dyd:1: error: .*cycle"                    "-"               -- "$D" dict check dk/self.dyd
row dict_native_include_chain_41      1 "^dk/r16.dyd:1: error: files nested more than 16"   "-"               -- "$D" dict check dk/chain.dyd
row dict_native_include_missing       1 "^dk/inc_missing.dyd:1: error: cannot read"         "-"               -- "$D" dict check dk/inc_missing.dyd
row dict_native_include_directory     1 "^dk/inc_dir.dyd:1: error: .*[Dd]irectory"          "-"               -- "$D" dict check dk/inc_dir.dyd
row dict_native_bad_dates             1 "^dk/dates.dyd:3: error: date range ends before"    "-"               -- "$D" dict check dk/dates.dyd
row dict_native_overlong_codes 1 "^dk/long_codes.dyd:3: (error|warning)"          "-"               -- "$D" dict check dk/long_codes.dyd
row dict_native_bad_utf8            1 "^dk/bad_utf8.dyd:2$L: (error|warning): .*UTF-8"    "-"               -- "$D" dict check dk/bad_utf8.dyd
row dict_native_nul_byte            1 "^dk/nul.dyd:2$L: (error|warning): .*NUL"           "-"               -- "$D" dict check dk/nul.dyd
row dict_empty_file                   2 "^dk/empty.dyd: error: no dictionary entries"       "-"               -- "$D" dict check dk/empty.dyd
row dict_binary_file                  2 "^dk/binary.dyd(:1)?: error"                        "-"               -- "$D" dict check dk/binary.dyd
row dict_missing_file                 2 "^missing.dyd: error: cannot read"                  "-"               -- "$D" dict check missing.dyd
row dict_directory                    2 "^adir: error: cannot read.*[Dd]irectory"           "-"               -- "$D" dict check adir
row dict_project_missing_file         1 "^dk/p.project:2: error: cannot read"               "-"               -- "$D" dict check dk/p.project
row dict_config_missing_file          1 "^dk/c.ini:3: error: cannot read"                   "-"               -- "$D" dict check dk/c.ini
# --- dyad ingest (each row its own database)
row ingest_jsonl_bad_line             1 "^trunc.jsonl:2$L: error: bad JSON"                 "db=2"            -- "$D" ingest --db @DB "${ND[@]}" trunc.jsonl
row ingest_text_bad_bytes             0 "^nul.txt:1:29: warning"                            "db=2"            -- "$D" ingest --db @DB "${ND[@]}" --in text bad_utf8.txt nul.txt
row ingest_html_deep                  0 "^deep.html:1$L: warning: HTML nested too deeply"   "db=1"            -- "$D" ingest --db @DB "${ND[@]}" --in html deep.html
row ingest_tabari_records             0 "^records.text:7: warning"                          "db=4"            -- "$D" ingest --db @DB "${ND[@]}" --in tabari records.text
row ingest_petrarch_sentences         1 "^sentences.xml:8: error"                           "db=3"            -- "$D" ingest --db @DB "${ND[@]}" --in petrarch sentences.xml
row ingest_binary_then_good           1 "^binary.dat: error: binary file"                   "db=1"            -- "$D" ingest --db @DB "${ND[@]}" binary.dat good.txt
row ingest_missing_then_good          2 "^missing.txt: error: cannot open"                  "db=1"            -- "$D" ingest --db @DB "${ND[@]}" missing.txt good.txt
row ingest_db_is_directory            2 "cannot open database"                              "-"               -- "$D" ingest --db adir "${ND[@]}" good.txt
row ingest_db_is_not_sqlite           2 "binary.dat.*not a database"                        "-"               -- "$D" ingest --db binary.dat "${ND[@]}" good.txt
row ingest_jsonl_int64_overflow_ids 1 "^huge_ids.jsonl:[23]$L: error: .*id"   "db=2"            -- "$D" ingest --db @DB "${ND[@]}" --in jsonl huge_ids.jsonl

echo "hostile_inputs: $((rows - fails))/$rows rows ok"
if [ "$fails" -gt 0 ]; then
    printf 'hostile_inputs: FAILED: %s\n' "${failed_rows[@]}"
    exit 1
fi
exit 0
