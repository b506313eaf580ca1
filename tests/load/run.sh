#!/usr/bin/env bash
# `make load`: the release local server (embedded store) under wrk at concurrency 64, for
# DURATION per endpoint across the read endpoints and POST /recommendations. Fails on any
# non-2xx answer or socket error, or when the server's resident memory grows by more than
# RSS_GROWTH_KIB between the warm-up and the end. Prints one table of the figures.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/lib/servers.sh"
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
max_growth_kib=${RSS_GROWTH_KIB:-8192}

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

work=$(mktemp -d)
trap 'stop_started; rm -rf "$work"' EXIT
start_local_server release "$work/server.log"
server=$local_server_pid
base=$local_server_url

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
