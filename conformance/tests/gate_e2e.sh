#!/usr/bin/env bash
# End-to-end test of the CI gate (issue 21) against the reference server: --deviate no-etag makes
# the RFC 7644 §3.14 checks fail on purpose, the strict server makes them pass.
#   1. --update-expect writes the failures; --expect then turns them into expected failures
#      (exit 0, XFAIL, JUnit <skipped>, HTML and Markdown say so); an expired entry fails the gate.
#   2. Against the strict server the entries are unexpected passes: exit 0, or 1 with
#      --fail-on-unexpected-pass.
#   3. `diff` of the two results files: fixes one way (exit 0), regressions the other (exit 1), in
#      text, Markdown and JSON; `run --compare` puts the comparison into every report.
#   4. --targets: two servers and an unreachable one, the index page, exit 2; GITHUB_STEP_SUMMARY.
#   5. advertised versus actual: --deviate patch-unadvertised warns, --no-bulk passes; the run's
#      transcript (discovery) is in results.json, without the token.
# Usage: gate_e2e.sh SERVER CONFORMANCE. Servers bind 127.0.0.1 port 0; only their PIDs are stopped.
set -euo pipefail

server=${1:?path to scim-reference-server}
conformance=${2:?path to scim-conformance}
token=gate-e2e-token
work=$(mktemp -d)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# start_server NAME ARGS...: sets url_NAME to the server's base URL.
start_server() {
  local name=$1
  shift
  "$server" --bind 127.0.0.1 --port 0 --token "$token" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 100); do
    if line=$(grep -m1 -o 'listening on http://[^ ]*' "$work/$name.out" 2>/dev/null); then
      printf -v "url_$name" '%s' "${line#listening on }"
      return 0
    fi
    sleep 0.05
  done
  cat "$work/$name.err" >&2
  fail "server $name did not report its address"
}

# expect_exit CODE COMMAND...: runs COMMAND, output to $work/last.out, requires exit CODE.
expect_exit() {
  local want=$1 got=0
  shift
  "$@" >"$work/last.out" 2>&1 || got=$?
  [[ $got -eq $want ]] || { cat "$work/last.out" >&2; fail "expected exit $want, got $got: $*"; }
}

contains() {
  grep -q -F -- "$2" "$1" || { echo "--- $1" >&2; head -c 4000 "$1" >&2; fail "'$2' not in $1"; }
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

expect_exit 1 run --base-url "$url_deviating" --compare "$work/strict.json" --md "$work/c.md" \
  --junit "$work/c.xml" --html "$work/c.html" --json "$work/c.json"
contains "$work/c.md" '## Compared with the previous run ❌'
contains "$work/c.xml" 'name="scim-conformance.comparison"'
contains "$work/c.html" 'class="gate regressions"'
contains "$work/c.json" '"regressions": ['

# 4. Many targets, and the GitHub step summary.
cat >"$work/targets.json" <<JSON
{"targets": [
  {"name": "strict", "baseUrl": "$url_strict", "tokenEnv": "GATE_E2E_TOKEN"},
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

echo "gate e2e: ok"
