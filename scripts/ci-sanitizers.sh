#!/usr/bin/env bash
# CI after the README's test command (.ci/run): the whole test suite built with
# AddressSanitizer and UndefinedBehaviorSanitizer, then every libFuzzer target for a bounded
# time from its seed corpus and its regression inputs (scripts/fuzz.sh). Any finding fails the
# run: a sanitizer report ends the program with status 86 and fails its test; a fuzzer crash,
# leak, hang or out-of-memory fails fuzz.sh. The time of each step is printed at the end.
#
#   scripts/ci-sanitizers.sh [FUZZ_SECONDS]        (default 45 s per fuzz target)
#
# Environment: ASAN_BUILD_DIR (default build-asan), FUZZ_BUILD_DIR (default build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds=${1:-45}
asan_build=${ASAN_BUILD_DIR:-build-asan}
export FUZZ_BUILD_DIR=${FUZZ_BUILD_DIR:-$PWD/build-fuzz}

# clang and the libFuzzer runtime, from Debian's packages (the sanitizer build uses g++).
if ! [[ -f $(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null) ]]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends clang libclang-rt-14-dev
fi

times=()
step() {
  local name=$1
  shift
  echo "=== ci-sanitizers: $name"
  local started=$SECONDS
  "$@"
  times+=("$(printf '%-34s %4d s' "$name" $((SECONDS - started)))")
}

step "sanitizer build (ASan+UBSan, g++)" \
  sh -c "cmake -S . -B '$asan_build' -DVERBATIM_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null \
         && cmake --build '$asan_build' -j2"
step "sanitizer test suite (ctest)" ctest --test-dir "$asan_build" --output-on-failure -j2
step "fuzz build and ${fuzz_seconds} s per target" scripts/fuzz.sh "$fuzz_seconds"

echo "=== ci-sanitizers: times"
printf '  %s\n' "${times[@]}"
