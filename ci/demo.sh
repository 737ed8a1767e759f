#!/usr/bin/env bash
# The newcomer's path from clone to a compliance report (the README's main-job command):
# install dependencies, build the release preset, start the reference server on a free port,
# run the full conformance suite against it, write every report to reports/out/, print the
# Markdown summary, stop the server, and exit with the runner's code (0 pass, 1 fail, 2 usage or
# connection error).
#
# The server is configured so that every check can apply (issue 13): it pushes SETs to the
# runner's loopback receiver (RFC 8935), has a feed of the runner's own to poll (RFC 8936,
# --poll-feed), and the token is bound to a seeded user (ci/demo-seed.json), so /Me resolves
# (RFC 7644 §3.11). What is still skipped names its reason in the report.
#
# Environment (all optional):
#   SCIM_REPORTS_DIR   where reports go (default reports/out)
#   SCIM_DEMO_TOKEN    bearer token shared by server and runner (default secret)
#   SCIM_BUILD_JOBS    parallel build jobs (default: number of CPUs)
#   SCIM_BUILD_DIR     build directory for the release preset (default build/release)
#   SCIM_DEMO_ARGS     extra arguments for `scim-conformance run`, e.g. "--profile entra"
#   SCIM_DEMO_RECEIVER_PORT  port of the runner's SET receiver (default: random in 20000-49999)
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir=${SCIM_REPORTS_DIR:-reports/out}
token=${SCIM_DEMO_TOKEN:-secret}
jobs=${SCIM_BUILD_JOBS:-$(nproc)}
build_dir=${SCIM_BUILD_DIR:-build/release}
bin=$build_dir/bin
startup_timeout=60  # seconds to wait for the server's "listening on" line

bash ci/setup-deps.sh
cmake --preset release -B "$build_dir"
cmake --build "$build_dir" --target scim-reference-server scim-conformance -j "$jobs"

mkdir -p "$out_dir"
server_log=$(mktemp)
server_pid=""

# shellcheck disable=SC2317  # invoked through the EXIT trap
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    # The server shuts down cleanly on SIGTERM; only escalate if it hangs.
    for _ in $(seq 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f "$server_log"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# The loopback SET receiver's port, fixed before the run so the server can be told where to push.
receiver_port=${SCIM_DEMO_RECEIVER_PORT:-$(( 20000 + RANDOM % 30000 ))}
me_subject=demo-me-0001  # the id of the user in ci/demo-seed.json
# --devices: the RFC 9944 resource types, so the report judges them too (cursors are on by default).
"$bin/scim-reference-server" --bind 127.0.0.1 --port 0 --token "$token=default:$me_subject" \
  --seed ci/demo-seed.json --push-receiver "http://127.0.0.1:$receiver_port/events" \
  --events-feed conformance --devices >"$server_log" 2>&1 &
server_pid=$!

# Architecture contract: exactly one line "listening on http://HOST:PORT/BASE" once ready.
base_url=""
for _ in $(seq $((startup_timeout * 10))); do
  base_url=$(sed -n 's/^listening on \(https\{0,1\}:\/\/[^[:space:]]*\).*/\1/p' "$server_log")
  [[ -n "$base_url" ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "demo: scim-reference-server exited before it was ready:" >&2
    cat "$server_log" >&2
    exit 2
  fi
  sleep 0.1
done
if [[ -z "$base_url" ]]; then
  echo "demo: no 'listening on' line from scim-reference-server after ${startup_timeout}s" >&2
  cat "$server_log" >&2
  exit 2
fi
echo "demo: reference server (pid $server_pid) at $base_url"

read -r -a extra_args <<<"${SCIM_DEMO_ARGS:-}"
set +e
"$bin/scim-conformance" run --base-url "$base_url" --token "$token" \
  --receiver-port "$receiver_port" --poll-feed conformance \
  --junit "$out_dir/junit.xml" --html "$out_dir/report.html" \
  --json "$out_dir/results.json" --md "$out_dir/summary.md" "${extra_args[@]}"
code=$?
set -e

echo
if [[ -f "$out_dir/summary.md" ]]; then cat "$out_dir/summary.md"; fi
echo
echo "demo: reports written:"
for f in report.html junit.xml results.json summary.md; do
  if [[ -f "$out_dir/$f" ]]; then echo "  $out_dir/$f"; fi
done
echo "demo: scim-conformance exited with $code (0 = every MUST passed, 1 = failures, 2 = usage/connection)"
exit "$code"
