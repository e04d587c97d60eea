#!/usr/bin/env bash
# Stops the PostgreSQL that .ci/pg-start.sh started for this run (the one in
# $UNDERSIGNED_PG_DIR, and no other) and removes its files.
set -euo pipefail
dir=${UNDERSIGNED_PG_DIR:-}
[ -n "$dir" ] && [ -d "$dir/data" ] || exit 0
bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
else "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2; fi
rm -rf "$dir"
