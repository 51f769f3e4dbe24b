#!/usr/bin/env bash
# Load test for `vera serve`: starts a server on 127.0.0.1, drives POST /api/v1/check with
# GossipCop articles (../shared/data/gossipcop/articles.jsonl when present) from a bounded number
# of requests, prints requests/s and p50/p90/p99 latency, and stops the server.
#
#   vera-bench/load.sh [--requests 5000] [--warmup 1000] [--concurrency 4] [--explain]
#
# VERA_JAR names a built vera.jar (default: vera-cli/target/vera.jar, built by ./vera if needed);
# the driver (dev.vera.bench.LoadDriver) is vera-bench/target/vera-bench.jar, built here when
# missing or older than its source. BENCH_PORT the port (default 18089). Only 127.0.0.1 is ever
# contacted.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${VERA_JAR:-$root/vera-cli/target/vera.jar}"
port="${BENCH_PORT:-18089}"
if [ -z "${VERA_JAR:-}" ]; then
  "$root/vera" --version >/dev/null   # builds the jar when missing or stale
fi
bench="$root/vera-bench/target/vera-bench.jar"
if [ ! -f "$bench" ] || [ -n "$(find "$root/vera-bench/src/main" -newer "$bench" -type f -print -quit)" ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl vera-bench -am package) >&2
fi
data="${VERA_DATA:-$root/../shared/data}/gossipcop/articles.jsonl"

log="$(mktemp "${TMPDIR:-/tmp}/vera-bench-serve.XXXXXX")"
# shellcheck disable=SC2086
java ${VERA_JAVA_OPTS:-} -jar "$jar" serve --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 150); do
  if grep -q "web page" "$log" 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "load.sh: the server did not start:" >&2; cat "$log" >&2; exit 3
  fi
  sleep 0.1
done
head -1 "$log"
java -cp "$jar:$bench" dev.vera.bench.LoadDriver --port "$port" --articles "$data" "$@"
