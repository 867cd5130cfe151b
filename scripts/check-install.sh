#!/usr/bin/env bash
# Checks installation and packaging end to end:
#   1. configure and build (reusing build/ when it is there)
#   2. cmake --install into a temporary prefix; the expected files are there
#   3. examples/consumer builds against it with find_package(Verbatim) and names the speaker
#   4. the installed verbatim-index extracts with the installed gazetteer (no --data, no $VERBATIM_DATA)
#   5. the bash completions load and complete
#   6. cpack -G DEB builds the package; its contents run from an unpacked copy
# Exits non-zero at the first failure. Needs (Debian): cmake, g++, the build's -dev packages;
# help2man for the man pages and dpkg-dev (dpkg-shlibdeps) for the package's Depends.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${BUILD_DIR:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
failures=0
passes=0

check() { echo "check: $*"; }
ok() { echo "  ok: $*"; passes=$((passes + 1)); }
fail() { echo "  FAILED: $*" >&2; failures=$((failures + 1)); }
die() { echo "FAILED: $*" >&2; echo "check-install: $passes passed, $((failures + 1)) failed"; exit 1; }

check "configure and build ($build/)"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; die "cmake configure"; }
else
  cmake "$build" >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; die "cmake re-configure"; }
fi
cmake --build "$build" -j2 >"$tmp/build.log" 2>&1 || { tail -50 "$tmp/build.log"; die "cmake --build"; }
ok "built"

