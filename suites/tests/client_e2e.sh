#!/usr/bin/env bash
# Client conformance end to end (docs/client-conformance.md): the reference server grades the
# clients that talk to it. Each client's traffic goes through a grading session of a lenient
# server (so quirks are accepted and named), and `scim-conformance client-report` fetches the
# verdict and writes every report format:
#   entra: the runner's own Entra-shaped traffic (--profile entra): Entra's known deviations;
#   okta:  the runner's Okta-shaped traffic (--profile okta): Okta's;
#   clean: a client written to the RFC (curl): no findings, exit 0;
#   sloppy: curl with a connector's usual mistakes (an "id" on POST, "op": "Replace", an
#          unquoted filter, a token in the query string, a retry right after a 429).
# Usage: client_e2e.sh SERVER_BINARY CONFORMANCE_BINARY
set -euo pipefail
server=$1
conformance=$2
workdir=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$workdir"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

export CLIENT_E2E_ADMIN="admin-$RANDOM$RANDOM"
token="scim-$RANDOM$RANDOM"
"$server" --bind 127.0.0.1 --port 0 --token "$token" --admin-token "$CLIENT_E2E_ADMIN" --lenient \
  >"$workdir/server.out" 2>"$workdir/server.err" &
server_pid=$!
for _ in $(seq 1 100); do
  url=$(grep -m1 -o 'listening on http://[^ ]*' "$workdir/server.out" 2>/dev/null) && break
  sleep 0.05
done
base=${url#listening on }
root=${base%/scim/v2}
admin=(-s -H "Authorization: Bearer $CLIENT_E2E_ADMIN" -H "Content-Type: application/json")
scim=(-s -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/scim+json"
      -H "Accept: application/scim+json")

session() {  # start NAME | end NAME
  local path=$root/admin/v1/tenants/default/sessions
  if [[ $1 == start ]]; then
    curl "${admin[@]}" -f -o /dev/null -X POST "$path" -d "{\"name\": \"$2\", \"maxRequests\": 5000}"
  else
    curl "${admin[@]}" -f -o /dev/null -X POST "$path/$2/end"
  fi
}

# Grades session $1 into $workdir/$1.*; prints the exit code of client-report.
grade() {
  local status=0
  "$conformance" client-report --server "$root" --admin-token-env CLIENT_E2E_ADMIN --session "$1" \
    --json "$workdir/$1.json" --html "$workdir/$1.html" --junit "$workdir/$1.xml" \
    --md "$workdir/$1.md" >"$workdir/$1.out" 2>&1 || status=$?
  echo "$status"
}

outcome() {  # outcome SESSION CHECK_ID
  jq -r --arg id "$2" '.checks[] | select(.id == $id) | .outcome' "$workdir/$1.json"
}

expect_outcome() {  # SESSION CHECK_ID OUTCOME
  local got
  got=$(outcome "$1" "$2")
  [[ $got == "$3" ]] || { cat "$workdir/$1.out" >&2; fail "$1: $2 is '$got', expected '$3'"; }
}

user='{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "USER"}'

# ---- The runner's Entra- and Okta-shaped traffic.
for profile in entra okta; do
  session start "$profile"
  "$conformance" run --base-url "$base" --token "$token" --profile "$profile" \
    --only "profile-$profile/*" >"$workdir/$profile.run" 2>&1 || fail "$profile profile run failed"
  session end "$profile"
  status=$(grade "$profile")
  [[ $status == 1 ]] || { cat "$workdir/$profile.out" >&2; fail "$profile: exit $status, expected 1"; }
done
grep -q "recognised Entra ID quirks" "$workdir/entra.json" || fail "entra: Entra ID not recognised"
expect_outcome entra client-rfc7644/3.5.2/op-values failed
expect_outcome entra client-rfc7643/2.3.2/boolean-literal failed
grep -q "Entra ID sends this" "$workdir/entra.json" || fail "entra: findings do not name Entra ID"
grep -q "recognised Okta quirks" "$workdir/okta.json" || fail "okta: Okta not recognised"
expect_outcome okta client-rfc7643/7/mutability failed

# ---- A clean client, written to the RFC.
session start clean
loc=$(curl "${scim[@]}" -w '%{redirect_url}%header{location}' -X POST "$base/Users" \
  -d "${user/USER/clean-1}")
etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" \
  -H "Accept: application/scim+json" "$loc" | tr -d '\r' | awk 'tolower($1)=="etag:" {print $2}')
curl "${scim[@]}" -H "If-Match: $etag" -X PATCH "$loc" \
  -d '{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
       "Operations": [{"op": "replace", "path": "nickName", "value": "Cleo"}]}'
