#!/usr/bin/env bash
# End-to-end self-test of the published profiles (issue 15) against the reference server:
#   1. --profile interop server over TLS 1.3 (a TLS 1.2 handshake refused; the plain server
#      accepts one), judged with --profile interop (the whole suite, RFC checks too): exit 0,
#      every interop check passed (none skipped, failed or in error);
#   2. the same server judged without --profile: it claims interopProfileConformant, so the
#      interop checks run by default;
#   3. the plain strict server judged with --profile interop: exit 1, and the failed checks are
#      exactly the profile-only rules (PLAIN_INTEROP_FAILS below);
#   4. a server that claims the profile but deviates (--deviate filter-case-sensitive,
#      patch-add-replaces, delete-deactivates): exactly the checks of the broken rules fail, and
#      each failure reads "claims interop conformance, but";
#   5. and 6. the same as 1. and 3. for --profile ipsie-al1 (PLAIN_IPSIE_FAILS).
#   profiles_e2e.sh SERVER CONFORMANCE
# Starts each server on 127.0.0.1 port 0, reads its "listening on URL" line, and stops only the
# PID it started. The TLS certificate is a throw-away self-signed one made with openssl.
set -euo pipefail

server=${1:?path to scim-reference-server}
conformance=${2:?path to scim-conformance}
token=profiles-token
workdir=$(mktemp -d)

PLAIN_INTEROP_FAILS="interop/4/advertises-conformance
interop/5.3/patch-unknown-attribute-invalid-syntax
interop/5.3/unknown-attribute-invalid-syntax
interop/5.3/unknown-schema-invalid-syntax
interop/5.4/type-canonical-values
interop/6.3/undefined-attribute-invalid-filter
interop/6.5.1.1/path-less-invalid-syntax
interop/6.5.2.1/replace-complex-whole
interop/7.1/tls-required"
# filter-case-sensitive breaks §5.2, patch-add-replaces §6.5.2.1-2 (add merges and appends),
# delete-deactivates §6.6 (the resource stays, holding its userName).
DEVIATING_INTEROP_FAILS="interop/5.2/filter-and-uniqueness-agree
interop/5.2/username-filter-ignores-case
interop/6.5.2.1/add-complex-merges
interop/6.5.2.2/add-appends-collection
interop/6.6/deleted-resource-gone
interop/6.6/unique-values-freed"
PLAIN_IPSIE_FAILS="ipsie-al1/3.2.2.5/users-rate-limited-429
ipsie-al1/3.2.3.2/groups-rate-limited-429
ipsie-al1/3.4/tls"

# shellcheck source=server_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/server_lib.sh"
trap cleanup EXIT

# run NAME ARGS...: runs the judge, keeps its console output in $workdir/NAME.out, sets $status.
run() {
  local name=$1
  shift
  status=0
  "$conformance" run --base-url "$base_url" --token "$token" --ca-cert "$workdir/cert.pem" \
    --jobs 4 "$@" >"$workdir/$name.out" 2>&1 || status=$?
  tail -n 2 "$workdir/$name.out"
}

ids_with() {  # ids_with LABEL FILE: the check IDs of the console lines with that outcome, sorted
  awk -v label="$1" '$1 == label { print $2 }' "$2" | sort
}

expect_all_passed() {  # expect_all_passed NAME SPEC
  local out="$workdir/$1.out"
  [[ $status -eq 0 ]] || { cat "$out" >&2; echo "$1: expected exit 0, got $status" >&2; exit 1; }
  if grep -E "^(FAIL|WARN|SKIP|ERROR) +$2/" "$out"; then
    echo "$1: every $2 check must pass against the server in profile mode" >&2
    exit 1
  fi
  echo "$1: $(ids_with PASS "$out" | grep -c "^$2/") $2 checks passed"
}

expect_exact_failures() {  # expect_exact_failures NAME EXPECTED
  local out="$workdir/$1.out"
  [[ $status -eq 1 ]] || { cat "$out" >&2; echo "$1: expected exit 1, got $status" >&2; exit 1; }
  if ! diff <(echo "$2" | sort) <(ids_with FAIL "$out"); then
    echo "$1: the failures must be exactly the profile-only rules (< expected, > got)" >&2
    exit 1
  fi
  grep -q '^ERROR ' "$out" && { echo "$1: no check may end in error" >&2; exit 1; }
  echo "$1: failed exactly the $(echo "$2" | wc -l) profile-only rules"
}

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$workdir/key.pem" -out "$workdir/cert.pem" \
  2>/dev/null
tls=(--tls-cert "$workdir/cert.pem" --tls-key "$workdir/key.pem")

