#!/usr/bin/env bash
# Prepares a Debian 12 machine (run as root) to build and test TrustFund: PostgreSQL 15 for the
# database tests, Chromium and fonts for PDFs and browser tests, poppler-utils to inspect PDFs,
# HAProxy and Redis for the scale-out tests (installed only: the tests start their own HAProxy and
# redis-server on free ports of 127.0.0.1 and stop them).
# Safe to run again: installs only what is missing and starts PostgreSQL only if it is stopped.
#
# Progress goes to stderr; stdout carries only the export lines, so callers can
#   eval "$(bash deploy/provision.sh)"
set -euo pipefail

packages=(postgresql-15 chromium fonts-noto-core fonts-noto-cjk poppler-utils haproxy redis-server)
pg_version=15
pg_cluster=main
pg_password="${TRUSTFUND_POSTGRES_PASSWORD:-trustfund-ci}"

log() { echo "provision: $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
    log "run as root (it installs packages and starts PostgreSQL)"
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    export DEBIAN_FRONTEND=noninteractive
    log "installing ${missing[*]}"
    # Update the package lists only when the install cannot go ahead without it (lists absent or stale).
    if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
        log "apt-get install failed; updating package lists and trying again"
        apt-get update -q >&2
        apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
    fi
else
    log "packages already installed: ${packages[*]}"
fi

if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -qx "$pg_version $pg_cluster"; then
    log "creating PostgreSQL cluster $pg_version/$pg_cluster"
    pg_createcluster "$pg_version" "$pg_cluster" >&2
fi

# pg_ctlcluster start exits 2 when the cluster already runs, hence the status check first.
pg_ctlcluster "$pg_version" "$pg_cluster" status >/dev/null 2>&1 || pg_ctlcluster "$pg_version" "$pg_cluster" start >&2
pg_isready -h 127.0.0.1 -t 30 >&2

# TCP logins on 127.0.0.1 use scram: the postgres user needs a password.
(cd /tmp && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -c "ALTER USER postgres PASSWORD '${pg_password//\'/\'\'}'" >&2)
log "PostgreSQL $pg_version is ready on 127.0.0.1:5432"

printf "export ConnectionStrings__Postgres='Host=127.0.0.1;Username=postgres;Password=%s'\n" "$pg_password"
echo "export CHROMIUM_PATH=/usr/bin/chromium"
