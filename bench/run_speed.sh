#!/usr/bin/env bash
# Speed of Verbatim side by side with plain Xapian (the library floor), Lucene++ and SQLite FTS5,
# on the same JSON Lines and the same queries. See bench/README.md, section "Speed".
#
#   bench/run_speed.sh [100k|1m] [WORK_DIR]
#
# 1. builds verbatim-index/verbatim-search (incrementally, in build/) and the peers
#    bench-plain-xapian and bench-lucene (bench/CMakeLists.txt, configured on its own in
#    WORK_DIR/build-bench);
# 2. makes the query set from the corpus (bench/make_queries.py: 7 kinds x 40 queries);
# 3. for each engine, one after the other: builds the index (wall time and peak RSS with
#    /usr/bin/time), measures its size (du -sb; for the two Xapian indexes also after
#    xapian-compact), runs the queries once to warm up and once timed;
# 4. prints one Markdown table on stdout: index time, statements/s, size, peak RSS, query
#    p50/p95/p99 overall and per kind, the ratios of Verbatim to each peer, and a cross-check of
#    hit counts and top-10 sets between the engines.
# Progress goes to stderr. No timing is asserted: the script fails only when something breaks.
#
# WORK_DIR (default: a temporary folder, removed at the end) keeps the indexes, the queries,
# every engine's result lines (results-*.tsv), the times (runs.tsv) and the table (table.md).
#
# Needs: cmake and a C++20 compiler, the project's dependencies (scripts/install-deps.sh),
# python3 (with sqlite3 and FTS5), GNU time (/usr/bin/time), xapian-compact (xapian-tools);
# liblucene++-dev for the Lucene++ column (left out when it is missing).
# Environment: VERBATIM_SHARED_DIR     the team folder with corpus-bench/ (default <root>/../shared)
#              VERBATIM_BENCH_CORPUS   a JSON Lines file to use instead of corpus-bench/statements-SIZE
#              VERBATIM_BENCH_NO_BUILD=1  use build/bin as it is (do not run cmake --build)
#              VERBATIM_BENCH_PER_KIND queries per kind (default 40)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
SHARED="${VERBATIM_SHARED_DIR:-$ROOT/../shared}"
PER_KIND="${VERBATIM_BENCH_PER_KIND:-40}"
JOBS="$(nproc 2>/dev/null || echo 2)"

log() { printf '%s\n' "$*" >&2; }
die() { log "run_speed: $*"; exit 2; }

[ "$#" -le 2 ] || die "usage: $0 [100k|1m] [WORK_DIR]"
SIZE="${1:-100k}"
case "$SIZE" in 100k | 1m) ;; *) die "size must be 100k or 1m, not '$SIZE'" ;; esac
CORPUS="${VERBATIM_BENCH_CORPUS:-$SHARED/corpus-bench/statements-$SIZE.jsonl.gz}"
[ -f "$CORPUS" ] || die "$CORPUS not found; set VERBATIM_SHARED_DIR to the team folder"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) not found: apt-get install time"
command -v python3 >/dev/null || die "python3 not found"
command -v cmake >/dev/null || die "cmake not found"

if [ "$#" -eq 2 ]; then
  WORK="$2"
  mkdir -p "$WORK"
  WORK="$(cd "$WORK" && pwd)"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/verbatim-speed.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi
