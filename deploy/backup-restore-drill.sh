#!/usr/bin/env bash
# Backup and restore drill for TrustFund on PostgreSQL: dumps the database, restores the dump into a
# new database, starts the app on the copy until /health/ready answers 200, and verifies the audit
# chain of the copy from the first entry to the last. Run it on a schedule against production (it
# only reads the live database) and keep the dump it leaves as a backup.
#
#   TRUSTFUND_APP=/opt/trustfund/TrustFund.Web.dll PGHOST=127.0.0.1 PGUSER=postgres PGPASSWORD=... \
#   SOURCE_DB=trustfund deploy/backup-restore-drill.sh
#
# Settings (environment): the libpq ones (PGHOST, PGPORT, PGUSER, PGPASSWORD) for a role that may
# create databases; SOURCE_DB (default trustfund); RESTORE_DB (default <source>_drill_<time>);
# BACKUP_DIR (default a new temporary folder); TRUSTFUND_APP, the published TrustFund.Web.dll;
# DRILL_PORT (default 5099); KEEP_RESTORED=1 keeps the restored database. DataProtection__* settings
# pass through to the app: give it the production certificate, or bank details cannot be read.
# Prints one line per step and exits non-zero at the first failure.
set -euo pipefail

source_db="${SOURCE_DB:-trustfund}"
stamp="$(date -u +%Y%m%d%H%M%S)"
restore_db="${RESTORE_DB:-${source_db}_drill_${stamp}}"
backup_dir="${BACKUP_DIR:-$(mktemp -d -t trustfund-backup-XXXXXX)}"
app="${TRUSTFUND_APP:?TRUSTFUND_APP must name the published TrustFund.Web.dll}"
port="${DRILL_PORT:-5099}"
dump="${backup_dir}/${source_db}-${stamp}.dump"
app_pid=""

log() { echo "drill: $*"; }
seconds_since() { echo "$(($(date +%s%N) / 1000000 - $1))" | awk '{printf "%.1f", $1 / 1000}'; }
now_ms() { echo "$(($(date +%s%N) / 1000000))"; }

cleanup() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    if [[ "${KEEP_RESTORED:-0}" != "1" ]]; then
        dropdb --if-exists --force "$restore_db" 2>/dev/null || true
    fi
}
trap cleanup EXIT

mkdir -p "$backup_dir"
started="$(now_ms)"
pg_dump --format=custom --no-owner --file "$dump" "$source_db"
log "dumped $source_db to $dump ($(stat -c %s "$dump") bytes) in $(seconds_since "$started") s"

started="$(now_ms)"
createdb "$restore_db"
pg_restore --exit-on-error --no-owner --dbname "$restore_db" "$dump"
log "restored into $restore_db in $(seconds_since "$started") s"

source_entries="$(psql -X -A -t -d "$source_db" -c 'SELECT count(*) FROM "AuditEntries"')"
restored_entries="$(psql -X -A -t -d "$restore_db" -c 'SELECT count(*) FROM "AuditEntries"')"
if ((restored_entries < 1 || restored_entries < source_entries)); then
    log "the copy holds $restored_entries audit entries, the source $source_entries"
    exit 1
fi

# The copy must never email anyone or remind anyone: dispatcher and reminders off. Migrations off:
# the copy is checked as it was dumped (/health/ready answers 503 if it lacks one).
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=PostgreSql
export Database__MigrateOnStartup=false
export ConnectionStrings__TrustFund="Host=${PGHOST:-127.0.0.1};Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Password=${PGPASSWORD:-};Database=${restore_db}"
export PublicSite__BaseUrl="http://127.0.0.1:${port}"
export Email__DispatcherEnabled=false
export Reviews__RemindersEnabled=false
export Reports__RemindersEnabled=false

started="$(now_ms)"
dotnet "$app" --urls "http://127.0.0.1:${port}" >"${backup_dir}/drill-app.log" 2>&1 &
app_pid=$!
ready=""
for _ in $(seq 1 240); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
        log "the app exited before it was ready; its log: ${backup_dir}/drill-app.log"
        exit 1
    fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/health/ready" || true)" == "200" ]]; then
        ready=1
        break
    fi
    sleep 0.25
done
if [[ -z "$ready" ]]; then
    log "the app on $restore_db was not ready within 60 s; its log: ${backup_dir}/drill-app.log"
    exit 1
fi
log "the app started on $restore_db and was ready in $(seconds_since "$started") s"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""

verdict="$(dotnet "$app" --verify-audit)" || { log "$verdict"; exit 1; }
log "$verdict"
log "passed: $restored_entries audit entries restored and verified; backup kept at $dump"
