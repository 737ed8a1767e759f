#!/usr/bin/env bash
# The docs/mock.md walkthrough, run by CTest (mock_walkthrough, label e2e) with curl and jq:
# start the server with an admin token, create a tenant, point a client at it, inject a 429,
# read the journal, change a setting, reset, export. Each step checks what the page says it
# shows, so the page and the server cannot drift apart.
#   mock_walkthrough.sh SERVER
# Starts the server on 127.0.0.1 port 0, reads its "listening on URL" line, and stops only the
# PID it started.
set -euo pipefail

server=${1:?path to scim-reference-server}
workdir=$(mktemp -d)
server_pid=""

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

fail() {
  echo "walkthrough: FAILED: $*" >&2
  exit 1
}
expect() {  # expect WHAT EXPECTED ACTUAL
  [[ "$2" == "$3" ]] || fail "$1: expected '$2', got '$3'"
  echo "ok: $1 = $3"
}

# ---- 1. Start the server with an admin token.
"$server" --bind 127.0.0.1 --port 0 --admin-token admin-secret \
  >"$workdir/server.out" 2>"$workdir/server.err" &
server_pid=$!
for _ in $(seq 1 100); do
  if url=$(grep -m1 -o 'listening on http://[^ ]*' "$workdir/server.out" 2>/dev/null); then
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.05
done
[[ -n "${url:-}" ]] || { cat "$workdir/server.err" >&2; fail "no 'listening on' line"; }
base=${url#listening on }
root=${base%/scim/v2}
ADMIN=(-H "Authorization: Bearer admin-secret" -H "Content-Type: application/json")

# ---- 2. Create a tenant with a bearer token.
code=$(curl -s -o "$workdir/tenant.json" -w '%{http_code}' "${ADMIN[@]}" \
  -X POST "$root/admin/v1/tenants" -d '{"name": "acme", "tokens": ["acme-token"]}')
expect "create tenant status" 201 "$code"
expect "tenant base path" /tenants/acme/scim/v2 "$(jq -r .basePath "$workdir/tenant.json")"
scim="$root/tenants/acme/scim/v2"
TENANT=(-H "Authorization: Bearer acme-token" -H "Content-Type: application/scim+json")

# ---- 3. Point a client at it.
code=$(curl -s -o "$workdir/user.json" -w '%{http_code}' "${TENANT[@]}" -X POST "$scim/Users" \
  -d '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "bjensen"}')
expect "POST /Users status" 201 "$code"
id=$(jq -r .id "$workdir/user.json")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer acme-token" \
  "$root/admin/v1/tenants")
expect "a SCIM token on the admin API" 403 "$code"

# ---- 4. Inject a 429 for the next POST to /Users.
code=$(curl -s -o /dev/null -w '%{http_code}' "${ADMIN[@]}" -X POST \
  "$root/admin/v1/tenants/acme/faults" \
  -d '{"id": "throttle", "type": "rateLimit", "method": "POST", "path": "/Users",
       "retryAfterSeconds": 2, "times": 1}')
expect "add fault status" 201 "$code"
curl -s -D "$workdir/h429" -o /dev/null "${TENANT[@]}" -X POST "$scim/Users" \
  -d '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "jsmith"}'
expect "throttled status" 429 "$(awk 'NR==1 {print $2}' "$workdir/h429")"
expect "Retry-After" 2 "$(grep -i '^retry-after:' "$workdir/h429" | tr -d '\r' | awk '{print $2}')"
code=$(curl -s -o /dev/null -w '%{http_code}' "${TENANT[@]}" -X POST "$scim/Users" \
  -d '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "jsmith"}')
expect "the retry" 201 "$code"

# ---- 5. Read the journal: the POSTs the client sent, with what it got back.
curl -s "${ADMIN[@]}" "$root/admin/v1/tenants/acme/journal?method=POST&path=/Users" \
  >"$workdir/journal.json"
expect "journaled POSTs" "201 429 201" \
  "$(jq -r '[.entries[].response.status] | map(tostring) | join(" ")' "$workdir/journal.json")"
expect "fault named in the journal" true \
  "$(jq '.entries[1].fault | contains("throttle")' "$workdir/journal.json")"
expect "credentials redacted" "Bearer [redacted]" \
  "$(jq -r '.entries[0].request.headers.authorization' "$workdir/journal.json")"
expect "fault counter" 1 \
  "$(curl -s "${ADMIN[@]}" "$root/admin/v1/tenants/acme/faults/throttle" | jq .injected)"

# ---- 6. Change a setting at run time: pages of at most 1, shown in ServiceProviderConfig.
curl -s -o /dev/null "${ADMIN[@]}" -X PATCH "$root/admin/v1/tenants/acme/settings" \
  -d '{"maxResults": 1}'
expect "maxResults advertised" 1 \
  "$(curl -s "${TENANT[@]}" "$scim/ServiceProviderConfig" | jq .filter.maxResults)"
expect "page size" 1 "$(curl -s "${TENANT[@]}" "$scim/Users" | jq .itemsPerPage)"

# ---- 7. Switch to PATCH answering 204 (RFC 7644 §3.5.2), as some applications do.
curl -s -o /dev/null "${ADMIN[@]}" -X PATCH "$root/admin/v1/tenants/acme/settings" \
  -d '{"patchStatus": 204}'
code=$(curl -s -o /dev/null -w '%{http_code}' "${TENANT[@]}" -X PATCH "$scim/Users/$id" \
  -d '{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
       "Operations": [{"op": "replace", "path": "nickName", "value": "Babs"}]}')
expect "PATCH status" 204 "$code"
expect "PATCH applied" Babs "$(curl -s "${TENANT[@]}" "$scim/Users/$id" | jq -r .nickName)"
expect "variant in the journal" patch-204 \
  "$(curl -s "${ADMIN[@]}" "$root/admin/v1/tenants/acme/journal?method=PATCH" \
     | jq -r '.entries[-1].variants[0]')"

# ---- 8. Export, reset, import.
curl -s "${ADMIN[@]}" "$root/admin/v1/tenants/acme/export" >"$workdir/export.json"
expect "exported users" 2 "$(jq '.Users | length' "$workdir/export.json")"
curl -s -o /dev/null "${ADMIN[@]}" -X POST "$root/admin/v1/tenants/acme/reset"
expect "users after reset" 0 "$(curl -s "${TENANT[@]}" "$scim/Users" | jq .totalResults)"
expect "settings kept" 1 \
  "$(curl -s "${TENANT[@]}" "$scim/ServiceProviderConfig" | jq .filter.maxResults)"
code=$(curl -s -o /dev/null -w '%{http_code}' "${ADMIN[@]}" -X POST \
  "$root/admin/v1/tenants/acme/import?mode=replace" --data-binary @"$workdir/export.json")
expect "import status" 200 "$code"
expect "same id after import" "$id" \
  "$(curl -s "${TENANT[@]}" "$scim/Users/$id" | jq -r .id)"

# ---- 9. Delete the tenant: its token stops working at once.
curl -s -o /dev/null "${ADMIN[@]}" -X DELETE "$root/admin/v1/tenants/acme"
expect "deleted tenant's token" 401 \
  "$(curl -s -o /dev/null -w '%{http_code}' "${TENANT[@]}" "$scim/Users")"
echo "walkthrough: every step as docs/mock.md says"
