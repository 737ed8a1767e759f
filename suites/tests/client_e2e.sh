#!/usr/bin/env bash
# Client conformance end to end (docs/client-conformance.md): the reference server grades the
# clients that talk to it. Each client's traffic goes through a grading session of a lenient
# server (so quirks are accepted and named), and `scim-conformance client-report` fetches the
# verdict and writes every report format:
#   entra: the runner's own Entra-shaped traffic (--profile entra): Entra's known deviations;
#   okta:  the runner's Okta-shaped traffic (--profile okta): Okta's;
#   clean: a client written to the RFC (curl): no findings, exit 0;
#   sloppy: curl with a connector's usual mistakes (an "id" on POST, "op": "Replace", an
#          unquoted filter, a token in the query string, a retry right after a 429);
#   profile-clean, profile-sloppy: sessions that ask for the interop and IPSIE AL1 profiles'
#          client checks, a client keeping and one breaking the profiles' client rules;
#   paging-stops, paging-reads-on: a client that reads a partial list as whole, one that pages.
# Usage: client_e2e.sh SERVER_BINARY CONFORMANCE_BINARY
set -euo pipefail
server=$1
conformance=$2
workdir=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [[ -n "${CLIENT_E2E_KEEP:-}" ]] && cp -r "$workdir" "$CLIENT_E2E_KEEP"; rm -rf "$workdir"
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