check "cmake --install $build --prefix <tmp>/prefix"
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; die "cmake --install"; }
have_help2man=$(grep -q '^HELP2MAN_EXECUTABLE:FILEPATH=/' "$build/CMakeCache.txt" && echo yes || echo no)
expected=(
  bin/verbatim-index bin/verbatim-search
  include/verbatim/statement.hpp include/verbatim/attribute/attributor.hpp include/verbatim/segment/segments.hpp
  share/verbatim/gazetteer/regions.tsv share/verbatim/gazetteer/countries.tsv share/verbatim/gazetteer/README.md
  share/bash-completion/completions/verbatim-index share/bash-completion/completions/verbatim-search
)
for f in corpus/gazetteer/*.tsv; do expected+=("share/verbatim/gazetteer/$(basename "$f")"); done
for f in web/*; do [ -f "$f" ] && expected+=("share/verbatim/web/$(basename "$f")"); done
if [ "$have_help2man" = yes ]; then
  expected+=(share/man/man1/verbatim-index.1 share/man/man1/verbatim-search.1)
else
  echo "  note: help2man is not installed (Debian: help2man): man pages not built, not checked"
fi
for f in "${expected[@]}"; do
  [ -e "$prefix/$f" ] || fail "missing $f"
done
config=$(find "$prefix" -name VerbatimConfig.cmake | head -1)
[ -n "$config" ] || fail "missing lib*/cmake/Verbatim/VerbatimConfig.cmake"
[ -n "$(find "$prefix" -name VerbatimConfigVersion.cmake)" ] || fail "missing VerbatimConfigVersion.cmake"
[ -n "$(find "$prefix" -name 'libverbatim_core.*')" ] || fail "missing libverbatim_core"
if grep -rq "$root" "$(dirname "${config:-/nonexistent}")"/*.cmake 2>/dev/null; then
  fail "the installed CMake package names the source tree ($root)"
fi
[ "$failures" -eq 0 ] && ok "${#expected[@]} files and the CMake package in place"
if [ "$have_help2man" = yes ]; then
  check "man pages list the options"
  grep -q 'csv\\-column' "$prefix/share/man/man1/verbatim-index.1" && grep -q 'verify' "$prefix/share/man/man1/verbatim-search.1" \
    && ok "verbatim-index.1 and verbatim-search.1" || fail "man pages lack the options"
fi

check "examples/consumer: find_package(Verbatim) and Verbatim::verbatim against the installed tree"
cmake -S examples/consumer -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
  >"$tmp/consumer.log" 2>&1 || { cat "$tmp/consumer.log"; die "configuring examples/consumer"; }
cmake --build "$tmp/consumer" -j2 >>"$tmp/consumer.log" 2>&1 || { cat "$tmp/consumer.log"; die "building examples/consumer"; }
if grep -q "$root/shared/include" "$tmp/consumer/compile_commands.json" 2>/dev/null \
   || grep -rqs -- "-I$root/shared" "$tmp/consumer/CMakeFiles"; then
  fail "the consumer compiled against the source tree's headers"
fi
out=$(env -u VERBATIM_DATA "$tmp/consumer/verbatim-consumer") || { echo "$out"; die "verbatim-consumer exited non-zero"; }
echo "$out" | sed 's/^/    /'
echo "$out" | grep -qx "speaker: Irina Kovrova" || fail "the consumer did not name the speaker Irina Kovrova"
echo "$out" | grep -qx "data: $prefix/share/verbatim" || fail "the consumer did not use the installed gazetteer"
ok "consumer built and attributed the paragraph"

check "installed verbatim-index extract with the installed gazetteer (no --data, no \$VERBATIM_DATA)"
sample=corpus/sample/press/01-forum-regions-speakers.txt
real_prefix=$(cd "$prefix" && pwd -P)
if env -u VERBATIM_DATA "$prefix/bin/verbatim-index" extract -v "$sample" >"$tmp/extract.jsonl" 2>"$tmp/extract.log"; then
  lines=$(wc -l <"$tmp/extract.jsonl")
  if [ "$lines" -gt 0 ] && grep -q '"speaker":"Margarita Zimina"' "$tmp/extract.jsonl"; then
    ok "$lines statements, Margarita Zimina among the speakers"
  else
    fail "extract printed $lines statements, none by Margarita Zimina"
  fi
  grep -q "gazetteer from $real_prefix/share/verbatim" "$tmp/extract.log" \
    && ok "gazetteer read from <prefix>/share/verbatim" \
    || { cat "$tmp/extract.log"; fail "the gazetteer was not read from the installed share/verbatim"; }
else
  cat "$tmp/extract.log"; fail "installed verbatim-index extract exited non-zero"
fi
for program in verbatim-index verbatim-search; do
  version=$("$prefix/bin/$program" --version 2>&1) || true
  [[ $version == "$program "* ]] && ok "$program --version: $version" || fail "$program --version printed '$version'"
done

check "bash completion"
completion_out=$(bash --norc --noprofile -c '
  source "$1/share/bash-completion/completions/verbatim-index"
  source "$1/share/bash-completion/completions/verbatim-search"
  run() { local f=$1; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); $f; echo "${COMPREPLY[*]}"; }
  run _verbatim_index verbatim-index ""
  run _verbatim_index verbatim-index build --in
  run _verbatim_search verbatim-search --format ""
  run _verbatim_search verbatim-search --sort ""
  run _verbatim_search verbatim-search --kind q
' _ "$prefix" 2>&1) || true
expected_completion=$'extract build compact\n--index\ntext jsonl csv\nrelevance date -date\nquote'
if [ "$completion_out" = "$expected_completion" ]; then
  ok "subcommands, options and --format/--sort/--kind values"
else
  printf '%s\n' "$completion_out"; fail "completion gave other words"
fi

check "cpack -G DEB"
if ! command -v cpack >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "  skipped: cpack or dpkg-deb is missing (Debian: cmake, dpkg)"
else
  (cd "$build" && cpack -G DEB -B "$tmp/package") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; die "cpack -G DEB"; }
  deb=$(find "$tmp/package" -maxdepth 1 -name 'verbatim_*.deb' | head -1)
  [ -n "$deb" ] || die "no verbatim_*.deb in cpack's output"
  echo "  package: $(basename "$deb")"
  dpkg-deb -f "$deb" Package Version Architecture Depends | sed 's/^/    /'
  [ "$(dpkg-deb -f "$deb" Package)" = verbatim ] || fail "the package is not named verbatim"
  depends=$(dpkg-deb -f "$deb" Depends)
  for lib in libxapian libicu libgumbo libcsv libspdlog libboost-program-options; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib"
  done
  dpkg-deb -c "$deb" >"$tmp/contents.txt"
  deb_expected=(usr/bin/verbatim-index usr/bin/verbatim-search usr/share/verbatim/gazetteer/regions.tsv
                usr/share/bash-completion/completions/verbatim-index usr/include/verbatim/statement.hpp
                cmake/Verbatim/VerbatimConfig.cmake)
  [ "$have_help2man" = yes ] && deb_expected+=(usr/share/man/man1/verbatim-index.1 usr/share/man/man1/verbatim-search.1)
  for f in "${deb_expected[@]}"; do
    grep -q -- "$f\$" "$tmp/contents.txt" || fail "the package lacks $f"
  done
  mkdir "$tmp/unpacked" && dpkg-deb -x "$deb" "$tmp/unpacked"
  env -u VERBATIM_DATA "$tmp/unpacked/usr/bin/verbatim-index" extract -q "$sample" >"$tmp/unpacked.jsonl" 2>&1 || true
  grep -q '"speaker":"Margarita Zimina"' "$tmp/unpacked.jsonl" \
    && ok "the packaged verbatim-index extracts with the packaged gazetteer" \
    || fail "the packaged verbatim-index did not extract"
fi

echo "check-install: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
