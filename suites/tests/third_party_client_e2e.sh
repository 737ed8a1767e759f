#!/usr/bin/env bash
# A third-party client graded (docs/client-conformance.md, "A third-party client"): the SCIM API
# of the Langfuse JS client (@langfuse/client 5.11.1, pinned in suites/tests/js/package-lock.json,
# installed by `npm ci` in ci/test.sh) runs against a lenient reference server inside a grading
# session that asks for both profiles, and its verdict is asserted: the findings are the library's
# own (no "schemas" on create, application/json, HTTP Basic), and it honours Retry-After.
# Usage: third_party_client_e2e.sh SERVER_BINARY CONFORMANCE_BINARY
set -euo pipefail
server=$1
conformance=$2
js=$(cd "$(dirname "$0")/js" && pwd)
[[ -d $js/node_modules/@langfuse/client ]] ||
  { echo "FAIL: @langfuse/client is not installed: (cd suites/tests/js && npm ci)" >&2; exit 1; }
workdir=$(mktemp -d)
source "$(dirname "$0")/server_lib.sh"
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

export THIRD_PARTY_E2E_ADMIN="admin-$RANDOM$RANDOM"
token="scim-$RANDOM$RANDOM"
secret="sk-lf-$RANDOM$RANDOM"
# The library appends /api/public/scim/... to its base URL and authenticates with HTTP Basic
# (public key : secret key).
start_server --base-path /api/public/scim --basic "pk-lf:$secret=default" \
  --admin-token "$THIRD_PARTY_E2E_ADMIN" --lenient
root=${base_url%/api/public/scim}
admin=(-s -f -o /dev/null -H "Authorization: Bearer $THIRD_PARTY_E2E_ADMIN"
       -H "Content-Type: application/json")
tenant=$root/admin/v1/tenants/default

# The first user lookup is throttled once (429, Retry-After: 1): the library's retry is graded.
curl "${admin[@]}" -X POST "$tenant/faults" \
  -d '{"id": "throttle", "type": "rateLimit", "method": "GET", "path": "/Users",
       "retryAfterSeconds": 1, "times": 1}'
curl "${admin[@]}" -X POST "$tenant/sessions" \
  -d '{"name": "langfuse", "profiles": ["interop", "ipsie-al1"]}'
node "$js/langfuse_scim_client.mjs" "$root" pk-lf "$secret" >"$workdir/client.out" 2>&1 ||
  { cat "$workdir/client.out" >&2; fail "the driver failed"; }
curl "${admin[@]}" -X POST "$tenant/sessions/langfuse/end"
status=0
"$conformance" client-report --server "$root" --admin-token-env THIRD_PARTY_E2E_ADMIN \
  --session langfuse --json "$workdir/langfuse.json" --md "$workdir/langfuse.md" \
  --html "$workdir/langfuse.html" >"$workdir/report.out" 2>&1 || status=$?
[[ $status == 1 ]] || { cat "$workdir/report.out" >&2; fail "exit $status, expected 1"; }

# Exactly the library's three findings fail; everything it did do is graded and passes.
failed=$(jq -r '[.checks[] | select(.outcome == "failed") | .id] | sort | join(" ")' \
  "$workdir/langfuse.json")
expected="client-interop/6.2/content-type client-ipsie-al1/3.1/bearer-token client-rfc7643/3/schemas"
[[ $failed == "$expected" ]] || { cat "$workdir/client.out" >&2; fail "failed: $failed"; }
outcome() { jq -r --arg id "$1" '.checks[] | select(.id == $id) | .outcome' "$workdir/langfuse.json"; }
for id in client-rfc9110/10.2.3/retry-after client-rfc9110/10.2.3/bounded-retries \
          client-rfc7644/3.4.2.2/filter-grammar client-interop/6.3/eq-and-only \
          client-interop/6.2/user-agent; do
  [[ $(outcome "$id") == passed ]] || fail "$id is $(outcome "$id"), expected passed"
done
[[ $(jq '[.checks[] | select(.outcome == "warning")] | length' "$workdir/langfuse.json") == 0 ]] ||
  fail "unexpected warnings"
grep -q '"call":"createUser","ok":false,"status":400' "$workdir/client.out" ||
  fail "the lenient server accepted a create without schemas"
sdk=$(jq -r '.checks[] | select(.id == "client-rfc7643/3/schemas") | .exchanges[0].requestHeaders[]
              | select(.name == "x-langfuse-sdk-version") | .value' "$workdir/langfuse.json")
[[ $sdk == 5.11.1 ]] || fail "the report does not show the library's own request (sdk '$sdk')"
grep -q "$secret" "$workdir/langfuse.json" "$workdir/langfuse.md" "$workdir/langfuse.html" &&
  fail "a report shows the client's secret"
echo "langfuse: $(head -n 1 "$workdir/report.out")"
echo "third-party client e2e: ok"
