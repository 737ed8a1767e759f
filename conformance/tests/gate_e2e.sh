#!/usr/bin/env bash
# End-to-end test of the CI gate (issue 21) against the reference server: --deviate no-etag makes
# the RFC 7644 §3.14 checks fail on purpose, the strict server makes them pass.
#   1. --update-expect writes the failures; --expect then turns them into expected failures
#      (exit 0, XFAIL, JUnit <skipped>, HTML and Markdown say so), from JSON and from YAML; an
#      expired entry fails the gate.
#   2. Against the strict server the entries are unexpected passes: exit 0, or 1 with
#      --fail-on-unexpected-pass.
#   3. `diff` of the two results files: fixes one way (exit 0), regressions the other (exit 1), in
#      text, Markdown and JSON; new and vanished checks; slower checks (a server whose POST /Users
#      is delayed by an injected latency fault); `run --compare` puts the comparison into every
#      report.
#   4. --targets: two servers and an unreachable one, the index page, exit 2; GITHUB_STEP_SUMMARY.
#   5. advertised versus actual: --deviate patch-unadvertised warns, --no-bulk passes; the run's
#      transcript (discovery) is in results.json, without the token.
#   6. OAuth client credentials: the token exchange with oauth_token_stub is in the transcripts
#      (results.json, JUnit), with the client secret and the access token redacted.
#   7. A target that does not advertise filter (--deviate filter-unadvertised): the advertised
#      versus actual warning, and the final sweep lists and matches the run's prefix, deleting a
#      fixture whose cleanup failed (an injected 500 on the first DELETE of a user).
# Usage: gate_e2e.sh SERVER CONFORMANCE TOKEN_STUB. Servers bind 127.0.0.1 port 0; only their
# PIDs are stopped.
set -euo pipefail

server=${1:?path to scim-reference-server}
conformance=${2:?path to scim-conformance}
token_stub=${3:?path to oauth_token_stub}
token=gate-e2e-token
# shellcheck source=e2e_helpers.sh
source "$(dirname "$0")/e2e_helpers.sh"

# start_server NAME ARGS...: a reference server; sets url_NAME to its base URL.
start_server() {
  local name=$1
  shift
  start_process "$name" "$server" --bind 127.0.0.1 --port 0 --token "$token" "$@"
}

# expect_exit CODE COMMAND...: runs COMMAND, output to $work/last.out, requires exit CODE.
expect_exit() {
  local want=$1 got=0
  shift
  "$@" >"$work/last.out" 2>&1 || got=$?
  [[ $got -eq $want ]] || { cat "$work/last.out" >&2; fail "expected exit $want, got $got: $*"; }
}

start_server deviating --deviate no-etag
start_server strict
only=(--only 'rfc7644/3.14/*')
run() { "$conformance" run --token "$token" "${only[@]}" "$@"; }

# 1. Baseline, then expected failures.
expect_exit 1 run --base-url "$url_deviating" --json "$work/deviating.json" --update-expect "$work/expect.json"
contains "$work/expect.json" '"check": "rfc7644/3.14/etag-header-on-create"'
contains "$work/expect.json" '"reason": "baseline '
contains "$work/last.out" "failing checks to $work/expect.json"

expect_exit 0 run --base-url "$url_deviating" --expect "$work/expect.json" --junit "$work/x.xml" \
  --html "$work/x.html" --md "$work/x.md" --json "$work/x.json"
contains "$work/last.out" 'XFAIL rfc7644/3.14/etag-header-on-create'
contains "$work/x.xml" '<skipped message="expected failure (rfc7644/3.14/etag-header-on-create)'
contains "$work/x.html" 'badge expected-failure'
contains "$work/x.md" '### Expected failures ('
contains "$work/x.json" '"grade": "expected-failure"'
grep -q -- "$token" "$work/x.xml" "$work/x.html" "$work/x.md" "$work/x.json" && fail "token leaked into a report"

cat >"$work/expired.json" <<'JSON'
{"expectations": [{"check": "rfc7644/3.14/*", "reason": "ETag support, JIRA-12", "expires": "2020-01-31"}]}
JSON
expect_exit 1 run --base-url "$url_deviating" --expect "$work/expired.json" --junit "$work/expired.xml"
contains "$work/last.out" 'expectation expired, failing the gate: rfc7644/3.14/* expired on 2020-01-31'
contains "$work/expired.xml" 'type="expired-expectation"'

# The same entries as YAML (yaml-cpp): a scalar date stays the date it looks like.
cat >"$work/expect.yaml" <<'YAML'
expectations:
  - check: "rfc7644/3.14/*"
    reason: no ETag support yet, JIRA-12
    expires: 2099-12-31
YAML
expect_exit 0 run --base-url "$url_deviating" --expect "$work/expect.yaml"
contains "$work/last.out" 'XFAIL rfc7644/3.14/etag-header-on-create'

