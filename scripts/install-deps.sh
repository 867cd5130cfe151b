#!/usr/bin/env bash
# Installs what Verbatim needs to build and test, from Debian 12's packages only.
# Run as root (or with sudo) on Debian 12; the README and .ci/run call it.
set -euo pipefail
packages=(
  build-essential cmake pkg-config          # the C++20 toolchain and build
  libxapian-dev xapian-tools                # the index (and xapian-delve / xapian-compact)
  libboost-program-options-dev              # command lines
  libspdlog-dev                             # logging to stderr
  libicu-dev                                # sentence breaks, Unicode folding
  nlohmann-json3-dev                        # JSON Lines in and out
  libgumbo-dev                              # HTML5 parsing of saved web pages
  libcsv-dev                                # RFC 4180 CSV parsing
  libcpp-httplib-dev                        # the HTTP API and web page (verbatim-search --serve)
  wrk curl                                  # the HTTP load test (bench/load_test.sh and its smoke test)
  zlib1g-dev                                # .jsonl.gz corpora read without unpacking
  libgtest-dev                              # the test suite
  python3                                   # the team's scoring scripts run in the tests
  chromium                                  # the web page's browser test (headless)
  help2man dpkg-dev file                    # man pages from --help; the Debian package (CPack)
)
# Node.js and npm drive Chromium in the browser test (playwright-core from npm); a machine
# that has a newer Node.js keeps it.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
