#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, then integration and end-to-end tests against the real
# local stack. Starts the stack when none is running and stops only what it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/ensure-deps.sh --test

say "typecheck"; npx tsc --noEmit
say "lint"; npx eslint --max-warnings=0 .
say "unit tests"; npx vitest run --project unit

started_stack=0
stop_stack() { if [ "$started_stack" = 1 ]; then say "stopping the stack this run started"; bash scripts/stack.sh down || true; fi; }
trap stop_stack EXIT
if stack_running; then
  say "using the stack already running"
else
  bash scripts/stack.sh up
  started_stack=1
fi

say "integration tests (real Kafka, registry, Connect)"; npx vitest run --project integration
say "build"; npx next build
say "end-to-end tests (Playwright, Debian chromium)"; npx playwright test
