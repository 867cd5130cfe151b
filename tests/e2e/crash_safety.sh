#!/usr/bin/env bash
# SIGKILL in the middle of a build: the index still opens and holds the last committed batch;
# running the same command again completes it, and the result equals a clean build (the same
# statement count and the same ids). Usage: crash_safety.sh BIN_DIR CORPUS [BUILD OPTIONS…]
# (e.g. --shards 2 for a kill during a shard build)
set -euo pipefail
bin=$1 corpus=$2
shift 2
extra=("$@")
[ -d "$corpus" ] || { echo "skipped: no corpus at $corpus (the team folder is absent)"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
all_ids() {
  "$bin/verbatim-search" --index "$1" --format jsonl --no-collapse --limit 1000000 "" \
    | python3 -c 'import sys,json; print("\n".join(sorted(json.loads(l)["id"] for l in sys.stdin)))'
}

echo "clean build of $corpus"
"$bin/verbatim-index" build -q --batch 500 "${extra[@]}" --index "$work/clean" "$corpus" || [ $? -eq 1 ]
clean=$("$bin/verbatim-search" --index "$work/clean" --count "")

echo "build killed with SIGKILL after a few commits"
"$bin/verbatim-index" build -q --batch 500 "${extra[@]}" --index "$work/crashed" "$corpus" &
pid=$!
for _ in $(seq 200); do  # until something is committed, then a little more
  { [ -f "$work/crashed/iamglass" ] || [ -f "$work/crashed/XAPIANDB" ]; } && "$bin/verbatim-search" --index "$work/crashed" --count "" >/dev/null 2>&1 && break
  sleep 0.1
done
sleep 2
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
partial=$("$bin/verbatim-search" --index "$work/crashed" --count "")
echo "after the kill the index opens and holds $partial of $clean statements"
[ "$partial" -gt 0 ] || { echo "FAIL: nothing committed before the kill"; exit 1; }
[ "$partial" -lt "$clean" ] || echo "note: the build had finished before the kill; the test proves less"

echo "the same command again"
"$bin/verbatim-index" build -q --batch 500 "${extra[@]}" --index "$work/crashed" "$corpus" || [ $? -eq 1 ]
resumed=$("$bin/verbatim-search" --index "$work/crashed" --count "")
[ "$resumed" -eq "$clean" ] || { echo "FAIL: $resumed statements after the rerun, $clean in a clean build"; exit 1; }
if ! diff <(all_ids "$work/clean") <(all_ids "$work/crashed") > "$work/ids.diff"; then
  echo "FAIL: the statement ids differ from a clean build:"; head "$work/ids.diff"; exit 1
fi
echo "crash safety: killed at $partial, resumed to $resumed statements with the same ids as a clean build"
