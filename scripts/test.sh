#!/usr/bin/env bash
# Runs every test: installs what is missing, starts a throwaway PostgreSQL on loopback, and runs the whole
# suite against SQLite and PostgreSQL. Prints "N passed, N failed" at the end and exits with the runner's code.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
# The port picker below and the public-health statistics check (tests run its checker) are Python.
command -v python3 >/dev/null || need_apt+=(python3)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need_apt[*]} with apt"
    mkdir -p /etc/postgresql-common
    # A package install must not start a cluster of its own on port 5432; the tests start their own.
    grep -qs '^create_main_cluster *= *false' /etc/postgresql-common/createcluster.conf \
      || echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "Missing ${need_apt[*]}: install them with apt (sudo apt-get install ${need_apt[*]})" >&2
    exit 1
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# Throwaway PostgreSQL: private data directory, private socket, a free loopback port, no fsync.
pg_dir=$(mktemp -d /tmp/concordat-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_postgres=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$pg_dir"
  as_postgres=(runuser -u postgres --)
fi
stop_pg() {
  "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
"${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U concordat --auth=trust -E UTF8 >/dev/null
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export CONCORDAT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=concordat;Database=postgres;Include Error Detail=true"
echo "PostgreSQL for tests on 127.0.0.1:$pg_port"

dotnet tool restore >/dev/null
dotnet build Concordat.slnx -c Release
set +e
# One test project at a time: the browser tests and the command-line tests both start processes, and together on
# 2 cores they starve Chromium past Playwright's timeouts.
dotnet test --solution Concordat.slnx -c Release --no-build --max-parallel-test-modules 1 2>&1 | tee "$pg_dir/test.log"
code=${PIPESTATUS[0]}
set -e

# CI reads one plain line; Microsoft.Testing.Platform prints a summary per test project.
python3 - "$pg_dir/test.log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
def total(word):
    return sum(int(n) for n in re.findall(r"^\s*" + word + r":\s*(\d+)", text, re.M))
passed, failed, skipped = total("succeeded"), total("failed"), total("skipped")
# Name each failed test again at the very end, where a truncated log still shows it.
for name in re.findall(r"^\s*failed (?!with )(.+?) \(\d", text, re.M):
    print(f"failed: {name}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $code