# 2. The strict server passes what the deviating one failed.
expect_exit 0 run --base-url "$url_strict" --expect "$work/expect.json" --json "$work/strict.json"
contains "$work/last.out" 'XPASS rfc7644/3.14/etag-header-on-create'
contains "$work/last.out" 'unexpected pass: rfc7644/3.14/etag-header-on-create'
expect_exit 1 run --base-url "$url_strict" --expect "$work/expect.json" --fail-on-unexpected-pass

# 3. Comparison.
expect_exit 0 "$conformance" diff "$work/deviating.json" "$work/strict.json"
contains "$work/last.out" 'Fixes ('
expect_exit 1 "$conformance" diff "$work/strict.json" "$work/deviating.json"
contains "$work/last.out" 'Regressions ('
contains "$work/last.out" 'rfc7644/3.14/etag-header-on-create  [MUST] passed → failed'
expect_exit 1 "$conformance" diff --format json "$work/strict.json" "$work/deviating.json"
contains "$work/last.out" '"hasRegressions": true'
expect_exit 1 "$conformance" diff --format md "$work/strict.json" "$work/deviating.json"
contains "$work/last.out" '### Regressions ('
expect_exit 2 "$conformance" diff "$work/strict.json" "$work/expect.json"
# Checks that appeared and vanished: one run of a single check against the full set.
expect_exit 0 "$conformance" run --token "$token" --base-url "$url_strict" \
  --only 'rfc7644/3.14/etag-header-on-create' --json "$work/one.json"
expect_exit 0 "$conformance" diff "$work/one.json" "$work/strict.json"
contains "$work/last.out" 'New checks (10)'
expect_exit 0 "$conformance" diff --format json "$work/strict.json" "$work/one.json"
[[ $(jq '.disappeared | length' "$work/last.out") -eq 10 ]] || fail "10 checks no longer run"
# Slower checks: every POST /Users of this server waits 400 ms (a latency fault, docs/mock.md).
cat >"$work/slow.json" <<'JSON'
{"admin": {"faults": [{"type": "latency", "method": "POST", "path": "/Users", "delayMs": 400}]}}
JSON
start_server slow --config "$work/slow.json"
expect_exit 0 run --base-url "$url_slow" --json "$work/slow-run.json"
expect_exit 0 "$conformance" diff "$work/strict.json" "$work/slow-run.json" \
  --duration-threshold 50 --duration-floor 200
contains "$work/last.out" 'Slower ('
contains "$work/last.out" 'rfc7644/3.14/etag-header-on-create  [MUST] '
expect_exit 0 "$conformance" diff "$work/slow-run.json" "$work/strict.json"
contains "$work/last.out" 'Faster ('

expect_exit 1 run --base-url "$url_deviating" --compare "$work/strict.json" --md "$work/c.md" \
  --junit "$work/c.xml" --html "$work/c.html" --json "$work/c.json"
contains "$work/c.md" '## Compared with the previous run ❌'
contains "$work/c.xml" 'name="scim-conformance.comparison"'
contains "$work/c.html" 'class="gate regressions"'
contains "$work/c.json" '"regressions": ['

# 4. Many targets, and the GitHub step summary.
cat >"$work/targets.json" <<JSON
{"targets": [
  {"name": "strict", "baseUrl": "$url_strict", "tokenEnv": "GATE_E2E_TOKEN", "profile": "okta"},
  {"name": "deviating", "baseUrl": "$url_deviating", "tokenEnv": "GATE_E2E_TOKEN", "expect": "expect.json"},
  {"name": "down", "baseUrl": "http://127.0.0.1:9/scim/v2", "tokenEnv": "GATE_E2E_TOKEN"}
]}
JSON
: >"$work/step-summary.md"
expect_exit 2 env GATE_E2E_TOKEN="$token" GITHUB_STEP_SUMMARY="$work/step-summary.md" \
  "$conformance" run --targets "$work/targets.json" --target-jobs 2 --report-dir "$work/reports" \
  "${only[@]}" --timeout 2
contains "$work/last.out" '== target deviating: exit 0'
contains "$work/last.out" '== target down: exit 2'
for name in strict deviating; do
  for file in report.html junit.xml results.json summary.md; do
    [[ -s "$work/reports/$name/$file" ]] || fail "missing $name/$file"
  done
done
# Each target's own profile and expectations, and only its own.
jq -e '.profile == "okta" and .expectations == null' "$work/reports/strict/results.json" >/dev/null ||
  fail "target strict: profile okta and no expectations"
jq -e '.profile == "" and .expectations != null' "$work/reports/deviating/results.json" \
  >/dev/null || fail "target deviating: no profile, its expectations"