log "work folder: $WORK"
log "corpus: $CORPUS"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- 1. The programs -------------------------------------------------------------------------
if [ -z "${VERBATIM_BENCH_NO_BUILD:-}" ]; then
  log "building verbatim-index and verbatim-search (build/) ..."
  [ -f "$ROOT/build/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$ROOT/build" >&2
  cmake --build "$ROOT/build" -j"$JOBS" --target verbatim-index verbatim-search >&2
fi
for f in verbatim-index verbatim-search; do
  [ -x "$ROOT/build/bin/$f" ] || die "$ROOT/build/bin/$f not found; build first: cmake -S . -B build && cmake --build build -j2"
done
# A copy, so that a rebuild of build/ while this runs cannot index with one build and search with another.
mkdir -p "$WORK/bin"
cp "$ROOT/build/bin/verbatim-index" "$ROOT/build/bin/verbatim-search" "$WORK/bin/"
VX_VERSION="$("$WORK/bin/verbatim-search" --version)"
log "Verbatim: $VX_VERSION, binaries of $(date -u -r "$ROOT/build/bin/verbatim-search" '+%Y-%m-%d %H:%M UTC')"

log "building the peers (bench/CMakeLists.txt) ..."
cmake -S "$BENCH" -B "$WORK/build-bench" -DCMAKE_BUILD_TYPE=Release >"$WORK/build-bench.log" 2>&1 \
  || { cat "$WORK/build-bench.log" >&2; die "configuring bench/ failed"; }
cmake --build "$WORK/build-bench" -j"$JOBS" >>"$WORK/build-bench.log" 2>&1 \
  || { cat "$WORK/build-bench.log" >&2; die "building bench/ failed"; }
PEER_BIN="$WORK/build-bench/bin"
ENGINES=(verbatim plain-xapian)
if [ -x "$PEER_BIN/bench-lucene" ]; then
  ENGINES+=(lucene)
else
  log "  Lucene++ not found (apt-get install liblucene++-dev): its column is left out"
fi
ENGINES+=(fts5)

# --- 2. The queries --------------------------------------------------------------------------
log "making the query set ($PER_KIND per kind) ..."
python3 "$BENCH/make_queries.py" --per-kind "$PER_KIND" "$CORPUS" >"$WORK/queries.tsv"
python3 "$BENCH/speed_report.py" verbatim-queries "$WORK/queries.tsv" >"$WORK/verbatim-queries.txt"
python3 "$BENCH/speed_report.py" verbatim-queries --typed "$WORK/queries.tsv" >"$WORK/verbatim-typed-queries.txt"
log "  $(grep -vc '^#' "$WORK/queries.tsv") queries"

RUNS="$WORK/runs.tsv"
printf '# engine\tkey\tvalue\n' >"$RUNS"
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RUNS"; }
# timed NAME CMD...: runs CMD under GNU time; leaves "seconds max_rss_kb" in $WORK/time-NAME.txt.
# The command's exit status is returned.
timed() {
  local name="$1"
  shift
  /usr/bin/time -f '%e %M' -o "$WORK/time-$name.txt" "$@"
}
time_field() { awk -v f="$2" 'END { print $f }' "$WORK/time-$1.txt"; }
size_of() { du -sb "$1" | cut -f1; }
compacted_size() {
  if command -v xapian-compact >/dev/null; then
    rm -rf "$1.compact"
    xapian-compact "$1" "$1.compact" >/dev/null
    size_of "$1.compact"
    rm -rf "$1.compact"
  else
    echo ""
  fi
}

# --- 3. Index and search, one engine after the other ------------------------------------------
index_engine() {
  local engine="$1" rc=0
  case "$engine" in
    verbatim)
      rm -rf "$WORK/idx-verbatim"
      timed "index-$engine" "$WORK/bin/verbatim-index" build -q --data "$ROOT/corpus" --index "$WORK/idx-verbatim" "$CORPUS" || rc=$?
      # Exit status 1: some input lines had problems (reported on stderr), the rest is indexed.
      [ "$rc" -le 1 ] || die "verbatim-index build failed with exit status $rc"
      [ "$rc" -eq 0 ] || log "  verbatim-index: some input had problems (exit status 1)"
      ;;
    plain-xapian) timed "index-$engine" "$PEER_BIN/bench-plain-xapian" index "$WORK/idx-plain-xapian" "$CORPUS" ;;
    lucene) rm -rf "$WORK/idx-lucene"; timed "index-$engine" "$PEER_BIN/bench-lucene" index "$WORK/idx-lucene" "$CORPUS" ;;
    fts5) timed "index-$engine" python3 "$BENCH/fts5_speed.py" index "$WORK/idx-fts5.sqlite" "$CORPUS" ;;
  esac
}

index_path() { case "$1" in fts5) echo "$WORK/idx-fts5.sqlite" ;; *) echo "$WORK/idx-$1" ;; esac; }

