# Sourced by the run.sh scripts of the Node suites: a fresh private PostgreSQL cluster per checkout and suite,
# and the Release server started on it.
# Usage: fresh_cluster_dir <suite>   (sets $datadir to an emptied directory)
fresh_cluster_dir() {
  local suite="$1" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  if [ "$(id -u)" = 0 ]; then
    # As root the cluster must sit where the postgres OS user can reach it (the checkout may be under /root);
    # one per checkout, so several checkouts on one machine never share a database.
    datadir="/var/tmp/userpool-$suite-$(printf %s "$root" | sha1sum | cut -c1-8)"
  else
    datadir="$root/.data/$suite-postgres"
  fi
  if [ -f "$datadir/postmaster.pid" ]; then
    local pg_ctl
    pg_ctl="$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)"
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" stop -D "$datadir" -m fast >/dev/null 2>&1 || true
    else "$pg_ctl" stop -D "$datadir" -m fast >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$datadir"
}

# Usage: start_server <log file>   (needs $USERPOOL_HOST, $USERPOOL_ACCESS_KEY_ID/SECRET and $datadir)
# Builds the API in Release, starts it on the cluster in $datadir with that key as the first pool's, stops it
# when the calling script exits, and returns once /health/ready answers.
start_server() {
  local log="$1" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dotnet build "$root/src/UserPool.Api" -c Release -v quiet -nologo >/dev/null
  Bootstrap__AccessKeyId="$USERPOOL_ACCESS_KEY_ID" \
  Bootstrap__AccessKeySecret="$USERPOOL_ACCESS_KEY_SECRET" \
  Database__LocalDataDirectory="$datadir" \
    dotnet "$root/src/UserPool.Api/bin/Release/net10.0/UserPool.Api.dll" --urls "$USERPOOL_HOST" >"$log" 2>&1 &
  server=$!
  trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if curl -fsS "$USERPOOL_HOST/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$server" 2>/dev/null; then echo "server exited; see $log" >&2; cat "$log" >&2; exit 1; fi
    sleep 1
  done
  echo "server not ready after 120 s; see $log" >&2
  exit 1
}
