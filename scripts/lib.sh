# Shared helpers for the project's scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m▸ %s\033[0m\n' "$*"; }
die() { printf '\033[31m✗ %s\033[0m\n' "$*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The local stack answers on every port the console's default config uses.
stack_running() {
  port_open "${KAFKA_PORT:-9092}" && port_open "${SCHEMA_REGISTRY_PORT:-8081}" && port_open "${CONNECT_PORT:-8083}"
}
