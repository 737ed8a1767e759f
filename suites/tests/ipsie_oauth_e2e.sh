#!/usr/bin/env bash
# End-to-end test of OAuth for IPSIE AL1 (issue 15, docs/profiles.md "OAuth for IPSIE"):
#   1. keys made now with `openssl genpkey`: the client's EC P-256 key, the token endpoint's RSA
#      key, and a stranger EC key; the client's public JWKS printed by `scim-conformance jwks`;
#   2. the reference server in ipsie-al1 mode over TLS, as token endpoint (RFC 8414 metadata,
#      private_key_jwt clients) and as resource server that only takes its JWT access tokens;
#   3. the runner with --profile ipsie-al1 authenticating with private_key_jwt (the token
#      endpoint discovered from the issuer): exit 0, every ipsie-al1 check passed, and no JWT
#      (assertion or access token) in the console output or the JSON report;
#   4. the same run with the stranger key: exit 2 and a clear invalid_client error;
#   5. the metadata and JWKS seen with curl, and a forged JWT answered 401 with
#      WWW-Authenticate error="invalid_token" (RFC 6750 §3.1).
#   ipsie_oauth_e2e.sh SERVER CONFORMANCE
set -euo pipefail

server=${1:?path to scim-reference-server}
conformance=${2:?path to scim-conformance}
token=ipsie-oauth-opaque-token
workdir=$(mktemp -d)

# shellcheck source=server_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/server_lib.sh"
trap cleanup EXIT

fail() {
  echo "ipsie-oauth: $*" >&2
  exit 1
}

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$workdir/client.pem" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$workdir/stranger.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$workdir/as.pem" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$workdir/tls-key.pem" -out "$workdir/cert.pem" \
  2>/dev/null
"$conformance" jwks --oauth-key "$workdir/client.pem" --oauth-key-id idp-key-1 >"$workdir/client.jwks"
[[ $(jq -r '.keys[0] | [.kty, .crv, .kid, has("d")] | join(",")' "$workdir/client.jwks") == \
  "EC,P-256,idp-key-1,false" ]] || fail "jwks printed $(cat "$workdir/client.jwks")"

start_server --profile ipsie-al1 --tls-cert "$workdir/cert.pem" --tls-key "$workdir/tls-key.pem" \
  --oauth-issuer auto --oauth-signing-key "$workdir/as.pem" \
  --oauth-client "ipsie-idp=$workdir/client.jwks"
issuer=${base_url%/scim/v2}

# run NAME KEY: the judge with private_key_jwt; console in $workdir/NAME.out, exit code in $status.
run() {
  status=0
  "$conformance" run --base-url "$base_url" --ca-cert "$workdir/cert.pem" --jobs 4 \
    --profile ipsie-al1 --only 'ipsie-al1/*' --json "$workdir/$1.json" \
    --oauth-issuer "$issuer" --oauth-client-id ipsie-idp --oauth-key "$2" \
    --oauth-key-id idp-key-1 >"$workdir/$1.out" 2>&1 || status=$?
  tail -n 2 "$workdir/$1.out"
}

run good "$workdir/client.pem"
[[ $status -eq 0 ]] || { cat "$workdir/good.out" >&2; fail "private_key_jwt run: exit $status"; }
if grep -E '^(FAIL|WARN|SKIP|ERROR) +ipsie-al1/' "$workdir/good.out"; then
  fail "every ipsie-al1 check must pass with JWT authentication"
fi
passed=$(grep -cE '^PASS +ipsie-al1/' "$workdir/good.out" || true)
[[ $passed -ge 20 ]] || fail "only $passed ipsie-al1 checks passed"
if grep -l 'eyJ' "$workdir/good.out" "$workdir/good.json"; then
  fail "a JWT (assertion or access token) leaked into the output or the report"
fi
echo "good: $passed ipsie-al1 checks passed with private_key_jwt; no JWT in output or report"

run stranger "$workdir/stranger.pem"
[[ $status -eq 2 ]] || { cat "$workdir/stranger.out" >&2; fail "stranger key: exit $status, not 2"; }
grep -q 'invalid_client (client assertion: signature does not verify' "$workdir/stranger.out" ||
  { cat "$workdir/stranger.out" >&2; fail "stranger key: the error must say why"; }
echo "stranger: refused with $(grep -o 'HTTP 401[^)]*)' "$workdir/stranger.out" | head -1)"

metadata=$(curl -sf --cacert "$workdir/cert.pem" "$issuer/.well-known/oauth-authorization-server")
[[ $(jq -r .token_endpoint <<<"$metadata") == "$issuer/oauth/token" ]] || fail "metadata: $metadata"
[[ $(jq -r '.token_endpoint_auth_methods_supported[0]' <<<"$metadata") == private_key_jwt ]] ||
  fail "metadata must list private_key_jwt"
jwks_keys=$(curl -sf --cacert "$workdir/cert.pem" "$issuer/oauth/jwks" | jq '.keys | length')
[[ $jwks_keys -eq 1 ]] || fail "/oauth/jwks has $jwks_keys keys"
# {"alg":"RS256","kid":"scim-as-1","typ":"at+jwt"}.{}.<not a signature>
forged="eyJhbGciOiJSUzI1NiIsImtpZCI6InNjaW0tYXMtMSIsInR5cCI6ImF0K2p3dCJ9.e30.AAAA"
headers=$(curl -s -o /dev/null -D - --cacert "$workdir/cert.pem" \
  -H "Authorization: Bearer $forged" "$base_url/Users")
grep -q '^HTTP/[0-9.]* 401' <<<"$headers" || fail "a forged JWT must be 401: $headers"
grep -qi '^www-authenticate: Bearer realm="scim", error="invalid_token"' <<<"$headers" ||
  fail "the 401 must carry error=\"invalid_token\": $headers"
echo "forged: 401 with WWW-Authenticate error=\"invalid_token\""
stop_server
echo "ipsie-oauth: passed"
