#!/usr/bin/env bash
# Generated clients work: fetch the document the local server serves, generate a Python client
# (openapi-python-client) and a TypeScript one (openapi-typescript types + openapi-fetch), and
# drive every operation through each against that server, writes allowed.
# Needs `make tools-venv tools-node` (the Makefile target does that first).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

tools_dir=${TOOLS_DIR:-$HOME/.cache/stack-advisor}
venv=$tools_dir/venv
node_dir=$tools_dir/node
source tests/lib/servers.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/stack-advisor-clients.XXXXXX")
cleanup() {
  stop_started
  rm -rf "$work"
}
trap cleanup EXIT

# The same debug build the contract test uses, so make test compiles it once.
start_local_server debug "$work/server.log" ALLOW_LOCAL_WRITES=true
base=$local_server_url
python3 -c 'import sys, urllib.request; open(sys.argv[2], "wb").write(urllib.request.urlopen(sys.argv[1]).read())' \
  "$base/openapi.json" "$work/openapi.json"

echo "== openapi-python-client $("$venv/bin/pip" show openapi-python-client | sed -n 's/^Version: //p')"
"$venv/bin/openapi-python-client" generate --path "$work/openapi.json" --meta none \
  --config tests/clients/python-client.yml --output-path "$work/python/stack_advisor_client" \
  >"$work/python-generate.log" 2>&1 || { cat "$work/python-generate.log"; exit 1; }
# A schema or an operation the generator cannot express is a warning, and an operation left
# out of the client: any output beyond "Generating <path>" fails the test.
if grep -v '^Generating ' "$work/python-generate.log" | grep -q .; then
  cat "$work/python-generate.log"
  exit 1
fi
PYTHONPATH="$work/python" "$venv/bin/python" tests/clients/drive_python.py "$base"

echo "== openapi-typescript $(node -p "require('$node_dir/node_modules/openapi-typescript/package.json').version")," \
  "openapi-fetch $(node -p "require('$node_dir/node_modules/openapi-fetch/package.json').version")"
ts=$work/typescript
mkdir -p "$ts"
"$node_dir/node_modules/.bin/openapi-typescript" "$work/openapi.json" -o "$ts/schema.d.ts" >"$work/ts-generate.log" 2>&1 \
  || { cat "$work/ts-generate.log"; exit 1; }
cp tests/clients/drive_typescript.ts "$ts/"
ln -s "$node_dir/node_modules" "$ts/node_modules"
printf '{ "type": "module" }\n' >"$ts/package.json"
cat >"$ts/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "strict": true,
    "noUncheckedIndexedAccess": false,
    "target": "es2022",
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "lib": ["es2022", "dom"],
    "skipLibCheck": true
  },
  "files": ["drive_typescript.ts", "schema.d.ts"]
}
EOF
"$node_dir/node_modules/.bin/tsc" -p "$ts"
node "$ts/drive_typescript.js" "$base"
