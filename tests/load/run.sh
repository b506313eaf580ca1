#!/usr/bin/env bash
# `make load`: the release local server (embedded store) under wrk at concurrency 64, for
# DURATION per endpoint across the read endpoints and POST /recommendations. Fails on any
# non-2xx answer or socket error, or when the server's resident memory grows by more than
# RSS_GROWTH_KIB between the warm-up and the end. Prints one table of the figures.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
max_growth_kib=${RSS_GROWTH_KIB:-8192}

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

cargo build --quiet --release -p local-server --manifest-path "$root/Cargo.toml"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
work=$(mktemp -d)
PORT=$port RUST_LOG=warn "$target/release/local-server" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('$base/openapi.json', timeout=1)" 2>/dev/null && break
  sleep 0.1
done

rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }

cat "$root/tests/load/report.lua" >"$work/get.lua"
cat "$root/tests/load/report.lua" "$root/tests/load/recommend.lua" >"$work/post.lua"

endpoints=(
  "GET /frameworks|/frameworks|get"
  "GET /frameworks (filtered, sorted)|/frameworks?language=python,go&sort=performance&limit=5|get"
  "GET /frameworks/{id}|/frameworks/django|get"
  "GET /compare|/compare?ids=django,fastapi,gin&priorities=performance,productivity|get"
  "POST /recommendations|/recommendations|post"
  "GET /openapi.json|/openapi.json|get"
)
if python3 -c "import urllib.request; urllib.request.urlopen('$base/faq?q=fastest', timeout=2)" 2>/dev/null; then
  endpoints+=("GET /faq?q=|/faq?q=fastest+python+framework|get" "GET /faq/{id}|/faq/best-framework-for-serverless|get")
fi

# Warm-up: the first requests fill allocator pools; growth is measured from here.
wrk -t"$threads" -c"$connections" -d2s -s "$work/get.lua" "$base/frameworks" >/dev/null
rss_before=$(rss)

failed=0
printf '%-38s %10s %10s %9s %9s %7s\n' endpoint requests req/s p50_ms p99_ms errors
for entry in "${endpoints[@]}"; do
  IFS='|' read -r label path kind <<<"$entry"
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/$kind.lua" "$base$path")
  line=$(grep '^RESULT' <<<"$out")
  eval "$(sed 's/^RESULT //' <<<"$line")"
  errors=$((non2xx + socket_errors))
  printf '%-38s %10s %10s %9s %9s %7s\n' "$label" "$requests" "$rps" "$p50_ms" "$p99_ms" "$errors"
  [ "$errors" -eq 0 ] || failed=1
done
rss_after=$(rss)
growth=$((rss_after - rss_before))
echo "server RSS: ${rss_before} KiB after warm-up, ${rss_after} KiB after the runs (growth ${growth} KiB, limit ${max_growth_kib} KiB)"
[ "$growth" -le "$max_growth_kib" ] || { echo "memory grew" >&2; failed=1; }
[ "$failed" -eq 0 ] || { echo "load: FAILED" >&2; exit 1; }
echo "load: 0 errors"
