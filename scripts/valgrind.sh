#!/usr/bin/env bash
# Run the whole test suite under valgrind memcheck: an unsanitized debug
# build; every unit-test binary runs under valgrind, and the end-to-end
# scripts get a DYAD_BIN wrapper that runs `dyad` under valgrind. Any error
# or leak fails the run (--error-exitcode). Slow: minutes, not seconds.
#   scripts/valgrind.sh [ctest -R regex]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build-valgrind -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-valgrind >/dev/null
VG=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes)
wrapper=build-valgrind/dyad-under-valgrind
cat > "$wrapper" <<WRAP
#!/usr/bin/env bash
exec ${VG[*]} $(pwd)/build-valgrind/dyad "\$@"
WRAP
chmod +x "$wrapper"
# ctest's own environment for the tests points DYAD_BIN at the plain binary;
# run the test commands ourselves so the wrapper can be swapped in.
export DYAD_SRC=$(pwd) DYAD_SHARED=$(pwd)/../shared DYAD_BIN=$(pwd)/$wrapper DYAD_VALGRIND=1
pass=0 fail=0
filter=${1:-.}
for t in build-valgrind/test_*; do
  [ -x "$t" ] || continue
  name=unit/$(basename "$t")
  [[ $name =~ $filter ]] || continue
  if "${VG[@]}" "$t" >/tmp/valgrind-$$.log 2>&1; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL $name"; tail -40 /tmp/valgrind-$$.log; fi
done
for s in tests/cli/*.sh; do
  name=cli/$(basename "$s" .sh)
  [[ $name =~ $filter ]] || continue
  case $name in cli/fuzz_smoke) continue;; esac   # libFuzzer binaries are not valgrind's job
  if bash "$s" >/tmp/valgrind-$$.log 2>&1; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL $name"; tail -40 /tmp/valgrind-$$.log; fi
done
rm -f /tmp/valgrind-$$.log
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
