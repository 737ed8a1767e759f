#!/usr/bin/env bash
# /openapi.json checked by a maintained validator, run by CTest (openapi_validate, label e2e):
# the server runs with a custom resource type and the admin API; the document is validated by
# @readme/openapi-parser (reference-server/tests/js, pinned in package-lock.json, installed by
# `npm ci`), then checked for what the issue asks: the custom type's paths and attributes, both
# security schemes, the admin API, and RFC 7644 examples.
#   openapi_e2e.sh SERVER
set -euo pipefail

server=${1:?path to scim-reference-server}
here=$(cd "$(dirname "$0")" && pwd)
workdir=$(mktemp -d)
source "$here/server_helpers.sh"
fail() {
  echo "openapi_e2e: FAILED: $*" >&2
  exit 1
}
[[ -d "$here/js/node_modules/@readme/openapi-parser" ]] ||
  fail "run 'npm ci' in reference-server/tests/js first (ci/test.sh does)"

# A custom resource type (RFC 7643 §6) with its own schema (§7).
cat >"$workdir/widget-schema.json" <<'JSON'
{"id": "urn:example:params:scim:schemas:Widget", "name": "Widget",
 "description": "A test widget",
 "attributes": [
   {"name": "serial", "type": "string", "multiValued": false, "required": true,
    "caseExact": true, "mutability": "readWrite", "returned": "default", "uniqueness": "server",
    "description": "Serial number"},
   {"name": "weightGrams", "type": "integer", "multiValued": false, "required": false,
    "caseExact": false, "mutability": "readWrite", "returned": "default", "uniqueness": "none",
    "description": "Weight"}]}
JSON
cat >"$workdir/widget-type.json" <<'JSON'
{"id": "Widget", "name": "Widget", "endpoint": "/Widgets", "description": "Widgets",
 "schema": "urn:example:params:scim:schemas:Widget"}
JSON

start_server "$server" --admin-token admin-secret --basic alice:pw=default \
  --schema "$workdir/widget-schema.json" --resource-type "$workdir/widget-type.json"

doc="$workdir/openapi.json"
curl -sf -o "$doc" "$root/openapi.json" || fail "GET /openapi.json"
node "$here/js/validate_openapi.mjs" "$doc" || fail "the validator rejects /openapi.json"

check() {  # check WHAT JQ-EXPRESSION (must print true)
  [[ "$(jq -r "$2" "$doc")" == true ]] || fail "$1 ($2)"
  echo "ok: $1"
}
check "OpenAPI 3.1" '.openapi == "3.1.0"'
check "custom resource type paths" '.paths | has("/scim/v2/Widgets") and has("/scim/v2/Widgets/{id}")'
check "custom schema attributes" \
  '.components.schemas["urn_example_params_scim_schemas_Widget"].properties.weightGrams.type == "integer"'
check "custom type required attribute" \
  '.components.schemas["urn_example_params_scim_schemas_Widget"].required == ["serial"]'
check "built-in types" '.paths | has("/scim/v2/Users/{id}") and has("/scim/v2/Groups")'
check "bearer, basic and admin schemes" \
  '.components.securitySchemes | has("bearer") and has("basic") and has("adminToken")'
check "admin API behind the admin token" \
  '.paths["/admin/v1/tenants"].get.security == [{"adminToken": []}]'
check "SCIM behind bearer or basic" \
  '.paths["/scim/v2/Users"].post.security == [{"bearer": []}, {"basic": []}]'
check "discovery is public" '.paths["/scim/v2/ServiceProviderConfig"].get.security == []'
check "RFC 7644 §3.3 example" \
  '.paths["/scim/v2/Users"].post.requestBody.content["application/scim+json"].example.userName == "bjensen"'
check "operator endpoints" '.paths | has("/metrics") and has("/ready") and has("/health")'
