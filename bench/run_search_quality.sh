#!/usr/bin/env bash
# Search quality of Verbatim against a plain BM25 baseline (SQLite FTS5 over paragraphs), on the
# team's known-item queries. See bench/README.md.
#
#   bench/run_search_quality.sh [WORK_DIR]
#
# Builds both indexes on the same corpus (the seed, corpus-real and the attribution dev
# documents of the team folder) in WORK_DIR (default: a temporary folder, removed at the end),
# scores both with the team's score_search.py on dev-seed.tsv and dev-real.tsv, and prints a
# Markdown table on stdout. Progress, the score lines and the missed queries go to stderr.
#
# Needs: a built tree (cmake -S . -B build && cmake --build build -j2), python3 with sqlite3.
# Environment: VERBATIM_SHARED_DIR  the team folder (default: <project root>/../shared)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${VERBATIM_SHARED_DIR:-$ROOT/../shared}"
BIN="$ROOT/build/bin"
BASELINE="$ROOT/bench/fts5_baseline.py"
SCORE="$SHARED/eval/score_search.py"
CORPUS=("$SHARED/seeds" "$SHARED/corpus-real" "$SHARED/eval/attribution/dev")
QUERY_SETS=(dev-seed dev-real)

log() { printf '%s\n' "$*" >&2; }
die() { log "run_search_quality: $*"; exit 2; }

[ "$#" -le 1 ] || die "usage: $0 [WORK_DIR]"
for f in "$BIN/verbatim-index" "$BIN/verbatim-search"; do
  [ -x "$f" ] || die "$f not found; build first: cmake -S . -B build && cmake --build build -j2"
done
[ -f "$SCORE" ] || die "$SCORE not found; set VERBATIM_SHARED_DIR to the team folder"
for p in "${CORPUS[@]}"; do [ -e "$p" ] || die "$p not found"; done
for s in "${QUERY_SETS[@]}"; do [ -f "$SHARED/eval/search/$s.tsv" ] || die "$SHARED/eval/search/$s.tsv not found"; done
command -v python3 >/dev/null || die "python3 not found"

if [ "$#" -eq 1 ]; then
  WORK="$1"
  mkdir -p "$WORK"
  WORK="$(cd "$WORK" && pwd)"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/verbatim-bench.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi
VX_INDEX="$WORK/verbatim-index"
FTS_DB="$WORK/fts5-baseline.sqlite"
log "work folder: $WORK"
log "team folder: $SHARED"

# Use a copy of the two programs (they link only system libraries), so that a rebuild of
# build/ while this runs cannot index with one build and search with another.
mkdir -p "$WORK/bin"
cp "$BIN/verbatim-index" "$BIN/verbatim-search" "$WORK/bin/"
log "Verbatim: $("$WORK/bin/verbatim-search" --version), binaries of $(date -u -r "$BIN/verbatim-search" '+%Y-%m-%d %H:%M UTC')"
BIN="$WORK/bin"

# (a) Both indexes on the same corpus.
log "building the Verbatim index (about a minute on 2 cores) ..."
rm -rf "$VX_INDEX"
t0=$SECONDS
rc=0
"$BIN/verbatim-index" build -q --data "$ROOT/corpus" --index "$VX_INDEX" "${CORPUS[@]}" || rc=$?
# Exit status 1 = some input had problems (reported, rest indexed), as in the test suite.
[ "$rc" -le 1 ] || die "verbatim-index build failed with exit status $rc"
[ -d "$VX_INDEX" ] || die "no index at $VX_INDEX"
log "  Verbatim index built in $((SECONDS - t0)) s (exit status $rc)"

log "building the FTS5 baseline ..."
t0=$SECONDS
python3 "$BASELINE" index "$FTS_DB" "${CORPUS[@]}"
log "  FTS5 baseline built in $((SECONDS - t0)) s"

# (b) The same yardstick, the same queries, both engines, one after the other (not in
# parallel, so that the query times do not compete for the cores).
declare -A CMD=(
  [Verbatim]="'$BIN/verbatim-search' --index '$VX_INDEX' --format jsonl --limit 10"
  [FTS5-BM25]="python3 '$BASELINE' search --limit 10 '$FTS_DB'"
)
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
for set in "${QUERY_SETS[@]}"; do
  for engine in Verbatim FTS5-BM25; do
    log "scoring $engine on $set ..."
    out="$WORK/score-$set-$engine.txt"
    python3 "$SCORE" "$SHARED/eval/search/$set.tsv" --search-cmd "${CMD[$engine]}" --show-misses >"$out" \
      || die "score_search.py failed for $engine on $set (see $out)"
    sed 's/^/  /' "$out" >&2
    printf '%s\t%s\t%s\n' "$set" "$engine" "$(grep '^queries ' "$out")" >>"$RESULTS"
  done
done

# (c) The table.
python3 - "$RESULTS" <<'EOF'
import re, sys
pat = re.compile(r"queries (\d+)\s+R@1 ([\d.]+)%\s+R@5 ([\d.]+)%\s+R@10 ([\d.]+)%\s+MRR ([\d.]+)\s+median query process ([\d.]+) ms")
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    qset, engine, summary = line.rstrip("\n").split("\t")
    m = pat.search(summary)
    if not m:
        sys.exit("cannot read score_search output: " + summary)
    n, r1, r5, r10, mrr, ms = m.groups()
    rows.append((qset, engine, int(n), float(r1), float(r5), float(r10), float(mrr), float(ms)))

def ratio(a, b):
    return "%.2f×" % (a / b) if b else ("—" if not a else "∞ (baseline 0)")

print("| corpus set | engine | R@1 | R@5 | R@10 | MRR | median query time | Verbatim ÷ baseline: R@1 / MRR |")
print("|---|---|---:|---:|---:|---:|---:|---|")
base = {r[0]: r for r in rows if r[1] != "Verbatim"}
for qset, engine, n, r1, r5, r10, mrr, ms in rows:
    b = base[qset]
    rel = "%s / %s" % (ratio(r1, b[3]), ratio(mrr, b[6])) if engine == "Verbatim" else "(baseline)"
    print("| %s (%d queries) | %s | %.1f%% | %.1f%% | %.1f%% | %.3f | %.1f ms | %s |" % (
        qset, n, engine, r1, r5, r10, mrr, ms, rel))
EOF
