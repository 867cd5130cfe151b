#!/usr/bin/env bash
# Load on the HTTP API: wrk on 127.0.0.1 against verbatim-search --serve, while the index it
# serves is rebuilt and compacted (a new generation swapped in) in the middle of the run.
#
#   bench/load_test.sh [CORPUS] [SECONDS] [WORK_DIR]
#
# CORPUS    what to index (default ../shared/corpus-bench/statements-100k.jsonl.gz, else
#           corpus/sample); SECONDS the length of the wrk run (default 30); WORK_DIR keeps the
#           index, the queries and wrk's report (default: a temporary folder, removed).
# Environment: VERBATIM_BIN (default build/bin), LOAD_CONNECTIONS (default 16),
#              LOAD_THREADS (wrk threads, default 2), LOAD_SERVER_THREADS (default: the server's), LOAD_SERVER_ARGS (more options),
#              LOAD_SWAP=rebuild (default: build --force, then compact, each writing the index
#              under the server; compact swaps a new generation in) or compact (only that),
#              LOAD_NO_SWAP=1 (nothing written during the run), LOAD_RATE=N (offer N requests/s
#              in all, paced, instead of as many as the server answers), LOAD_INDEX_NICE=N (run
#              the indexer under nice -n N, as a rebuild beside a serving process should be).
#
# Prints one Markdown table row set: requests/s, latency p50/p90/p99/max, errors (socket errors
# and non-2xx answers), and whether the swap happened during the run. Exits 1 when a request
# failed or the new index went live only after the run: no timing is asserted (ctest runs a
# short smoke version on the sample corpus: http_load_during_swap).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${VERBATIM_BIN:-$root/build/bin}
corpus=${1:-}
seconds=${2:-30}
if [[ -z $corpus ]]; then
  corpus=$root/../shared/corpus-bench/statements-100k.jsonl.gz
  [[ -f $corpus ]] || corpus=$root/corpus/sample
fi
command -v wrk >/dev/null || { echo "load_test: wrk not found (apt-get install wrk)" >&2; exit 2; }
for p in verbatim-index verbatim-search; do [[ -x $bin/$p ]] || { echo "load_test: $bin/$p not built" >&2; exit 2; }; done
keep_work=""
if [[ $# -ge 3 ]]; then work=$3; keep_work=1; mkdir -p "$work"; else work=$(mktemp -d); fi
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n $keep_work ]] || rm -rf "$work"
}
trap cleanup EXIT
log() { printf 'load_test: %s\n' "$*" >&2; }

log "indexing $corpus"
rm -rf "$work/index"
"$bin/verbatim-index" build -q --no-progress --index "$work/index" "$corpus" || [[ $? -eq 1 ]]

# Queries: words of the corpus's statements (bench/make_queries.py for the JSON Lines corpora,
# a fixed list for the sample), URL-encoded, one request path a line.
if [[ $corpus == *.jsonl* ]]; then
  python3 "$root/bench/make_queries.py" --per-kind 40 "$corpus" >"$work/queries.tsv"
  python3 "$root/bench/speed_report.py" verbatim-queries --typed "$work/queries.tsv" >"$work/queries.txt"
else
  printf '%s\n' border governor "trade routes" "speaker:drozdova" "region:vitebsk water" '"the region"' forum \
    "grain terminal" "kind:quote winter" "date:2024..2025 broadband" >"$work/queries.txt"
fi
python3 - "$work/queries.txt" >"$work/paths.txt" <<'PY'
import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    q = line.rstrip("\n")
    if q:
        print("/api/search?limit=10&q=" + urllib.parse.quote(q))
