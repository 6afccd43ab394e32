#!/usr/bin/env bash
# Installs what a fresh machine lacks for running and testing the console: npm packages, Debian's
# chromium and kcat (tests only), and the stack's Maven artifacts. Safe to run again: it skips what
# is there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

want_test_tools=0
[ "${1:-}" = "--test" ] && want_test_tools=1

command -v java >/dev/null || die "Java 17+ is needed for the local Kafka stack (e.g. apt-get install openjdk-17-jre-headless)."
command -v mvn >/dev/null || die "Maven is needed to fetch Kafka and the registry from Maven Central (e.g. apt-get install maven)."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm: installing packages"
  npm ci --no-audit --no-fund
fi

if [ "$want_test_tools" = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v kcat >/dev/null || missing+=(kcat)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      say "apt: installing ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      die "The tests need ${missing[*]}: sudo apt-get install ${missing[*]}"
    fi
  fi
fi

bash scripts/stack.sh fetch