# tls_handshake VERSION_FLAGS...: whether curl completes a handshake with the server (the HTTP
# status does not matter: /ServiceProviderConfig answers without a token).
tls_handshake() {
  curl -s -o /dev/null --cacert "$workdir/cert.pem" "$@" "$base_url/ServiceProviderConfig"
}

start_server --profile interop "${tls[@]}"
tls_handshake --tlsv1.3 || { echo "interop mode: TLS 1.3 handshake failed" >&2; exit 1; }
if tls_handshake --tlsv1.2 --tls-max 1.2; then
  echo "interop mode: a TLS 1.2 handshake must be refused (TLS 1.3 only)" >&2
  exit 1
fi
echo "interop-mode: TLS 1.3 accepted, TLS 1.2 refused"
run interop-mode --profile interop --json "$workdir/mode.json"
expect_all_passed interop-mode interop
verdicts=$(jq -c '[.verdicts.RFC.verdict, .verdicts.interop.verdict]' "$workdir/mode.json")
[[ $verdicts == '["PASS","PASS"]' ]] ||
  { echo "interop-mode: the report's verdicts are $verdicts" >&2; exit 1; }
run interop-claimed --only 'interop/4/*'
grep -q '^PASS  interop/4/advertises-conformance' "$workdir/interop-claimed.out" ||
  { cat "$workdir/interop-claimed.out" >&2; echo "a claiming target gets the interop checks" >&2; exit 1; }
echo "interop-claimed: the claim selected the interop checks without --profile"
stop_server

start_server "${tls[@]}"
tls_handshake --tlsv1.2 --tls-max 1.2 || { echo "rfc mode: TLS 1.2 must be accepted" >&2; exit 1; }
stop_server
start_server
run interop-plain --profile interop --only 'interop/*' --json "$workdir/plain.json"
expect_exact_failures interop-plain "$PLAIN_INTEROP_FAILS"
# The JSON report's verdict per body of requirements: the profile failed with exactly its rules.
verdicts=$(jq -c '.verdicts.interop | [.verdict, .failed]' "$workdir/plain.json")
[[ $verdicts == "[\"FAIL\",$(echo "$PLAIN_INTEROP_FAILS" | wc -l)]" ]] ||
  { echo "interop-plain: the report's interop verdict is $verdicts" >&2; exit 1; }
grep -q 'claims interop conformance' "$workdir/interop-plain.out" &&
  { echo "interop-plain: a target that does not claim the profile is not told it claims it" >&2; exit 1; }
quoted=$(grep -c '^      requirement (' "$workdir/interop-plain.out" || true)
[[ $quoted -eq $(echo "$PLAIN_INTEROP_FAILS" | wc -l) ]] ||
  { cat "$workdir/interop-plain.out" >&2; echo "interop-plain: each failure must quote its profile sentence" >&2; exit 1; }
stop_server

# A server that claims the profile but breaks it: each deviation must make exactly its checks fail
# (DEVIATING_INTEROP_FAILS), and each failure must name the broken claim.
start_server --profile interop "${tls[@]}" --deviate filter-case-sensitive \
  --deviate patch-add-replaces --deviate delete-deactivates
run interop-broken-claim --only 'interop/*'
expect_exact_failures interop-broken-claim "$DEVIATING_INTEROP_FAILS"
# The console prints each failure's message on the line after its FAIL line.
fails=$(grep -cE '^FAIL ' "$workdir/interop-broken-claim.out" || true)
claims=$(grep -A1 -E '^FAIL ' "$workdir/interop-broken-claim.out" | grep -c '^      claims interop conformance, but' || true)
[[ $claims -eq $fails ]] ||
  { cat "$workdir/interop-broken-claim.out" >&2; echo "every failure must read 'claims interop conformance, but' ($claims of $fails)" >&2; exit 1; }
echo "interop-broken-claim: every failure reads 'claims interop conformance, but ...'"
stop_server

# The profile's default limit (50 list requests a second, a burst of 100) is only reached by a
# client faster than 50 requests a second; the rate-limit checks send one request at a time, and
# a sanitized build on a loaded machine sends about 20 a second. A lower limit makes the 429
# reachable at any speed; the default itself is config_profile_test's to check.
start_server --profile ipsie-al1 "${tls[@]}" --rate-limit 5 --rate-limit-burst 20
run ipsie-mode --profile ipsie-al1 --only 'ipsie-al1/*'
expect_all_passed ipsie-mode ipsie-al1
stop_server

start_server
run ipsie-plain --profile ipsie-al1 --only 'ipsie-al1/*'
expect_exact_failures ipsie-plain "$PLAIN_IPSIE_FAILS"
