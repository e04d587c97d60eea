#!/usr/bin/env bash
# Runs a command with DATABASE_URL set, so the server's PostgreSQL suites run
# too: the caller's DATABASE_URL if it has one (CI starts its own), else a
# throwaway server of this run's own (.ci/pg-start.sh) where PostgreSQL is
# installed, stopped afterwards. Without PostgreSQL those suites report as
# skipped, and this says how to install it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DATABASE_URL:-}" ]; then
  if compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
    eval "$(bash .ci/pg-start.sh)"
    trap 'bash .ci/pg-stop.sh || true' EXIT
  else
    echo "with-postgres: no PostgreSQL server installed (Debian: apt-get install postgresql), so its suites are skipped" >&2
  fi
fi
"$@"
