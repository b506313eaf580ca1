#!/usr/bin/env bash
# Lighthouse (from tools/package.json, run against Debian's Chromium) on every page of the
# release local server on a free loopback port: performance, accessibility, best practices
# and SEO, under Lighthouse's default mobile emulation (simulated slow 4G, mid-range phone),
# plus each page's total transfer size. Prints a Markdown table; reports go to $LIGHTHOUSE_DIR.
# BASE_URL=http://... measures a server that is already running instead.
set -euo pipefail
cd "$(dirname "$0")/../.."

node_dir=${NODE_DIR:-${TOOLS_DIR:-$HOME/.cache/stack-advisor}/node}
lighthouse="$node_dir/node_modules/.bin/lighthouse"
[ -x "$lighthouse" ] || { echo "lighthouse is not installed in $node_dir: run make tools-node" >&2; exit 1; }
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
reports=${LIGHTHOUSE_DIR:-${TMPDIR:-/tmp}/stack-advisor/lighthouse}
mkdir -p "$reports"

profile=$(mktemp -d)
if [ -n "${BASE_URL:-}" ]; then
  base=$BASE_URL
  trap 'rm -rf "$profile"' EXIT
else
  root=$PWD
  source tests/lib/servers.sh
  trap 'stop_started; rm -rf "$profile"' EXIT
  start_local_server release "$reports/server.log"
  base=$local_server_url
fi
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/" && break; sleep 0.1; done

pages=(
  "advice|/?description=a+fast+REST+API+in+Go+or+Rust+on+Lambda%2C+type+safety+matters+too"
  "catalog|/catalog?sort=performance"
  "framework|/catalog/fastapi"
  "compare|/versus?ids=django,fastapi,gin,spring-boot&priorities=performance,productivity"
  "questions|/questions?q=fastest+python+framework"
)
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile"

echo "| page | performance | accessibility | best practices | SEO | transferred |"
echo "|---|---:|---:|---:|---:|---:|"
for entry in "${pages[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  "$lighthouse" "$base$path" --quiet --chrome-flags="$flags" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$reports/$name.json" >/dev/null 2>"$reports/$name.log" \
    || { echo "lighthouse failed on $path; see $reports/$name.log" >&2; exit 1; }
  python3 - "$reports/$name.json" "$name" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
score = lambda key: round(report["categories"][key]["score"] * 100)
weight = report["audits"]["total-byte-weight"]["numericValue"]
print(f"| {sys.argv[2]} | {score('performance')} | {score('accessibility')} | "
      f"{score('best-practices')} | {score('seo')} | {weight / 1024:.1f} KB |")
PY
done
