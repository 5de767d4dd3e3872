#!/usr/bin/env bash
# Builds and starts the server on its private PostgreSQL, runs the Node SDK suite against it (TAP into
# test-output/sdk-interop.tap), and stops the server. Exit code: the suite's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${USERPOOL_INTEROP_PORT:-5080}"
out="$here/test-output"
mkdir -p "$out"

export USERPOOL_HOST="http://127.0.0.1:$port"
export USERPOOL_ACCESS_KEY_ID="${USERPOOL_ACCESS_KEY_ID:-interop-access-key}"
export USERPOOL_ACCESS_KEY_SECRET="${USERPOOL_ACCESS_KEY_SECRET:-interop-access-key-secret-0123456789}"

# The auth tests send a wrong secret to every endpoint on purpose, all from 127.0.0.1: the failed-authentication
# limits (HTTP 429 beyond) would end them early, so this suite lifts them.
export FailedAuthentication__PerAddressLimit=1000000
export FailedAuthentication__PerKeyAndAddressLimit=1000000

# A fresh private cluster for this checkout (USERPOOL_INTEROP_DATADIR chooses another place).
source "$root/tests/support/server.sh"
if [ -n "${USERPOOL_INTEROP_DATADIR:-}" ]; then datadir="$USERPOOL_INTEROP_DATADIR"; else fresh_cluster_dir interop; fi

start_server "$out/server.log"

# The suite reads back what the API never answers (e.g. that a stored hash verifies the password).
export USERPOOL_DATABASE_URL="postgres://postgres@127.0.0.1:$(cat "$datadir/userpool.port")/userpool"

cd "$here"
npm ci --no-audit --no-fund >/dev/null
node --test --test-concurrency=1 --test-reporter=tap | tee "$out/sdk-interop.tap"
