#!/usr/bin/env bash
# Deploy rehearsal: apply the whole stack to a throwaway moto server, seed it when the root
# Makefile has a seed target, then lift deletion protection and destroy, as `make destroy` does.
# Uses the committed fixture zips and its own state and data dir, so the real workspace is untouched.
set -euo pipefail

infra_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo_root=$(cd "$infra_dir/.." && pwd)
terraform=${TERRAFORM:-terraform}
arch=${ARCH:-arm64}
make_cmd=${MAKE_CMD:-make}
region=us-east-1

root=$repo_root
source "$repo_root/tests/lib/servers.sh"
work=$(mktemp -d)
cleanup() {
  stop_started
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

start_moto "$work/moto.log"
endpoint=$moto_url
echo "rehearsal: moto server on $endpoint (pid $moto_pid)"

unset AWS_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN
export AWS_ACCESS_KEY_ID=rehearsal AWS_SECRET_ACCESS_KEY=rehearsal
export AWS_REGION=$region AWS_DEFAULT_REGION=$region
export TF_DATA_DIR="$work/.terraform" TF_IN_AUTOMATION=1

tf() { "$terraform" -chdir="$infra_dir" "$@"; }
tf_vars=(
  -var "aws_endpoint_url=$endpoint"
  -var "aws_region=$region"
  -var "architecture=$arch"
  -var "artifacts_dir=$infra_dir/tests/fixtures/$arch"
  # moto has no CloudFront cache, origin request or response headers policies; terraform test
  # covers the distribution against the mocked provider instead.
  -var "enable_cdn=false"
)

tf init -input=false -backend-config="path=$work/terraform.tfstate" >"$work/init.log" \
  || { cat "$work/init.log"; exit 1; }

tf apply -input=false -auto-approve -no-color "${tf_vars[@]}" | tee "$work/apply.log" | grep -E '^(Apply complete|Error|Warning)' || true
grep -q '^Apply complete' "$work/apply.log" || { cat "$work/apply.log"; exit 1; }

# A second plan must find nothing to change (apart from what moto does not store).
tf plan -input=false -no-color -out="$work/replan.tfplan" "${tf_vars[@]}" >"$work/replan.log" \
  || { cat "$work/replan.log"; exit 1; }
tf show -json "$work/replan.tfplan" | python3 "$infra_dir/scripts/check_replan.py"

outputs=$(tf output -json)
frameworks_table=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["table_names"]["value"]["frameworks"])' <<<"$outputs")
faq_table=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["table_names"]["value"]["faq"])' <<<"$outputs")
api_id=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["api_id"]["value"])' <<<"$outputs")

if (cd "$repo_root" && $make_cmd -n seed >/dev/null 2>&1); then
  echo "rehearsal: seeding $frameworks_table and $faq_table"
  (cd "$repo_root" && $make_cmd seed FRAMEWORKS_TABLE="$frameworks_table" FAQ_TABLE="$faq_table" \
    AWS_ENDPOINT_URL="$endpoint" AWS_REGION="$region")
else
  echo "rehearsal: no seed target in the Makefile yet; tables stay empty"
fi

python3 - "$endpoint" "$region" "$api_id" "$repo_root/shared/routes.json" "$frameworks_table" "$faq_table" <<'EOF'
import json
import sys
import boto3

endpoint, region, api_id, routes_json, *tables = sys.argv[1:]
dynamodb = boto3.client("dynamodb", endpoint_url=endpoint, region_name=region)
for table in tables:
    count = dynamodb.scan(TableName=table, Select="COUNT")["Count"]
    print(f"rehearsal: {table}: {count} items")

routes = boto3.client("apigatewayv2", endpoint_url=endpoint, region_name=region).get_routes(ApiId=api_id)["Items"]
print(f"rehearsal: API {api_id} serves {len(routes)} routes: "
      + ", ".join(sorted(f"{r['RouteKey']} [{r.get('AuthorizationType', 'NONE')}]" for r in routes)))
with open(routes_json) as table:
    expected = {f"{r['method']} {r['path']}" for r in json.load(table)["routes"]}
deployed = {r["RouteKey"] for r in routes}
if deployed != expected:
    sys.exit(f"rehearsal: deployed routes differ from shared/routes.json: "
             f"missing {sorted(expected - deployed)}, unexpected {sorted(deployed - expected)}")
EOF

tf apply -input=false -auto-approve -no-color "${tf_vars[@]}" -var deletion_protection=false \
  -target=aws_dynamodb_table.frameworks -target=aws_dynamodb_table.faq >"$work/unprotect.log" \
  || { cat "$work/unprotect.log"; exit 1; }
echo "rehearsal: deletion protection lifted"

tf destroy -input=false -auto-approve -no-color "${tf_vars[@]}" -var deletion_protection=false \
  | tee "$work/destroy.log" | grep -E '^(Destroy complete|Error|Warning)' || true
grep -q '^Destroy complete' "$work/destroy.log" || { cat "$work/destroy.log"; exit 1; }

left=$(tf state list | wc -l)
if [[ $left -ne 0 ]]; then
  echo "rehearsal: $left resources left in state after destroy" >&2
  exit 1
fi
echo "rehearsal: passed (apply, seed, destroy against moto)"