# search_engine ENGINE OUT: warm-up pass, then the timed pass; result lines in OUT.
search_engine() {
  local engine="$1" out="$2" rc=0
  case "$engine" in
    verbatim | verbatim-typed)
      local q="$WORK/verbatim-queries.txt"
      [ "$engine" = verbatim ] || q="$WORK/verbatim-typed-queries.txt"
      local vs=("$WORK/bin/verbatim-search" -q --index "$WORK/idx-verbatim" --format jsonl --limit 10 --batch)
      # Exit status 1 = no query matched anything; a real error is 2.
      "${vs[@]}" --count <"$q" >"$WORK/$engine-counts.jsonl" || rc=$?
      [ "$rc" -le 1 ] || die "verbatim-search --count failed with exit status $rc"
      "${vs[@]}" <"$q" >/dev/null || rc=$?
      [ "$rc" -le 1 ] || die "verbatim-search failed with exit status $rc"
      timed "search-$engine" "${vs[@]}" <"$q" >"$WORK/$engine-timed.jsonl" || rc=$?
      [ "$rc" -le 1 ] || die "verbatim-search failed with exit status $rc"
      python3 "$BENCH/speed_report.py" verbatim-results "$WORK/queries.tsv" "$q" \
        "$WORK/$engine-timed.jsonl" "$WORK/$engine-counts.jsonl" >"$out"
      ;;
    plain-xapian | lucene)
      local bin="$PEER_BIN/bench-$engine"
      "$bin" search "$(index_path "$engine")" <"$WORK/queries.tsv" >/dev/null
      timed "search-$engine" "$bin" search "$(index_path "$engine")" <"$WORK/queries.tsv" >"$out"
      ;;
    fts5)
      python3 "$BENCH/fts5_speed.py" search "$(index_path fts5)" <"$WORK/queries.tsv" >/dev/null
      timed "search-$engine" python3 "$BENCH/fts5_speed.py" search "$(index_path fts5)" <"$WORK/queries.tsv" >"$out"
      ;;
  esac
}

for engine in "${ENGINES[@]}"; do
  log "$engine: indexing ..."
  record "$engine" load_before "$(cut -d' ' -f1 /proc/loadavg)"
  index_engine "$engine"
  record "$engine" load_after "$(cut -d' ' -f1 /proc/loadavg)"
  record "$engine" index_s "$(time_field "index-$engine" 1)"
  record "$engine" index_rss_kb "$(time_field "index-$engine" 2)"
  record "$engine" size_bytes "$(size_of "$(index_path "$engine")")"
  case "$engine" in verbatim | plain-xapian) record "$engine" compact_bytes "$(compacted_size "$(index_path "$engine")")" ;; esac
  log "  $(time_field "index-$engine" 1) s, peak RSS $(time_field "index-$engine" 2) KB, $(size_of "$(index_path "$engine")") bytes"
  log "$engine: searching ..."
  search_engine "$engine" "$WORK/results-$engine.tsv"
  record "$engine" search_rss_kb "$(time_field "search-$engine" 2)"
done
log "verbatim (words as typed): searching ..."
search_engine verbatim-typed "$WORK/results-verbatim-typed.tsv"
record verbatim-typed search_rss_kb "$(time_field search-verbatim-typed 2)"

# --- 4. The table ----------------------------------------------------------------------------
{
  printf '%s sample (%s statements, %s queries), %s; %s cores (%s), %s GB RAM; %s; load average %s at the start, %s at the end.\n\n' \
    "$SIZE" "$(grep -m1 -o 'corpus [0-9]* statements' "$WORK/queries.tsv" | grep -o '[0-9]*')" \
    "$(grep -vc '^#' "$WORK/queries.tsv")" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$JOBS" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
    "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "$VX_VERSION" \
    "$LOAD_START" "$(cut -d' ' -f1-3 /proc/loadavg)"
  python3 "$BENCH/speed_report.py" table "$WORK"
} >"$WORK/table.md"
cat "$WORK/table.md"
log "done: $WORK/table.md"
