# Sourced by the run.sh scripts of the Node suites: chooses the private PostgreSQL data directory of this
# checkout and suite, and empties it, so every run starts from the current schema on a fresh cluster.
# Usage: fresh_cluster_dir <suite>   (sets $datadir)
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
