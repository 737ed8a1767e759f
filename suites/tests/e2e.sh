#!/usr/bin/env bash
# End-to-end run of the suites against the reference server.
#   e2e.sh full     SERVER CONFORMANCE   strict server with devices and cursors, every
#                                        RFC/events check: exit 0 in < 10 s
#   e2e.sh minimal  SERVER CONFORMANCE   the "minimal but conformant" target (issue 13): custom
#                                        User/Group schemas with only required attributes (plus
#                                        "active", required as some providers do), no nested
#                                        groups, /Me, root queries, bulk or sort, filter "eq"
#                                        only, index paging only (no RFC 9865 cursors), no
#                                        devices. Every check: 0 failed, 0 errors, and every skip
#                                        names its reason.
#   e2e.sh profiles SERVER CONFORMANCE   lenient server, --profile entra and okta: exit 0
#   e2e.sh cursor   SERVER CONFORMANCE   the RFC 9865 checks against the cursor variants the full
#                                        run cannot show: a 1 s cursorTimeout (expiredCursor is
#                                        judged, not skipped) and a cursor-only server (§2.3)
#   e2e.sh variants SERVER CONFORMANCE   every RFC check against a tenant the admin API created
#                                        with RFC-legal variants on (docs/mock.md): exit 0
# Starts the server on 127.0.0.1 port 0, reads its "listening on URL" line, and stops only the
# PID it started.
set -euo pipefail

mode=${1:?mode: full|profiles}
server=${2:?path to scim-reference-server}
conformance=${3:?path to scim-conformance}
token=e2e-token
workdir=$(mktemp -d)
# shellcheck source=server_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/server_lib.sh"
trap cleanup EXIT

run_conformance() {
  "$conformance" run --base-url "$base_url" --token "$token" "$@"
}

# Microseconds during which some task waited for a CPU (Linux PSI), 0 where the kernel has no PSI.
cpu_stall_us() {
  local total=0
  if [[ -r /proc/pressure/cpu ]]; then
    total=$(awk '/^some/ { sub("total=", "", $5); print $5 }' /proc/pressure/cpu)
  fi
  echo "${total:-0}"
}

# When the server can push SETs (--push-receiver), point it at the runner's loopback receiver on a
# fixed port so the events checks receive SETs instead of skipping.
receiver_args=()
server_event_args=()
if "$server" --help 2>/dev/null | grep -q -- '--push-receiver'; then
  receiver_port=$(( 20000 + RANDOM % 30000 ))
  receiver_args=(--receiver-port "$receiver_port")
  server_event_args=(--push-receiver "http://127.0.0.1:$receiver_port/events")
fi

minimal_dir="$(cd "$(dirname "$0")/../../reference-server/examples/minimal" && pwd)"

# Every SKIP line of the console output is followed by its reason (an indented line).
skips_name_reasons() {
  awk '
    pending { if ($0 !~ /^      [^ ]/) { print "no reason for: " pending; bad = 1 } pending = "" }
    /^SKIP  / { pending = $2 }
    END { if (pending != "") { print "no reason for: " pending; bad = 1 } exit bad }
  ' "$1"
}

