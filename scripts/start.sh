#!/usr/bin/env bash
# `npm start`: the local stack (Kafka, Schema Registry, Connect) and the console, in one command.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-3000}"

bash scripts/ensure-deps.sh
if [ -f kea.config.yaml ] || [ -n "${KEA_CONFIG:-}" ]; then
  say "using ${KEA_CONFIG:-kea.config.yaml}; not starting the local stack"
else
  bash scripts/stack.sh up
fi

# Rebuild when any source is newer than the last build.
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib schemas public package-lock.json next.config.js -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  say "building the console"
  npx next build
fi

case "$HOST" in
  127.*|localhost|::1) ;;
  *) printf '\033[33m! Listening on %s: the console has no sign-in yet, so anyone who can reach this address can administer your clusters.\033[0m\n' "$HOST" ;;
esac
say "console on http://$HOST:$PORT  (stop with Ctrl-C; stop the stack with: npm run stack -- down)"
exec npx next start --hostname "$HOST" --port "$PORT"
