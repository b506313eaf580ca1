# shellcheck shell=bash
# Sourced, not run: the one way the scripts (and the Makefile) find cargo's target directory,
# pick a loopback port, start the local server and start moto, so that no script guesses the
# target directory or starts moto without the serial wrapper the Rust tests need.
#   source "$root/tests/lib/servers.sh"   ($root: the repository)
# Every server binds 127.0.0.1 on a free port; the caller stops what it started
# (stop_started in its EXIT trap).

: "${root:?set root to the repository before sourcing tests/lib/servers.sh}"
started_pids=()

# Where cargo puts builds: CARGO_TARGET_DIR, .cargo/config or the default, as cargo itself says.
target_dir() {
  cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])'
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_until_answers URL PID LOG: until URL answers 2xx, or fail with the log of the process
# that died or never answered.
wait_until_answers() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 1 300); do
    # python3 rather than curl: the one HTTP client every machine here has.
    python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)" "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the server behind $url exited" >&2; return 1; }
    sleep 0.1
  done
  cat "$log" >&2
  echo "nothing answered $url in 30 s" >&2
  return 1
}

# start_local_server PROFILE LOG [NAME=VALUE...]: build local-server (PROFILE debug or release;
# every debug caller shares one build), start it with the given environment on a free port,
# and wait until it serves its OpenAPI document. Sets local_server_url and local_server_pid.
start_local_server() {
  local profile=$1 log=$2
  shift 2
  local build=(--quiet -p local-server --manifest-path "$root/Cargo.toml")
  [ "$profile" = release ] && build+=(--release)
  cargo build "${build[@]}"
  local port
  port=$(free_port)
  env PORT="$port" RUST_LOG="${RUST_LOG:-warn}" "$@" "$(target_dir)/$profile/local-server" >"$log" 2>&1 &
  local_server_pid=$!
  started_pids+=("$local_server_pid")
  local_server_url="http://127.0.0.1:$port"
  wait_until_answers "$local_server_url/openapi.json" "$local_server_pid" "$log"
}

# start_moto LOG: moto through shared/dynamo/scripts/moto_serial.py (one request at a time, so
# conditional writes are atomic, as DynamoDB's are), the way the Rust tests and `make
# run-dynamo` start it, with the python3 first on PATH (the project venv under make). Sets
# moto_url and moto_pid.
start_moto() {
  local log=$1 port
  port=$(free_port)
  python3 "$root/shared/dynamo/scripts/moto_serial.py" 127.0.0.1 "$port" >"$log" 2>&1 &
  moto_pid=$!
  started_pids+=("$moto_pid")
  moto_url="http://127.0.0.1:$port"
  wait_until_answers "$moto_url/moto-api/" "$moto_pid" "$log"
}

stop_started() {
  local pid
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
