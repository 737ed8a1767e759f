#!/usr/bin/env bash
# Records the grading session behind the client report goldens (report_golden_test.cpp): a
# lenient reference server, a session asking for both profiles, and a curl client that makes a
# connector's usual mistakes and breaks the profiles' client rules (one hostile value included, to
# show a report keeps request bodies as text). The session document is normalised so it does not
# change from one capture to the next: a fixed clock (one request a second), port 8080, ids, ETags
# and request ids numbered in order of appearance. Not run by CI; after a change of the journal's
# shape run it, then regenerate the goldens (SCIM_UPDATE_GOLDEN=1) and review both diffs.
# Usage: capture.sh SERVER_BINARY > suites/client/golden/session.json
set -euo pipefail
server=$1
workdir=$(mktemp -d)
token=client-token
source "$(dirname "$0")/../../tests/server_lib.sh"
trap cleanup EXIT
start_server --admin-token admin-token --lenient >&2
base=$base_url
root=${base%/scim/v2}
admin=(-s -f -H "Authorization: Bearer admin-token" -H "Content-Type: application/json")
scim=(-s -H "Authorization: Bearer client-token" -H "Content-Type: application/scim+json")
sessions=$root/admin/v1/tenants/default/sessions
patch_op() {  # the PatchOp body of the operations $1
  printf '{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [%s]}' "$1"
}

curl "${admin[@]}" -o /dev/null -X POST "$root/admin/v1/tenants/default/faults" \
  -d '{"id": "throttle", "type": "rateLimit", "method": "GET", "path": "/Groups",
       "retryAfterSeconds": 2, "times": 1}'
curl "${admin[@]}" -o /dev/null -X POST "$sessions" \
  -d '{"name": "golden", "profiles": ["interop", "ipsie-al1"]}'
uid=$(curl "${scim[@]}" -X POST "$base/Users" \
  -d '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "golden-1",
       "id": "my-own-id", "active": "False", "nickName": "<img src=x onerror=alert(2) id=pwned>"}' |
  jq -r .id)
gid=$(curl "${scim[@]}" -X POST "$base/Groups" \
  -d '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "golden"}' |
  jq -r .id)
curl "${scim[@]}" -o /dev/null "$base/Users?filter=userName%20eq%20golden-1"
curl "${scim[@]}" -o /dev/null "$base/Users?filter=userName%20sw%20%22golden%22&access_token=x"
curl "${scim[@]}" -o /dev/null -H 'If-Match: W/"1"' -X PATCH "$base/Users/$uid" \
  -d "$(patch_op '{"op": "Replace", "path": "nickName", "value": "G"}')"
curl "${scim[@]}" -o /dev/null -H "User-Agent:" -X PUT "$base/Users/$uid" \
  -d '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "golden-1"}'
curl "${scim[@]}" -o /dev/null -X PATCH "$base/Groups/$gid" \
  -d "$(patch_op '{"op": "Add", "path": "members", "value": [{"value": "'"$uid"'"}]}')"
curl "${scim[@]}" -o /dev/null -X PATCH "$base/Groups/$gid" \
  -d "$(patch_op '{"op": "remove", "path": "members", "value": [{"value": "'"$uid"'"}]}')"
curl "${scim[@]}" -o /dev/null "$base/Groups"   # 429, Retry-After: 2
curl "${scim[@]}" -o /dev/null "$base/Groups"   # at once: too soon
curl "${admin[@]}" -o /dev/null -X POST "$sessions/golden/end"
curl "${admin[@]}" "$sessions/golden" >"$workdir/session.json"

port=${root##*:}
python3 - "$workdir/session.json" "$port" <<'PY'
import json, re, sys
doc = json.load(open(sys.argv[1]))
port = sys.argv[2]
base_ms = 1767225600000  # 2026-01-01T00:00:00Z
doc.update(startedAt="2026-01-01T00:00:00Z", deadline="2026-01-01T00:10:00Z",
           endedAt="2026-01-01T00:01:00Z")
for i, e in enumerate(doc["entries"]):
    e["epochMs"] = base_ms + 1000 * (i + 1)
    e["time"] = "2026-01-01T00:00:%02dZ" % (i + 1)
    e["requestId"] = "request-%d" % (i + 1)
    e["durationMs"] = 1
text = json.dumps(doc, indent=1, sort_keys=True)
text = text.replace("127.0.0.1:" + port, "127.0.0.1:8080")
names = {}
def number(kind):
    def sub(m):
        return names.setdefault(m.group(0), kind % (len(names) + 1))
    return sub
text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
              number("00000000-0000-4000-8000-%012d"), text)
text = re.sub(r'W/\\"[^"\\]*\\"', lambda m: names.setdefault(m.group(0), 'W/\\"%d\\"' % (len(names) + 1)), text)
text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "2026-01-01T00:00:00Z", text)
text = re.sub(r'"date": "[^"]*"', '"date": "Thu, 01 Jan 2026 00:00:00 GMT"', text)
print(text)
PY
