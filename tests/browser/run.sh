#!/usr/bin/env bash
# Builds and starts the Release server on its private PostgreSQL, validates its OpenAPI document and drives
# Swagger UI in Debian's Chromium (TAP into test-output/browser.tap, screenshots beside it), and stops the
# server. Exit code: the suite's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${USERPOOL_BROWSER_PORT:-5085}"
out="$here/test-output"
mkdir -p "$out"

export USERPOOL_HOST="http://127.0.0.1:$port"
export USERPOOL_ACCESS_KEY_ID="${USERPOOL_ACCESS_KEY_ID:-browser-access-key}"
export USERPOOL_ACCESS_KEY_SECRET="${USERPOOL_ACCESS_KEY_SECRET:-browser-access-key-secret-0123456789}"
export USERPOOL_TEST_OUTPUT="$out"
# playwright-core drives /usr/bin/chromium; nothing may fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ ! -x "${USERPOOL_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing: apt-get install -y chromium (or set USERPOOL_CHROMIUM)" >&2
  exit 1
fi

# A fresh private cluster for this checkout.
source "$root/tests/support/server.sh"
fresh_cluster_dir browser

start_server "$out/server.log"

cd "$here"
npm ci --no-audit --no-fund >/dev/null
node --test --test-concurrency=1 --test-reporter=tap | tee "$out/browser.tap"