curl "${scim[@]}" "$base/Users?filter=userName%20eq%20%22clean-1%22&startIndex=1&count=10"
curl "${scim[@]}" -X POST "$base/Bulk" \
  -d '{"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
        {"method": "POST", "path": "/Users", "bulkId": "b1",
         "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "clean-2"}}]}'
session end clean
status=$(grade clean)
[[ $status == 0 ]] || { cat "$workdir/clean.out" >&2; fail "clean: exit $status, expected 0"; }
[[ $(jq '[.checks[] | select(.outcome == "failed" or .outcome == "warning")] | length' \
     "$workdir/clean.json") == 0 ]] || { cat "$workdir/clean.out" >&2; fail "clean: findings"; }

# ---- A sloppy client: one mistake of each kind a connector makes.
curl "${admin[@]}" -f -o /dev/null -X POST "$root/admin/v1/tenants/default/faults" \
  -d '{"id": "throttle", "type": "rateLimit", "method": "GET", "path": "/Groups",
       "retryAfterSeconds": 2, "times": 1}'
session start sloppy
curl "${scim[@]}" -X POST "$base/Users" \
  -d '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "sloppy-1",
       "id": "my-own-id", "active": "False"}'
id=$(curl -s -H "Authorization: Bearer $token" "$base/Users?filter=userName%20eq%20%22sloppy-1%22" |
  jq -r '.Resources[0].id')
curl "${scim[@]}" -X PATCH "$base/Users/$id" \
  -d '{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
       "Operations": [{"op": "Replace", "path": "nickName", "value": "S"}]}'
curl "${scim[@]}" "$base/Users?filter=userName%20eq%20sloppy-1"
curl "${scim[@]}" "$base/Users?access_token=$token"
curl "${scim[@]}" "$base/Groups"   # 429, Retry-After: 2
curl "${scim[@]}" "$base/Groups"   # at once: too soon
session end sloppy
status=$(grade sloppy)
[[ $status == 1 ]] || { cat "$workdir/sloppy.out" >&2; fail "sloppy: exit $status, expected 1"; }
expect_outcome sloppy client-rfc7643/3.1/no-client-id failed
expect_outcome sloppy client-rfc7643/2.3.2/boolean-literal failed
expect_outcome sloppy client-rfc7644/3.5.2/op-values failed
expect_outcome sloppy client-rfc7644/3.4.2.2/filter-grammar failed
expect_outcome sloppy client-rfc7644/7.5.2/no-secrets-in-uri warning
expect_outcome sloppy client-rfc9110/10.2.3/retry-after warning
for f in sloppy.html sloppy.json sloppy.xml sloppy.md; do
  grep -q "$token" "$workdir/$f" && fail "$f shows the client's token"
done
grep -q "<testsuite" "$workdir/sloppy.xml" || fail "no JUnit report"
grep -q "client-rfc7643/3.1/no-client-id" "$workdir/sloppy.md" || fail "no Markdown report"
for s in entra okta clean sloppy; do echo "$s: $(head -n 1 "$workdir/$s.out")"; done
echo "client conformance e2e: ok"