case "$mode" in
  minimal)
    start_server "${server_event_args[@]}" --config "$minimal_dir/server.json" \
      --replace-builtin-schemas --schema "$minimal_dir/user-schema.json" \
      --schema "$minimal_dir/group-schema.json" --resource-type "$minimal_dir/resource-types.json"
    status=0
    run_conformance --jobs 2 "${receiver_args[@]}" >"$workdir/run.out" 2>&1 || status=$?
    tail -n 4 "$workdir/run.out"
    grep -E '^(FAIL|ERROR) ' "$workdir/run.out" && { echo "expected no failure or error" >&2; exit 1; }
    [[ $status -eq 0 ]] || { cat "$workdir/run.out" >&2; echo "expected exit 0" >&2; exit 1; }
    grep -q ' 0 failed, ' "$workdir/run.out" || { echo "expected 0 failed" >&2; exit 1; }
    grep -q ' 0 errors in ' "$workdir/run.out" || { echo "expected 0 errors" >&2; exit 1; }
    skips_name_reasons "$workdir/run.out" || { echo "every skip must name its reason" >&2; exit 1; }
    echo "minimal target: $(grep -c '^SKIP  ' "$workdir/run.out") skips, each with its reason"
    ;;
  full)
    # As ci/demo.sh: a token bound to a seeded user (/Me) and a feed of the runner's own to poll.
    seed="$(cd "$(dirname "$0")/../../ci" && pwd)/demo-seed.json"
    token="$token=default:demo-me-0001"
    # Devices (RFC 9944) on; cursors (RFC 9865) are on by default.
    start_server "${server_event_args[@]}" --seed "$seed" --events-feed conformance --devices
    token=${token%%=*}
    start=$(date +%s%N)
    stall_start=$(cpu_stall_us)
    status=0
    run_conformance --jobs 2 "${receiver_args[@]}" --poll-feed conformance || status=$?
    elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    stalled_pct=$(( ($(cpu_stall_us) - stall_start) / 10 / (elapsed_ms > 0 ? elapsed_ms : 1) ))
    echo "full suite: exit $status in ${elapsed_ms} ms (CPU pressure ${stalled_pct}%)"
    [[ $status -eq 0 ]] || { echo "expected exit 0" >&2; exit 1; }
    # Issue 8: the full run takes under 10 s. That is a claim about the suite, so it is judged
    # only when the run had the CPU: when other work kept a task waiting for a CPU more than half
    # of the run (Linux PSI, /proc/pressure/cpu "some"), the wall time measures the machine and is
    # printed, not judged. The ctest TIMEOUT still catches a hang.
    # A sanitizer build (SCIM_TEST_TIMEOUT_SCALE above 1) measures the sanitizer: printed too.
    if (( ${SCIM_TEST_TIMEOUT_SCALE:-1} > 1 )); then
      echo "full suite: 10 s bound not judged, the binaries are sanitized"
    elif (( stalled_pct <= 50 )); then
      [[ $elapsed_ms -lt 10000 ]] || { echo "expected < 10000 ms" >&2; exit 1; }
    else
      echo "full suite: 10 s bound not judged, the machine was loaded"
    fi
    ;;
  cursor)
    # expect_outcome WORD ID: the console line of ID in run.out is "WORD  ID (N ms)".
    expect_outcome() {
      grep -q -E "^$1  $2 \(" "$workdir/run.out" ||
        { cat "$workdir/run.out" >&2; echo "expected $1 for $2" >&2; exit 1; }
    }
    for variant in "--cursor-timeout 1" "--pagination cursor --default-pagination cursor"; do
      read -r -a flags <<<"$variant"
      start_server "${flags[@]}"
      status=0
      run_conformance --jobs 2 --only 'rfc9865/*' >"$workdir/run.out" 2>&1 || status=$?
      echo "cursor variant ($variant): exit $status"
      [[ $status -eq 0 ]] || { cat "$workdir/run.out" >&2; echo "expected exit 0" >&2; exit 1; }
      stop_server
      case "$variant" in
        --cursor-timeout*) expect_outcome PASS rfc9865/2.1/expired-cursor ;;
        --pagination*) expect_outcome PASS rfc9865/2.3/cursor-only-pages-plain-queries ;;
      esac
    done
    ;;
  profiles)
    start_server --lenient
    for profile in entra okta; do
      status=0
      run_conformance --profile "$profile" --only "profile-$profile/*" || status=$?
      echo "profile $profile: exit $status"
      [[ $status -eq 0 ]] || { echo "expected exit 0 for profile $profile" >&2; exit 1; }
    done
    ;;
  variants)
    # Tenants the admin API creates with RFC-legal behaviour variants on (docs/mock.md). The
    # runner reads each tenant's /ServiceProviderConfig (RFC 7643 §5) and judges what the tenant
    # says it supports: 0 failed, 0 errors, every skip with its reason.
    #  variants: bulk, sort, /Me, root queries, ETags, filtering and changePassword off, pages of
    #            at most 10, unknown attributes ignored;
    #  patch204: PATCH answers 204 (RFC 7644 §3.5.2 "MAY return ... 204");
    #  nopatch:  PATCH off (§3.5.2 "HTTP PATCH is an OPTIONAL server function").
    start_server --admin-token admin-e2e
    root=${base_url%/scim/v2}
    declare -A settings=(
      [variants]='{"maxResults": 10, "etag": false, "bulk": false, "sort": false, "me": false,
                   "rootQuery": false, "filter": false, "changePassword": false,
                   "leniencies": {"unknown-attribute": true}}'
      [patch204]='{"patchStatus": 204}'
      [nopatch]='{"patch": false}')
    for tenant in variants patch204 nopatch; do
      curl -sf -o /dev/null -X POST -H "Authorization: Bearer admin-e2e" \
        -H "Content-Type: application/json" "$root/admin/v1/tenants" \
        -d "{\"name\": \"$tenant\", \"tokens\": [\"$tenant-token\"], \"settings\": ${settings[$tenant]}}"
      base_url=$root/tenants/$tenant/scim/v2
      token=$tenant-token
      status=0
      run_conformance --jobs 2 >"$workdir/$tenant.out" 2>&1 || status=$?
      echo "$tenant tenant: exit $status, $(tail -n 1 "$workdir/$tenant.out")"
      grep -E '^(FAIL|ERROR) ' "$workdir/$tenant.out" && { echo "expected no failure" >&2; exit 1; }
      [[ $status -eq 0 ]] || { cat "$workdir/$tenant.out" >&2; echo "expected exit 0" >&2; exit 1; }
      skips_name_reasons "$workdir/$tenant.out" || { echo "every skip needs a reason" >&2; exit 1; }
    done
    ;;
  *)
    echo "unknown mode $mode" >&2
    exit 2
    ;;
esac
