#!/usr/bin/env bash
# /metrics read by Prometheus's own tools (docs/observability.md), run by CTest (label e2e):
#   metrics_e2e.sh promtool   SERVER  Debian's `promtool check metrics` accepts the exposition
#                                     (names, units, types, HELP, histogram shape), and the
#                                     families the issue lists are there
#   metrics_e2e.sh prometheus SERVER  a real `prometheus` scrapes the server (behind the admin
#                                     token) and the count of our requests comes back through
#                                     Prometheus's HTTP query API
# The server binds 127.0.0.1 port 0 and prints its URL. Prometheus cannot report a port 0
# choice, so it gets a random free-looking port and is restarted on another one if that port
# turns out to be taken. Only the PIDs started here are stopped.
set -euo pipefail

mode=${1:?promtool or prometheus}
server=${2:?path to scim-reference-server}
workdir=$(mktemp -d)
source "$(dirname "$0")/server_helpers.sh"

fail() {
  echo "metrics_e2e: FAILED: $*" >&2
  exit 1
}
need() { command -v "$1" >/dev/null || fail "$1 is not installed (bash ci/setup-deps.sh)"; }

# Traffic with known counts: 3 users created, one 404, one 401.
send_traffic() {
  local scim="$root/tenants/acme/scim/v2" i
  for i in 1 2 3; do
    curl -sf -o /dev/null -H "Authorization: Bearer acme-token" \
      -H "Content-Type: application/scim+json" -X POST "$scim/Users" \
      -d "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"u$i\"}" ||
      fail "POST /Users $i"
  done
  curl -s -o /dev/null -H "Authorization: Bearer acme-token" "$scim/Users/no-such-id"
  curl -s -o /dev/null "$scim/Users"
}

check_promtool() {
  need promtool
  start_server "$server" --admin-token admin-secret --token acme-token=acme
  send_traffic
  curl -sf -o "$workdir/metrics.txt" -D "$workdir/headers" "$root/metrics" || fail "GET /metrics"
  grep -qi '^content-type: text/plain; version=0.0.4' "$workdir/headers" ||
    fail "Content-Type: $(grep -i '^content-type' "$workdir/headers")"
  # promtool exits non-zero on format errors and prints lint problems (naming, units) on stderr.
  promtool check metrics <"$workdir/metrics.txt" >"$workdir/lint" 2>&1 ||
    { cat "$workdir/lint" >&2; fail "promtool check metrics"; }
  [[ ! -s "$workdir/lint" ]] || { cat "$workdir/lint" >&2; fail "promtool lint findings"; }
  local family
  for family in scim_http_requests_total scim_http_request_duration_seconds scim_resources \
    scim_journal_entries scim_journal_evictions_total scim_sets_published_total \
    scim_sets_pushed_total scim_sets_push_failed_total scim_sets_dropped_total \
    scim_poll_queue_depth scim_async_jobs_created_total scim_leniencies_used_total \
    scim_faults_injected_total scim_http_open_connections scim_http_rejected_connections_total; do
    grep -q "^# TYPE $family " "$workdir/metrics.txt" || fail "family $family missing"
  done
  grep -q '^scim_resources{tenant="acme",resource_type="User"} 3$' "$workdir/metrics.txt" ||
    fail "scim_resources for acme/User is not 3"
  grep -q '^scim_http_requests_total{tenant="acme",method="POST",resource_type="User",status_class="2xx"} 3$' \
    "$workdir/metrics.txt" || fail "3 POST /Users 2xx not counted"
  grep -q 'no-such-id' "$workdir/metrics.txt" && fail "an id became a label"
  echo "ok: promtool check metrics passes with no findings; families present"
}

# Starts prometheus on a random port; retries on another one when the port is taken.
start_prometheus() {
  local host_port=${root#http://} attempt
  cat >"$workdir/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: scim
    metrics_path: /metrics
    authorization:
      credentials: admin-secret
    static_configs:
      - targets: ["$host_port"]
YAML
  for attempt in 1 2 3 4 5; do
    prom_port=$((20000 + RANDOM % 30000))
    prometheus --config.file="$workdir/prometheus.yml" --storage.tsdb.path="$workdir/tsdb" \
      --web.listen-address="127.0.0.1:$prom_port" --log.level=warn \
      >"$workdir/prometheus.log" 2>&1 &
    server_pids+=($!)
    for _ in $(seq 1 100); do
      if curl -sf -o /dev/null "http://127.0.0.1:$prom_port/-/ready"; then return 0; fi
      kill -0 "${server_pids[-1]}" 2>/dev/null || break
      sleep 0.1
    done
    grep -q 'address already in use' "$workdir/prometheus.log" ||
      { cat "$workdir/prometheus.log" >&2; fail "prometheus did not become ready"; }
  done
  fail "no free port for prometheus after 5 attempts"
}

check_prometheus() {
  need prometheus
  start_server "$server" --admin-token admin-secret --token acme-token=acme --metrics-auth admin
  code=$(curl -s -o /dev/null -w '%{http_code}' "$root/metrics")
  [[ "$code" == 401 ]] || fail "/metrics without the admin token: expected 401, got $code"
  send_traffic
  start_prometheus
  local query='scim_http_requests_total{job="scim",tenant="acme",method="POST",resource_type="User",status_class="2xx"}'
  local value=""
  for _ in $(seq 1 150); do
    value=$(curl -s -G "http://127.0.0.1:$prom_port/api/v1/query" --data-urlencode "query=$query" |
      jq -r '.data.result[0].value[1] // empty')
    [[ -n "$value" ]] && break
    sleep 0.1
  done
  [[ "$value" == 3 ]] || fail "Prometheus read '$value' for $query, expected 3"
  health=$(curl -s "http://127.0.0.1:$prom_port/api/v1/targets" |
    jq -r '.data.activeTargets[0].health')
  [[ "$health" == up ]] || fail "the scrape target is '$health'"
  echo "ok: prometheus scraped /metrics with the admin token and reads $query = $value"
}

case "$mode" in
  promtool) check_promtool ;;
  prometheus) check_prometheus ;;
  *) fail "unknown mode $mode" ;;
esac
