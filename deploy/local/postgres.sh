#!/usr/bin/env bash
# A private PostgreSQL cluster for running camaudit locally, without Docker.
#
#   deploy/local/postgres.sh start|stop|status|url [DB]|password
#
# Environment:
#   CAMAUDIT_PG_DIR        folder holding the cluster (data/, run/, password);
#                          default deploy/local/.run/postgres, relative paths from the repository root
#   CAMAUDIT_PG_PORT       TCP port on 127.0.0.1 (default 55432)
#   CAMAUDIT_PG_USER       the cluster's superuser and owner of the databases (default camaudit)
#   CAMAUDIT_PG_PASSWORD   its password (default: generated once, kept mode 600 in $CAMAUDIT_PG_DIR/password)
#   CAMAUDIT_PG_DATABASES  databases created on start when missing (default "inventory audit")
#
# The server listens on 127.0.0.1 only and asks TCP clients for a SCRAM password; its Unix socket
# lives in a folder only the server's user can enter. As root the server runs as the `postgres`
# system user (PostgreSQL refuses root), and the Debian `postgresql` package is installed with apt
# when no server binaries are found. Every command is idempotent.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pg_dir="${CAMAUDIT_PG_DIR:-deploy/local/.run/postgres}"
case "$pg_dir" in
  /*) ;;
  *) pg_dir="$repo_root/$pg_dir" ;;
esac
pg_port="${CAMAUDIT_PG_PORT:-55432}"
pg_user="${CAMAUDIT_PG_USER:-camaudit}"
pg_databases="${CAMAUDIT_PG_DATABASES:-inventory audit}"
data_dir="$pg_dir/data"
run_dir="$pg_dir/run"
password_file="$pg_dir/password"
log_file="$run_dir/server.log"

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

usage() {
  echo "usage: deploy/local/postgres.sh start|stop|status|url [DB]|password" >&2
  exit 2
}

[[ "$pg_port" =~ ^[0-9]+$ ]] && (( pg_port > 0 && pg_port < 65536 )) \
  || die "CAMAUDIT_PG_PORT must be a TCP port number, got '$pg_port'"
[[ "$pg_user" =~ ^[a-z_][a-z0-9_]*$ ]] || die "CAMAUDIT_PG_USER must be a plain lower-case identifier, got '$pg_user'"
for db in $pg_databases; do
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "CAMAUDIT_PG_DATABASES: '$db' is not a plain lower-case identifier"
done

as_root() { [[ "$(id -u)" == 0 ]]; }

# Runs a PostgreSQL program as the server's user.
as_server_user() {
  if as_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

ensure_binaries() {
  if bindir="$(find_bindir)"; then
    return 0
  fi
  as_root || die "PostgreSQL server binaries not found (pg_config --bindir, /usr/lib/postgresql/*/bin); install them: sudo apt-get install -y postgresql"
  echo "postgres.sh: installing the Debian postgresql package" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || die "apt-get install postgresql failed"
  bindir="$(find_bindir)" || die "the postgresql package is installed but initdb/pg_ctl are still missing"
}

# The password: CAMAUDIT_PG_PASSWORD, else the stored one, else a new one stored mode 600.
password() {
  if [[ -n "${CAMAUDIT_PG_PASSWORD:-}" ]]; then
    printf '%s' "$CAMAUDIT_PG_PASSWORD"
    return 0
  fi
  if [[ ! -s "$password_file" ]]; then
    mkdir -p "$pg_dir"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$password_file")
    chmod 600 "$password_file"
  fi
  cat "$password_file"
}

is_running() {
  [[ -f "$data_dir/postmaster.pid" ]] && as_server_user "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1
}

running_port() {
  sed -n '4p' "$data_dir/postmaster.pid" 2>/dev/null | tr -d '[:space:]'
}

port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# psql over the private Unix socket as the cluster's superuser.
psql_local() {
  as_server_user "$bindir/psql" -h "$run_dir" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

init_cluster() {
  mkdir -p "$pg_dir"
  chmod 755 "$pg_dir"
  mkdir -p "$data_dir" "$run_dir"
  chmod 700 "$data_dir" "$run_dir"
  local pwfile
  pwfile="$(mktemp "$pg_dir/.initpw.XXXXXX")"
  password >"$pwfile"
  if as_root; then
    chown postgres: "$data_dir" "$run_dir" "$pwfile"
  fi
  if ! as_server_user "$bindir/initdb" -D "$data_dir" -U "$pg_user" --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >"$run_dir/initdb.log" 2>&1; then
    rm -f "$pwfile"
    die "initdb failed, see $run_dir/initdb.log"
  fi
  rm -f "$pwfile"
  # TCP only from loopback, with a SCRAM password; the socket folder is private to the server's user.
  cat >"$data_dir/pg_hba.conf" <<EOF
local   all   all                 trust
host    all   all   127.0.0.1/32  scram-sha-256
EOF
  as_root && chown postgres: "$data_dir/pg_hba.conf"
  return 0
}

cmd_start() {
  ensure_binaries
  if [[ ! -f "$data_dir/PG_VERSION" ]]; then
    init_cluster
  fi
  mkdir -p "$run_dir"
  chmod 700 "$run_dir"
  as_root && chown postgres: "$run_dir"
  if is_running; then
    local port
    port="$(running_port)"
    [[ "$port" == "$pg_port" ]] \
      || die "already running in $pg_dir on port $port, not $pg_port; stop it first (deploy/local/postgres.sh stop)"
  else
    port_busy "$pg_port" && die "port 127.0.0.1:$pg_port is busy; set CAMAUDIT_PG_PORT to a free port"
    as_server_user "$bindir/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$run_dir -c password_encryption=scram-sha-256" \
      start >/dev/null || die "PostgreSQL did not start, see $log_file"
  fi
  local pw db
  pw="$(password)"
  psql_local -c "ALTER ROLE \"$pg_user\" PASSWORD '${pw//\'/\'\'}'" >/dev/null \
    || die "cannot set the password of $pg_user, see $log_file"
  for db in $pg_databases; do
    if [[ "$(psql_local -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]]; then
      psql_local -c "CREATE DATABASE \"$db\" OWNER \"$pg_user\"" >/dev/null || die "cannot create database $db"
    fi
  done
  echo "PostgreSQL running on 127.0.0.1:$pg_port (data $data_dir; databases: $pg_databases)"
}

cmd_stop() {
  if ! bindir="$(find_bindir)" || [[ ! -f "$data_dir/PG_VERSION" ]]; then
    echo "PostgreSQL not running (no cluster in $pg_dir)"
    return 0
  fi
  if is_running; then
    as_server_user "$bindir/pg_ctl" -D "$data_dir" -m fast -w -t 60 stop >/dev/null \
      || die "PostgreSQL did not stop, see $log_file"
    echo "PostgreSQL stopped"
  else
    echo "PostgreSQL not running"
  fi
}

cmd_status() {
  if bindir="$(find_bindir)" && [[ -f "$data_dir/PG_VERSION" ]] && is_running; then
    echo "running on 127.0.0.1:$(running_port) (data $data_dir)"
    return 0
  fi
  echo "stopped (data $data_dir)"
  return 3
}

cmd_url() {
  local db="${1:-}"
  if [[ -z "$db" ]]; then
    read -r db _ <<<"$pg_databases"
  fi
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a database name: '$db'"
  echo "jdbc:postgresql://127.0.0.1:$pg_port/$db"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) shift; cmd_url "${1:-}" ;;
  password) password; echo ;;
  *) usage ;;
esac
