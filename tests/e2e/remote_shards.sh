#!/usr/bin/env bash
# Two shard servers (xapian-tcpsrv) on 127.0.0.1 answer like one local index: the same hits,
# counts and facets. Usage: remote_shards.sh BIN_DIR CORPUS
set -euo pipefail
bin=$1 corpus=$2
command -v xapian-tcpsrv >/dev/null || { echo "skipped: xapian-tcpsrv (xapian-tools) is not installed"; exit 0; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
"$bin/verbatim-index" build -q --index "$work/one" "$corpus"
"$bin/verbatim-index" build -q --shards 2 --index "$work/two" "$corpus"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
: > "$work/remote.stub"
# The shard databases are the ones the index's stub lists (DIR/gen-N/shard-K).
for shard in $(sed -n 's/^auto //p' "$work/two/XAPIANDB"); do
  port=$(free_port)
  timeout 120 xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$work/two/$shard" &
  pids+=($!)
  echo "remote 127.0.0.1:$port" >> "$work/remote.stub"
done
for _ in $(seq 50); do
  timeout 5 "$bin/verbatim-search" --index "$work/remote.stub" --count governor >/dev/null 2>&1 && break
  sleep 0.2
done
answers() {
  for q in governor "border crossing" speaker:drozdova "kind:quote region" '"the region"'; do
    timeout 20 "$bin/verbatim-search" --index "$1" --format jsonl --limit 20 "$q" | python3 -c 'import sys,json; print(" ".join(json.loads(l)["id"] for l in sys.stdin))'
    timeout 20 "$bin/verbatim-search" --index "$1" --count "$q"
    timeout 20 "$bin/verbatim-search" --index "$1" --format jsonl --limit 0 --facets speaker,kind,year "$q"
  done
}
answers "$work/one" > "$work/local.txt"
answers "$work/remote.stub" > "$work/remote.txt"
if diff "$work/local.txt" "$work/remote.txt"; then
  echo "remote shards answer like one index: $(wc -l < "$work/local.txt") lines of hits, counts and facets equal"
else
  echo "remote shards differ from the local index"; exit 1
fi
