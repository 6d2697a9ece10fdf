#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets (Fuzz/Package.swift) and runs each
# for FUZZ_SECONDS (60), one process, one job, starting from Fuzz/Corpus/<t>
# and Fuzz/Regressions/<t>; new inputs go to build/fuzz/<t>. With
# FUZZ_MERGE=1 the corpus is then minimised (-set_cover_merge=1) back into
# Fuzz/Corpus/<t>. A crash leaves its input in build/fuzz/artifacts/<t>/ and
# makes the script fail once every target has run: fix the bug, copy the
# input into Fuzz/Regressions/<t>/ (replayed by `swift test`).
# FUZZ_TARGETS="elf gdb" runs some targets only.
set -u
cd "$(dirname "$0")"
# Swift's own crash backtracer, under ASan, trips over its memory reader
# and can hang: libFuzzer reports the crash itself.
export SWIFT_BACKTRACE=enable=no
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"elf semihosting gdb console"}
OUT=../build/fuzz
# The semihosting target's host files (SemihostingFuzzEntry.makeRoot).
export TMPDIR="$PWD/$OUT/tmp"
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"
swift build -c debug -j 1 -Xswiftc -O -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library || exit 2
BIN=$(swift build -c debug -Xswiftc -O -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)
declare -A NAME=([elf]=ELFFuzz [semihosting]=SemihostingFuzz [gdb]=GDBFuzz [console]=ConsoleFuzz)
declare -A MAXLEN=([elf]=24576 [semihosting]=4096 [gdb]=4096 [console]=2048)
status=0
for t in $TARGETS; do
  mkdir -p "$OUT/$t" "$OUT/artifacts/$t" "Regressions/$t"
  dict=()
  [ -f "$t.dict" ] && dict=(-dict="$t.dict")
  echo "== fuzz $t for ${SECONDS_EACH}s"
  "$BIN/${NAME[$t]}" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len="${MAXLEN[$t]}" \
      -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t/" "${dict[@]}" \
      "$OUT/$t" "Corpus/$t" "Regressions/$t" 2>&1 | grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|stat::|ERROR|SUMMARY|Test unit written|Fatal error|^==" 
  rc=${PIPESTATUS[0]}
  if [ "$rc" != 0 ]; then echo "== $t: libFuzzer exited $rc (see $OUT/artifacts/$t/)"; status=1; fi
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    rm -rf "Corpus/$t.new" && mkdir -p "Corpus/$t.new"
    # A set cover over edges (not hit counts): the fewest files that keep
    # every edge, so the corpus stays small (about 100 files a target).
    "$BIN/${NAME[$t]}" -set_cover_merge=1 -use_counters=0 -timeout=10 -max_len="${MAXLEN[$t]}" "Corpus/$t.new" "Corpus/$t" "$OUT/$t" 2>&1 | grep -E "MERGE-OUTER: [0-9]+ new files"
    rm -rf "Corpus/$t" && mv "Corpus/$t.new" "Corpus/$t"
    echo "== $t: $(ls "Corpus/$t" | wc -l) files in Fuzz/Corpus/$t"
  fi
done
rm -rf "$TMPDIR"
exit $status
