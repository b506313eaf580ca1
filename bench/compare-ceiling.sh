#!/usr/bin/env bash
# `make bench-compare`: GET /compare of the release local server (embedded store) against the
# shared harness's ceiling, the smallest axum server answering prepared bytes.
#
# The harness (../shared/bench/run-peers.sh) has no /compare route, and it is not ours to
# edit. Its ceiling serves any prepared JSON document from GET /faq (the body, its ETag and a
# Cache-Control), so here it is started with the project's compare answer as that document:
# for the ceiling, answering the compare bytes is the same work whatever the path is called.
# Both answers are checked to be byte-identical before anything is measured.
#
# Same method as the harness: the server pinned to core 0, `wrk -t1 -c64` on core 1, rounds
# interleaved, the median round per server. Wait for a quiet machine first
# (../shared/bench/wait-quiet.sh): only the ratio from one run means anything.
#
#   bench/compare-ceiling.sh [HARNESS_DIR]   (default: ../shared/bench beside the repository)
#   env: ROUNDS=3 DURATION=8s CONNS=64 OUT=/tmp/perf/compare-<time>
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
harness=$(cd "${1:-$root/../shared/bench}" && pwd)
rounds=${ROUNDS:-3} duration=${DURATION:-8s} conns=${CONNS:-64}
out=${OUT:-/tmp/perf/compare-$(date +%Y%m%d-%H%M%S)}
ceiling_target=${CEILING_TARGET:-/tmp/perf/target}
query='/compare?ids=django,fastapi,express,spring-boot&priorities=performance,type_safety'
project_port=3320 ceiling_port=3321
mkdir -p "$out/bodies"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
source "$root/tests/lib/servers.sh"
target=$(target_dir)
cargo build --release -q -p local-server --manifest-path "$root/Cargo.toml"
(cd "$harness/peers/ceiling" && CARGO_TARGET_DIR=$ceiling_target cargo build --release -q)

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for() { # port path
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$1$2" && return; sleep 0.1; done
  echo "nothing answers on port $1; see $out/*.log" >&2; exit 1
}

env -u FRAMEWORKS_TABLE -u FAQ_TABLE PORT=$project_port RUST_LOG=warn \
  taskset -c 0 "$target/release/local-server" >"$out/project.log" 2>&1 &
pids+=($!)
wait_for $project_port /frameworks/django

# The ceiling reads all its prepared documents at start: the project's own answers, with the
# compare answer in the place of the FAQ search's.
project=http://127.0.0.1:$project_port
curl -sf -o "$out/bodies/faq.json" "$project$query"
curl -sf -o "$out/bodies/list.json" "$project/frameworks"
curl -sf -o "$out/bodies/openapi.json" "$project/openapi.json"
curl -sf -X POST -H 'content-type: application/json' -d '{"use_case":"rest_api"}' \
  -o "$out/bodies/recommend.json" "$project/recommendations"
taskset -c 0 "$ceiling_target/release/ceiling" $ceiling_port "$root/shared" "$out/bodies" \
  >"$out/ceiling.log" 2>&1 &
pids+=($!)
wait_for $ceiling_port /faq

declare -A url=([project]="$project$query" [ceiling]="http://127.0.0.1:$ceiling_port/faq")
curl -sf -o "$out/ceiling.json" "${url[ceiling]}"
cmp -s "$out/bodies/faq.json" "$out/ceiling.json" ||
  { echo "the ceiling does not answer the project's bytes" >&2; exit 1; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for s in project ceiling; do taskset -c 1 wrk -t1 -c"$conns" -d2s "${url[$s]}" >/dev/null; done
for r in $(seq "$rounds"); do
  for s in project ceiling; do
    taskset -c 1 wrk -t1 -c"$conns" -d"$duration" --latency "${url[$s]}" >"$out/wrk-r$r-$s.txt"
  done
  echo "round $r done, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
cleanup; pids=()

median_rps() { # server -> the median round's req/s
  for r in $(seq "$rounds"); do awk '/^Requests\/sec/ {print $2}' "$out/wrk-r$r-$1.txt"; done |
    sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}
non_2xx() { cat "$out"/wrk-r*-"$1".txt | awk '/Non-2xx/ {n += $NF} END {print n + 0}'; }
project_rps=$(median_rps project)
echo
echo "GET $query ($(stat -c %s "$out/bodies/faq.json")-byte answer; wrk -t1 -c$conns -d$duration, $rounds rounds; outputs in $out)"
printf '| server | req/s (median round) | non-2xx | project/this |\n|---|---:|---:|---:|\n'
for s in project ceiling; do
  rps=$(median_rps $s)
  awk -v s="$s" -v rps="$rps" -v errors="$(non_2xx $s)" -v project="$project_rps" \
    'BEGIN {printf "| %s | %.0f | %s | %.2f |\n", s, rps, errors, project / rps}'
done
