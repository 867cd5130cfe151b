#!/usr/bin/env bash
# Browser test of the web page: index the sample corpus, serve it with the page, drive
# headless Chromium over it (page_test.mjs). Usage: tests/browser/run.sh BUILD_DIR
# Needs node + npm and Debian's chromium (apt-get install -y chromium). Screenshots go to
# BUILD_DIR/test-artifacts/. Exits with the test's status.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "$1" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$here/../../corpus/sample"
web="$here/../../web"

for program in "$build/bin/verbatim-index" "$build/bin/verbatim-search"; do
    [ -x "$program" ] || { echo "no $program: build first (cmake --build $1)" >&2; exit 2; }
done
command -v node >/dev/null || { echo "node is needed (apt-get install -y nodejs npm)" >&2; exit 2; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "no Chromium at ${CHROMIUM:-/usr/bin/chromium} (apt-get install -y chromium)" >&2; exit 2; }
if [ ! -d "$here/node_modules/playwright-core" ]; then
    # The npm registry is the one download this test needs; without it the test cannot run
    # (it is reported as skipped, not passed).
    if ! (cd "$here" && npm ci --no-audit --no-fund --loglevel=error); then
        echo "skipped: playwright-core could not be installed from the npm registry"
        exit 0
    fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/verbatim-browser.XXXXXX")"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Exit status 1 means "indexed, but some input had problems": still an index to test against.
index_status=0
"$build/bin/verbatim-index" build -q --index "$work/index" "$corpus" || index_status=$?
if [ "$index_status" -gt 1 ]; then
    echo "indexing $corpus failed (exit $index_status)" >&2
    exit 1
fi

# A free port: bind to port 0 and ask which one the system gave.
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
url="http://127.0.0.1:$port"

"$build/bin/verbatim-search" --serve --index "$work/index" --listen "127.0.0.1:$port" --web "$web" \
    >"$work/server.log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 100); do
    if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$url/healthz" 2>/dev/null; then
        ready=1
        break
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$ready" ]; then
    echo "the server did not come up on $url:" >&2
    cat "$work/server.log" >&2
    exit 1
fi

mkdir -p "$build/test-artifacts"
status=0
(cd "$root" && VERBATIM_ARTIFACTS="$build/test-artifacts" timeout 90 node tests/browser/page_test.mjs "$url") || status=$?
exit "$status"
