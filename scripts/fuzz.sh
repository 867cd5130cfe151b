#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang in build-fuzz/ and runs each one for
# SECONDS from a copy of its seed corpus (tests/fuzz/corpus/<target>/) and of the inputs that
# once broke it (tests/fuzz/regressions/<target>-*), which run first; nothing is written into
# tests/. Exits non-zero when any target crashes, leaks, hangs or runs out of memory, and prints
# the input that did it.
#
#   scripts/fuzz.sh SECONDS [TARGET...]        e.g. scripts/fuzz.sh 60
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_OUT (findings; default
# $FUZZ_BUILD_DIR/fuzz-findings), FUZZ_TIMEOUT (seconds one input may take; default 25),
# FUZZ_RSS_MB (memory limit; default 2048).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh SECONDS [TARGET...]" >&2
  exit 2
fi
seconds=$1
shift
all_targets=(fuzz_text_reader fuzz_jsonl_reader fuzz_csv_reader fuzz_html_reader fuzz_statements fuzz_query)
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
out=${FUZZ_OUT:-$build/fuzz-findings}
per_input=${FUZZ_TIMEOUT:-25}
rss_mb=${FUZZ_RSS_MB:-2048}

# clang and its libFuzzer runtime, from Debian's packages.
have_libfuzzer() {
  command -v clang++ >/dev/null 2>&1 &&
    [[ -n $(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null | grep /) ]] &&
    [[ -f $(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a) ]]
}
if ! have_libfuzzer; then
  echo "fuzz.sh: installing clang and libFuzzer (clang libclang-rt-dev)" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends clang libclang-rt-dev
fi

# Configure (the top-level CMakeLists.txt adds tests/fuzz when VERBATIM_FUZZ is on) and build.
mkdir -p "$build"
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DVERBATIM_FUZZ=ON -DVERBATIM_BUILD_TESTS=OFF >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; exit 2; }
cmake --build "$build" -j2 --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
for target in "${targets[@]}"; do
  seeds="$root/tests/fuzz/corpus/$target"
  corpus="$work/$target"
  mkdir -p "$corpus" "$out/$target"
  [[ -d $seeds ]] && cp -r "$seeds/." "$corpus/"
  for found in "$root/tests/fuzz/regressions/$target"-*; do
    [[ -f $found ]] && cp "$found" "$corpus/"
  done
  dict=()
  [[ -f $root/tests/fuzz/$target.dict ]] && dict=(-dict="$root/tests/fuzz/$target.dict")
  echo "=== $target: ${seconds}s from $(find "$corpus" -type f | wc -l) seed(s)"
  started=$(date +%s)
  status=0
  (cd "$work" && TMPDIR="$work" "$build/fuzz/$target" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout="$per_input" \
      -rss_limit_mb="$rss_mb" -artifact_prefix="$out/$target/" -print_final_stats=1 \
      >"$out/$target/log.txt" 2>&1) || status=$?
  tail -n 12 "$out/$target/log.txt" | grep -E '^(stat::number_of_executed_runs|stat::peak_rss_mb|#[0-9]+ *DONE)' || true
  echo "=== $target: exit $status after $(( $(date +%s) - started ))s; corpus now $(find "$corpus" -type f | wc -l) file(s)"
  if ((status != 0)); then
    failed+=("$target")
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant failed|.*runtime error:|ALARM|Test unit written)' "$out/$target/log.txt" | head -n 8 || true
    for f in "$out/$target"/crash-* "$out/$target"/timeout-* "$out/$target"/oom-* "$out/$target"/leak-*; do
      [[ -f $f ]] && echo "CRASH INPUT: $f  (reproduce: $build/fuzz/$target $f)"
    done
    echo "full log: $out/$target/log.txt"
  fi
done

if ((${#failed[@]})); then
  echo "fuzz.sh: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} target(s) ran ${seconds}s each without a crash"