PY
# LOAD_RATE paces the requests: each wrk thread sends its share on a fixed schedule (LuaJIT's
# ffi reads the monotonic clock), and a thread that falls behind sends at once until it has
# caught up. Unpaced, every connection sends its next request as soon as the answer is in.
cat >"$work/paths.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local n = 0
local rate = tonumber("${LOAD_RATE:-0}") / tonumber("${LOAD_THREADS:-2}")
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } vb_timespec;
int clock_gettime(int clk_id, vb_timespec *tp);
]]
local ts = ffi.new("vb_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end
local next_ms = nil
if rate > 0 then
  delay = function()
    local t = now_ms()
    if next_ms == nil or next_ms < t - 1000 then next_ms = t end
    local slot = next_ms
    next_ms = next_ms + 1000 / rate
    return math.max(0, math.floor(slot - t))
  end
end
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("LOAD requests=%d duration_us=%d errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
LUA

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$bin/verbatim-search" -q --serve --index "$work/index" --listen "127.0.0.1:$port" \
  ${LOAD_SERVER_THREADS:+--threads "$LOAD_SERVER_THREADS"} ${LOAD_SERVER_ARGS:-} 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { log "the server did not start"; cat "$work/server.log" >&2; exit 2; }
# Warm up: every query once.
wrk -t1 -c1 -d"$(( seconds < 10 ? 2 : 5 ))s" -s "$work/paths.lua" "http://127.0.0.1:$port" >/dev/null

swap=""
indexer=("$bin/verbatim-index")
[[ -n ${LOAD_INDEX_NICE:-} ]] && indexer=(nice -n "$LOAD_INDEX_NICE" "$bin/verbatim-index")
swap_mode=${LOAD_SWAP:-rebuild}
swap_label=$([[ $swap_mode == rebuild ]] && echo "rebuild + compact" || echo "compact")
if [[ -z ${LOAD_NO_SWAP:-} ]]; then
  (
    sleep "$(( seconds / 6 ))"
    started=$(date +%s.%N)
    if [[ $swap_mode == rebuild ]]; then
      "${indexer[@]}" build -q --no-progress --force --index "$work/index" "$corpus" || [[ $? -eq 1 ]]
    fi
    "${indexer[@]}" compact -q --no-progress --index "$work/index"
    printf '%s %s\n' "$started" "$(date +%s.%N)" >"$work/swap.txt"
  ) &
  swap=$!
fi
log "wrk: ${seconds}s, ${LOAD_CONNECTIONS:-16} connections, $(wc -l <"$work/paths.txt") queries${LOAD_RATE:+, $LOAD_RATE requests/s offered}"
run_started=$(date +%s.%N)
wrk -t"${LOAD_THREADS:-2}" -c"${LOAD_CONNECTIONS:-16}" -d"${seconds}s" --timeout 5s -s "$work/paths.lua" \
  "http://127.0.0.1:$port" >"$work/wrk.txt"
run_ended=$(date +%s.%N)
[[ -n $swap ]] && wait "$swap"
line=$(grep '^LOAD ' "$work/wrk.txt")
python3 - "$line" "$work/swap.txt" "$run_started" "$run_ended" "$swap_label" <<'PY'
import sys
kv = dict(x.split("=") for x in sys.argv[1].split()[1:])
v = {k: int(x) for k, x in kv.items()}
rate = v["requests"] / (v["duration_us"] / 1e6)
errors = sum(v[k] for k in v if k.startswith("errors_"))
swap, late = "no rebuild", False
try:
    a, b = map(float, open(sys.argv[2]).read().split())
    s, e = float(sys.argv[3]), float(sys.argv[4])
    late = b > e
    swap = "%s from %.1f s to %.1f s of the run%s" % (sys.argv[5], a - s, b - s, " (ended after the run)" if late else "")
except (OSError, ValueError):
    pass
print("| requests | requests/s | latency p50 / p90 / p99 / max (ms) | errors | swap |")
print("|---:|---:|---|---:|---|")
print("| %d | %.0f | %.2f / %.2f / %.2f / %.1f | %d | %s |" % (
    v["requests"], rate, v["p50_us"] / 1e3, v["p90_us"] / 1e3, v["p99_us"] / 1e3, v["max_us"] / 1e3, errors, swap))
if late:
    print("load_test: the new index went live after the run: run longer", file=sys.stderr)
sys.exit(1 if errors or late else 0)
PY
