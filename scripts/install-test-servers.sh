#!/usr/bin/env bash
# Installs the servers that some behaviour and fault tests use beyond what `npm ci` brings: Redis and
# MariaDB, from the system's packages (Debian's redis-server and mariadb-server). The tests start their own
# instances on free loopback ports, so the packages' own services are not started here.
#
# Needs root and apt-get. Anywhere else it says what it did not do and exits 0: `npm test` then runs
# without those scenarios and prints which ones it did not run (see docs/reliability.md).
set -euo pipefail

have() {
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]
}

if have redis-server && have mariadbd && have mariadb-install-db; then
  echo 'Redis and MariaDB are installed.'
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo 'Not installing Redis and MariaDB: this needs root and apt-get. Their test scenarios will not run.' >&2
  exit 0
fi

# Keep the packages from starting their system services (what Docker images do with policy-rc.d).
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends redis-server mariadb-server >/dev/null; }; then
  echo 'Could not install Redis and MariaDB with apt-get (see above). Their test scenarios will not run.' >&2
  exit 0
fi
echo "Installed: $(redis-server --version | cut -d' ' -f1-3), $(/usr/sbin/mariadbd --version)"