contains "$work/reports/index.html" '<a href="strict/report.html">strict</a>'
contains "$work/reports/index.html" 'class="cell expected"'
contains "$work/reports/index.html" 'not run: discovery failed'
contains "$work/step-summary.md" '| deviating (` deviating/report.html `) | ✅ PASS | 2 / 7 (7 expected) / 11 |'
contains "$work/step-summary.md" '| down | ⛔ not run: discovery failed: cannot reach'
contains "$work/step-summary.md" '| strict (` strict/report.html `) | ✅ PASS | 11 / 0 / 11 | – |'
grep -q -- "$token" "$work/reports/index.html" "$work/step-summary.md" && fail "token leaked"

# 5. Advertised versus actual (RFC 7643 §5): PATCH served while discovery says unsupported warns
#    (SHOULD), a feature refused as advertised passes, an advertised one is left to its checks.
start_server unadvertised --deviate patch-unadvertised --no-bulk
expect_exit 0 "$conformance" run --token "$token" --base-url "$url_unadvertised" \
  --only 'rfc7643/5/*-advertised-as-served' --json "$work/advertised.json"
contains "$work/last.out" 'WARN  rfc7643/5/patch-advertised-as-served'
contains "$work/last.out" 'discovery misreports patch'
contains "$work/last.out" 'PASS  rfc7643/5/bulk-advertised-as-served'
contains "$work/last.out" 'SKIP  rfc7643/5/filter-advertised-as-served'
# The run's transcript: discovery requests are there, the token is not.
contains "$work/advertised.json" '"runExchanges": ['
contains "$work/advertised.json" "$url_unadvertised/ServiceProviderConfig"
grep -q -- "$token" "$work/advertised.json" && fail "token leaked into runExchanges"

# 6. OAuth 2.0 client credentials (RFC 6749 §4.4): the stub issues the server's token.
secret='gate-client-s3cret'
start_process tokens "$token_stub" gate-client "$secret" "$token"
oauth=(--base-url "$url_strict" --oauth-token-url "$url_tokens" --oauth-client-id gate-client)
expect_exit 0 "$conformance" run "${oauth[@]}" --oauth-client-secret "$secret" \
  --only 'rfc7644/3.14/etag-header-on-create' --json "$work/oauth.json" --junit "$work/oauth.xml" \
  --html "$work/oauth.html"
jq -e --arg url "$url_tokens" '[.runExchanges[] | select(.url == $url and .method == "POST"
    and .status == 200 and .requestBody == "grant_type=client_credentials")] | length == 1' \
  "$work/oauth.json" >/dev/null || fail "the token exchange is not in runExchanges"
contains "$work/oauth.xml" 'name="scim-conformance.runner"'
contains "$work/oauth.xml" "POST $url_tokens"
contains "$work/oauth.html" "$url_tokens"
for f in "$work/oauth.json" "$work/oauth.xml" "$work/oauth.html"; do
  grep -q -- "$token" "$f" && fail "the access token leaked into $f"
  grep -q -- "$secret" "$f" && fail "the client secret leaked into $f"
done
expect_exit 2 "$conformance" run "${oauth[@]}" --oauth-client-secret wrong
contains "$work/last.out" 'OAuth token endpoint answered HTTP 401'

# 7. No filter advertised: the warning, and the sweep by listing. The first DELETE of a user
#    fails (500, once), so a check leaves its fixture behind and the sweep must find it.
cat >"$work/nofilter.json" <<'JSON'
{"admin": {"faults": [{"type": "error", "status": 500, "method": "DELETE", "path": "/Users/*",
                        "times": 1}]}}
JSON
start_server nofilter --deviate filter-unadvertised --config "$work/nofilter.json"
expect_exit 0 "$conformance" run --token "$token" --base-url "$url_nofilter" \
  --only 'rfc7644/3.14/etag-header-on-create' --only 'rfc7643/5/filter-advertised-as-served' \
  --json "$work/nofilter-run.json"
contains "$work/last.out" 'WARN  rfc7643/5/filter-advertised-as-served'
contains "$work/last.out" 'discovery misreports filter'
jq -e '[.checks[].leftovers[]] | length == 1' "$work/nofilter-run.json" >/dev/null ||
  fail "the injected 500 left no fixture behind"
jq -e '.sweepLeftovers == []
    and ([.runExchanges[] | select(.method == "GET" and (.url | endswith("/Users?startIndex=1&count=100")))] | length == 1)
    and ([.runExchanges[] | select(.url | contains("filter="))] | length == 0)
    and ([.runExchanges[] | select(.method == "DELETE" and .status == 204)] | length == 1)' \
  "$work/nofilter-run.json" >/dev/null || {
  jq '{sweepLeftovers, run: [.runExchanges[] | "\(.method) \(.url) \(.status)"]}' "$work/nofilter-run.json" >&2
  fail "the sweep did not list and delete the leftover fixture"
}

echo "gate e2e: ok"