session() {  # start NAME [MORE_JSON_MEMBERS] | end NAME
  local path=$root/admin/v1/tenants/default/sessions
  if [[ $1 == start ]]; then
    curl "${admin[@]}" -f -o /dev/null -X POST "$path" \
      -d "{\"name\": \"$2\", \"maxRequests\": 5000${3:+, $3}}"
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
[[ $(jq '[.checks[] | select(.id | startswith("client-interop/"))] | length' \
     "$workdir/clean.json") == 0 ]] || fail "clean: profile checks graded in a session without profiles"
# The same traffic graded afterwards against the interop profile (--profile): the RFC client's
# If-Match, which the profile forbids, fails the interop verdict and not the RFC one.
status=0
"$conformance" client-report --server "$root" --admin-token-env CLIENT_E2E_ADMIN --session clean \
  --profile interop --json "$workdir/clean-interop.json" >"$workdir/clean-interop.out" 2>&1 ||
  status=$?
[[ $status == 1 ]] || { cat "$workdir/clean-interop.out" >&2; fail "clean as interop: exit $status"; }
[[ $(jq -r '.verdicts.RFC.verdict + " " + .verdicts.interop.verdict' \
     "$workdir/clean-interop.json") == "PASS FAIL" ]] || fail "clean as interop: verdicts"
[[ $(jq -r '[.checks[] | select(.outcome == "failed") | .id] | join(" ")' \
     "$workdir/clean-interop.json") == client-interop/6.7/no-conditional-headers ]] ||
  fail "clean as interop: not exactly the conditional-header rule failed"
curl "${admin[@]}" -o /dev/null -w '%{http_code}' \
  "$root/admin/v1/tenants/default/sessions/clean/report?profiles=oidc" | grep -qx 400 ||
  fail "an unknown profile in ?profiles= is not a 400"

# ---- The profiles' client rules (interop, IPSIE AL1): a session that asks for both profiles.
profiles='"profiles": ["interop", "ipsie-al1"]'
group='{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "NAME"}'
patch_op() {  # the PatchOp body of the operations $1
  printf '{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [%s]}' "$1"
}
# The clean client of both profiles: eq/and filters, PATCH with a path, no conditional headers,
# IPSIE's member shapes (removing one member by "members[value eq ...]" is IPSIE's form but a
# whole-element filter path, which interop §6.5.2.2 prohibits, so it removes with "members").
session start profile-clean "$profiles"
scim_read=(-s -H "Authorization: Bearer $token" -H "Content-Type: application/scim+json"
           -H "Accept: application/scim+json")
uid=$(curl "${scim_read[@]}" -X POST "$base/Users" -d "${user/USER/pc-1}" | jq -r .id)
gid=$(curl "${scim_read[@]}" -X POST "$base/Groups" -d "${group/NAME/pc-group}" | jq -r .id)
[[ $uid != null && $gid != null ]] || fail "profile-clean: could not create a user and a group"
curl "${scim[@]}" "$base/Users?filter=userName%20eq%20%22pc-1%22%20and%20active%20eq%20true"
curl "${scim[@]}" -X PATCH "$base/Users/$uid" \
  -d "$(patch_op '{"op": "replace", "path": "nickName", "value": "P"}')"
curl "${scim[@]}" -X PATCH "$base/Groups/$gid" \
  -d "$(patch_op '{"op": "add", "path": "members", "value": [{"value": "'"$uid"'"}]}')"
curl "${scim[@]}" -X PATCH "$base/Groups/$gid" \
  -d "$(patch_op '{"op": "remove", "path": "members"}')"
session end profile-clean
status=$(grade profile-clean)
[[ $status == 0 ]] || { cat "$workdir/profile-clean.out" >&2; fail "profile-clean: exit $status"; }
[[ $(jq '[.checks[] | select(.outcome == "failed" or .outcome == "warning")] | length' \
     "$workdir/profile-clean.json") == 0 ]] || fail "profile-clean: findings"
[[ $(jq -r '.verdicts.interop.verdict + " " + .verdicts["ipsie-al1"].verdict' \
     "$workdir/profile-clean.json") == "PASS PASS" ]] || fail "profile-clean: profile verdicts"

# Each request below breaks one profile rule a plain RFC client may break.
session start profile-sloppy "$profiles"
sloppy=(-s -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/scim+json")
curl "${sloppy[@]}" -H "User-Agent:" "$base/Users/$uid"                      # no User-Agent
curl "${sloppy[@]}" -H "Content-Type: application/json" -X POST "$base/Users" \
  -d "${user/USER/ps-1}"                                                       # not scim+json
curl "${sloppy[@]}" "$base/Users?filter=userName%20sw%20%22pc%22"            # sw
curl "${sloppy[@]}" -X PUT "$base/Users/$uid" -d "${user/USER/pc-1}"         # PUT
curl "${sloppy[@]}" -X PATCH "$base/Users/$uid" \
  -d "$(patch_op '{"op": "replace", "value": {"nickName": "Q"}}')"  # path-less
curl "${sloppy[@]}" -H 'If-None-Match: W/"1"' "$base/Users/$uid"            # conditional
curl "${sloppy[@]}" -X PATCH "$base/Groups/$gid" \
  -d "$(patch_op '{"op": "Add", "path": "members", "value": [{"value": "'"$uid"'"}]}')"
curl "${sloppy[@]}" -X PATCH "$base/Groups/$gid" \
  -d "$(patch_op '{"op": "remove", "path": "members", "value": [{"value": "'"$uid"'"}]}')"
session end profile-sloppy
status=$(grade profile-sloppy)
[[ $status == 1 ]] || { cat "$workdir/profile-sloppy.out" >&2; fail "profile-sloppy: exit $status"; }
for id in client-interop/6.2/user-agent client-interop/6.2/content-type \
          client-interop/6.3/eq-and-only client-interop/6.5/no-put \
          client-interop/6.5.1.1/path-always client-interop/6.7/no-conditional-headers \
          client-ipsie-al1/3.2.3.5/member-op client-ipsie-al1/3.2.3.5/remove-members-no-value; do
  expect_outcome profile-sloppy "$id" failed
done
expect_outcome profile-sloppy client-ipsie-al1/3.1/bearer-token passed
[[ $(jq -r '.verdicts.interop.verdict + " " + .verdicts["ipsie-al1"].verdict' \
     "$workdir/profile-sloppy.json") == "FAIL FAIL" ]] || fail "profile-sloppy: profile verdicts"
grep -q "Clients MUST NOT use operators other than eq and and" "$workdir/profile-sloppy.md" ||
  fail "profile-sloppy: the Markdown report does not quote the profile sentence"

# ---- Paging (RFC 7644 §3.4.2.4): with a page cap of 2, a client that reads the first page of
# /Users as the whole list is warned; one that reads on with startIndex is not.
curl "${admin[@]}" -f -o /dev/null -X PATCH "$root/admin/v1/tenants/default/settings" \
  -d '{"maxResults": 2}'
session start paging-stops
curl "${scim[@]}" "$base/Users"
session end paging-stops
session start paging-reads-on
total=$(curl "${scim_read[@]}" "$base/Users" | jq .totalResults)
for ((start = 3; start <= total; start += 2)); do
  curl "${scim[@]}" "$base/Users?startIndex=$start&count=2"
done
session end paging-reads-on
[[ $(grade paging-stops) == 0 ]] || fail "paging-stops: a MAY finding failed the verdict"
expect_outcome paging-stops client-rfc7644/3.4.2.4/paging warning
[[ $(grade paging-reads-on) == 0 ]] || fail "paging-reads-on: exit code"
expect_outcome paging-reads-on client-rfc7644/3.4.2.4/paging passed

for s in entra okta clean sloppy profile-clean profile-sloppy paging-stops paging-reads-on; do echo "$s: $(head -n 1 "$workdir/$s.out")"; done
echo "client conformance e2e: ok"
