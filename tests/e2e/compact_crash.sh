#!/usr/bin/env bash
# SIGKILL during `verbatim-index compact`: after each kill the index opens and holds exactly the
# statements (and ids) it held before, from the old generation or the new one, never a mix or a
# half-written database; the next compact completes, and a build after it finds nothing to do.
# Usage: compact_crash.sh BIN_DIR CORPUS
set -euo pipefail
bin=$1 corpus=$2
[ -d "$corpus" ] || { echo "skipped: no corpus at $corpus (the team folder is absent)"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
all_ids() {
  "$bin/verbatim-search" --index "$1" --format jsonl --no-collapse --limit 1000000 "" \
    | python3 -c 'import sys,json; print("\n".join(sorted(json.loads(l)["id"] for l in sys.stdin)))'
}
live() { sed -n 's/^auto //p' "$work/index/XAPIANDB" | tr '\n' ' '; }

"$bin/verbatim-index" build -q --shards 2 --index "$work/index" "$corpus" || [ $? -eq 1 ]
all_ids "$work/index" > "$work/ids.before"
count=$(wc -l < "$work/ids.before")
echo "a 2-shard index of $count statements: $(live)"
[ "$count" -gt 0 ] || { echo "FAIL: nothing indexed"; exit 1; }

old=0 new=0
for delay in 0.02 0.1 0.25 0.5 0.8 1.2 1.8; do
  before=$(live)
  "$bin/verbatim-index" compact -q --index "$work/index" &
  pid=$!
  sleep "$delay"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  after=$(live)
  if [ "$after" = "$before" ]; then old=$((old + 1)); state="the old index"; else new=$((new + 1)); state="a new one ($after)"; fi
  all_ids "$work/index" > "$work/ids.now"
  if ! cmp -s "$work/ids.before" "$work/ids.now"; then
    echo "FAIL: killed after ${delay}s, the index holds $(wc -l < "$work/ids.now") statements, not the $count of before"
    diff "$work/ids.before" "$work/ids.now" | head -5
    exit 1
  fi
  echo "killed after ${delay}s: $state, all $count statements"
done
"$bin/verbatim-index" compact -q --index "$work/index"
all_ids "$work/index" | cmp -s - "$work/ids.before" || { echo "FAIL: the completed compaction changed the statements"; exit 1; }
generations=$(find "$work/index" -maxdepth 1 -name 'gen-*' | wc -l)
[ "$generations" -eq 1 ] || { echo "FAIL: $generations generations left after a completed compaction"; exit 1; }
out=$("$bin/verbatim-index" build --index "$work/index" "$corpus" 2>&1) || [ $? -eq 1 ]
echo "$out" | grep -q "nothing to index" || { echo "FAIL: a build after the compaction read files again: $out"; exit 1; }
echo "compact crash safety: $old kill(s) left the old index, $new the new one; every time all $count statements"
