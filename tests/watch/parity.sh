#!/usr/bin/env bash
# The same requests through `cargo lambda watch` (the real Lambda runtime path, API Gateway v2
# events) and through the local server must get the same status, content type and body.
# Both servers bind 127.0.0.1 on free ports and are stopped on exit. Logs go outside the
# workspace, because watch rebuilds on any file change inside it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source tests/lib/servers.sh

log_dir="${TMPDIR:-/tmp}/stack-advisor"
mkdir -p "$log_dir"

# cargo-lambda comes from the project venv (`make tools-venv`), which the Makefile puts first on PATH.
command -v cargo-lambda >/dev/null 2>&1 || { echo "cargo-lambda missing: run make tools-venv" >&2; exit 1; }
target=$(target_dir)
# Build each function as watch will (`cargo run --bin <function>`, that package alone): built
# together, the packages unify their dependencies' features differently, and watch's first
# request would rebuild those dependencies while the test waits.
cargo build --quiet -p local-server
for function in catalog compare recommend faq web; do
  cargo build --quiet -p "$function" --bin "$function"
done

local_port=$(free_port)
watch_port=$(free_port)
PORT=$local_port "$target/debug/local-server" >"$log_dir/parity-local.log" 2>&1 &
local_pid=$!
setsid cargo lambda watch --invoke-address 127.0.0.1 --invoke-port "$watch_port" >"$log_dir/parity-watch.log" 2>&1 &
watch_pid=$!
cleanup() {
  kill "$local_pid" 2>/dev/null || true
  kill -- -"$watch_pid" 2>/dev/null || kill "$watch_pid" 2>/dev/null || true
}
trap cleanup EXIT

wait_for() {
  for _ in $(seq 1 240); do
    # -f: watch answers 500 while a function is still starting; only a 200 means ready.
    curl -sf -o /dev/null "http://127.0.0.1:$1/frameworks/django" && return 0
    sleep 0.5
  done
  echo "server on port $1 did not start; see $log_dir" >&2
  exit 1
}
wait_for "$local_port"
wait_for "$watch_port"

# method path [json-body]
requests=(
  "GET|/frameworks"
  "GET|/frameworks?language=python&sort=performance&limit=3"
  "GET|/frameworks?language=node,ts&feature=websockets"
  "GET|/frameworks/django"
  "GET|/frameworks/djnago"
  "GET|/frameworks?language=cobol"
  "GET|/frameworks?limit=0"
  "GET|/frameworks?cursor=forged"
  "GET|/compare?ids=django,fastapi"
  "GET|/compare?ids=fiber,gin,express&priorities=performance,ecosystem"
  "GET|/compare?ids=django"
  "GET|/faq"
  "GET|/faq?q=fastest+python+framework&limit=3"
  "GET|/faq/node-or-django"
  "GET|/faq/nope"
  "GET|/openapi.json"
  "POST|/recommendations|{\"use_case\":\"rest_api\",\"priorities\":[\"performance\"],\"languages\":[\"python\"]}"
  "POST|/recommendations|{\"use_case\":\"telepathy\"}"
  "POST|/recommendations|{\"description\":\"realtime chat in typescript on lambda, must scale\"}"
  "POST|/recommendations|{\"description\":\"admin-heavy data app, Python team, security matters most, not Java\",\"limit\":5}"
  "POST|/recommendations|{\"description\":\"hello\"}"
  "POST|/recommendations|{\"use_case\":"
  "DELETE|/compare"
  "GET|/"
  "GET|/?use_case=rest_api&priorities=performance&languages=python"
  "GET|/catalog?language=go&sort=performance"
  "GET|/catalog/djnago"
  "GET|/versus?ids=django,fastapi,gin"
  "GET|/questions?q=fastest+python+framework"
)

failures=0
for entry in "${requests[@]}"; do
  IFS='|' read -r method path body <<<"$entry"
  args=(-s -X "$method" -o - -w '\n%{http_code} %{content_type}')
  [ -n "${body:-}" ] && args+=(-H 'content-type: application/json' --data "$body")
  local_reply=$(curl "${args[@]}" "http://127.0.0.1:$local_port$path")
  watch_reply=$(curl "${args[@]}" "http://127.0.0.1:$watch_port$path")
  if [ "$local_reply" == "$watch_reply" ]; then
    echo "same  $method $path ($(tail -n1 <<<"$local_reply"))"
  else
    echo "DIFF  $method $path"
    echo "  local: $(head -c 300 <<<"$local_reply")"
    echo "  watch: $(head -c 300 <<<"$watch_reply")"
    failures=$((failures + 1))
  fi
done
echo "$(( ${#requests[@]} - failures )) passed, $failures failed"
[ "$failures" -eq 0 ]
