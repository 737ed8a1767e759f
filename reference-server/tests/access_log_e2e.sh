#!/usr/bin/env bash
# The access log of the real binary (docs/observability.md), run by CTest (access_log_e2e,
# label e2e): --log-format json writes one JSON line per request on stderr with the request id
# the response echoed, tenant, method, path, status, duration and bytes, and never the bearer
# token, the Basic password, a query string or a body. --log-level warn silences it.
#   access_log_e2e.sh SERVER
set -euo pipefail

server=${1:?path to scim-reference-server}
workdir=$(mktemp -d)
source "$(dirname "$0")/server_helpers.sh"
fail() {
  echo "access_log_e2e: FAILED: $*" >&2
  exit 1
}


start_server "$server" --token tok-SECRET-123=acme --basic bob:pw-SECRET-456=acme \
  --log-format json
curl -s -D "$workdir/h1" -o /dev/null -H "Authorization: Bearer tok-SECRET-123" \
  -H "Content-Type: application/scim+json" -H "X-Request-Id: client-req-42" -X POST \
  "$base/Users?access_token=query-SECRET-789" \
  -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen","password":"body-SECRET-000"}'
curl -s -D "$workdir/h2" -o /dev/null -u bob:pw-SECRET-456 "$base/Users"
stop_server
grep -qi '^x-request-id: client-req-42' "$workdir/h1" || fail "the client's X-Request-Id is not echoed"
generated=$(grep -i '^x-request-id:' "$workdir/h2" | tr -d '\r' | awk '{print $2}')
[[ ${#generated} == 36 ]] || fail "no generated X-Request-Id (got '$generated')"

grep '"msg":"access"' "$workdir/server.err" >"$workdir/access" || fail "no access-log lines"
[[ $(wc -l <"$workdir/access") == 2 ]] || fail "expected 2 access lines, got $(wc -l <"$workdir/access")"
jq -e -s 'map(select(.request_id == "client-req-42")) | length == 1 and (.[0] |
  .method == "POST" and .path == "/scim/v2/Users" and .status == 201 and .tenant == "acme"
  and .bytes_in > 0 and .bytes_out > 0 and (.duration_ms | type == "number"))' \
  "$workdir/access" >/dev/null ||
  fail "the POST line lacks its fields: $(head -1 "$workdir/access")"
jq -e -s --arg id "$generated" 'map(select(.request_id == $id)) | length == 1 and .[0].status == 200' \
  "$workdir/access" >/dev/null || fail "the generated id is not the logged one"
basic64=$(printf 'bob:pw-SECRET-456' | base64)
for secret in tok-SECRET-123 pw-SECRET-456 "$basic64" query-SECRET-789 body-SECRET-000 bjensen \
  Basic Bearer; do
  grep -q -- "$secret" "$workdir/server.err" && fail "'$secret' appears in the log"
done
echo "ok: JSON access lines with request id, tenant, method, path, status, duration, bytes; no secrets"

start_server "$server" --token tok-SECRET-123=acme --log-level warn
curl -s -o /dev/null -H "Authorization: Bearer tok-SECRET-123" "$base/Users"
stop_server
grep -q 'access' "$workdir/server.err" && fail "--log-level warn still writes access lines"
echo "ok: --log-level warn silences the access log"
