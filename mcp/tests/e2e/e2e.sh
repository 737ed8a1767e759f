#!/usr/bin/env bash
# End-to-end proof of scim-mcp with real MCP clients, against a real reference server.
#   e2e.sh sdk SCIM_MCP REFERENCE_SERVER          the official TypeScript SDK client, stdio + HTTP
#   e2e.sh conformance SCIM_MCP REFERENCE_SERVER  the official MCP conformance suite over HTTP
# Installs the pinned npm packages (npm ci) when node_modules is missing. Every server binds
# 127.0.0.1 port 0; only the PIDs started here are stopped.
set -euo pipefail
mode=$1 mcp=$2 server=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ! -d "$here/node_modules/@modelcontextprotocol/sdk" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

# start VAR LOG CMD...: starts CMD in the background and sets VAR to the URL of its
# "listening on URL" line. It runs in this shell, not in a $(...) subshell, so the PID it records
# reaches cleanup (from a subshell it was lost, and the servers outlived the test).
start() {
  local var=$1 log=$2
  shift 2
  "$@" >"$log" 2>"$log.err" &
  pids+=($!)
  for _ in $(seq 1 600); do
    if grep -q '^listening on ' "$log"; then
      printf -v "$var" '%s' "$(sed -n 's/^listening on \(.*\)$/\1/p' "$log" | head -1)"
      return 0
    fi
    sleep 0.05
  done
  echo "did not start: $*" >&2
  cat "$log.err" >&2
  return 1
}

export SCIM_E2E_TOKEN="e2e-$RANDOM$RANDOM"
export SCIM_E2E_ADMIN_TOKEN="admin-$RANDOM$RANDOM"  # the mock tools drive /admin/v1 with it
start base "$work/server.out" "$server" --port 0 --token "$SCIM_E2E_TOKEN" \
  --admin-token "$SCIM_E2E_ADMIN_TOKEN"

case "$mode" in
  sdk)
    node "$here/sdk_client.mjs" stdio "$mcp" "$base"
    export MCP_E2E_HTTP_TOKEN="http-$RANDOM$RANDOM"
    start url "$work/mcp.out" "$mcp" --http 127.0.0.1:0 --base-url "$base" \
      --token-env SCIM_E2E_TOKEN --admin-token-env SCIM_E2E_ADMIN_TOKEN \
      --http-token-env MCP_E2E_HTTP_TOKEN
    node "$here/sdk_client.mjs" http "$mcp" "$base" "$url"
    ;;
  conformance)
    start url "$work/mcp.out" "$mcp" --http 127.0.0.1:0 --base-url "$base" \
      --token-env SCIM_E2E_TOKEN --mcp-test-tools
    # The general scenarios that must pass (docs/mcp.md lists those that do not apply and why).
    scenarios=(server-initialize ping tools-list logging-set-level tools-call-error
               tools-call-simple-text tools-call-with-logging tools-call-with-progress
               resources-list prompts-list dns-rebinding-protection)
    failed=0
    for s in "${scenarios[@]}"; do
      rc=0
      out=$(cd "$work" && node "$here/node_modules/@modelcontextprotocol/conformance/dist/index.js" \
        server --url "$url" --scenario "$s" 2>&1) || rc=$?
      # A pass: exit 0 and every counted check passed ("Passed: N/N, 0 failed", N > 0).
      if ((rc == 0)) && grep -qE '^Passed: ([1-9][0-9]*)/\1, 0 failed' <<<"$out"; then
        echo "PASS $s"
      else
        echo "FAIL $s"
        echo "$out" | tail -20
        failed=1
      fi
    done
    exit $failed
    ;;
  *)
    echo "usage: e2e.sh sdk|conformance SCIM_MCP REFERENCE_SERVER" >&2
    exit 2
    ;;
esac
