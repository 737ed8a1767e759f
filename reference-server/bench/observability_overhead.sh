#!/usr/bin/env bash
# What metrics and access logs cost (docs/observability.md, "Overhead"): wrk drives
# GET /scim/v2/Users/{id} (keep-alive, --connections connections, --threads wrk threads) against
# the server with metrics and access logs off (--no-metrics --no-access-log) and on (the
# defaults, access log written to a file), interleaved run by run so that the shared machine's
# load drifts over both alike, and prints each run, the medians and the overhead.
#   observability_overhead.sh SERVER [--runs N] [--seconds S] [--connections C] [--users U]
# Not a timed test: it measures and prints. The machine's load average is printed before and
# after, since other work on the machine moves the figures.
set -euo pipefail

server=${1:?path to scim-reference-server}
shift
runs=7 seconds=10 connections=16 users=10000 server_threads=2
while (($#)); do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
workdir=$(mktemp -d)
source "$(dirname "$0")/../tests/server_helpers.sh"

# Seed users with fixed ids, so every run reads the same resource.
jq -n --argjson n "$users" '{Users: [range(0; $n) | {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: "user\(.)", name: {givenName: "Given\(.)", familyName: "Family\(.)"},
    emails: [{value: "user\(.)@example.com", type: "work", primary: true}]}]}' \
  >"$workdir/seed.json"

start() {  # start MODE: "off" or "on"
  local extra=()
  [[ $1 == off ]] && extra=(--no-metrics --no-access-log)
  start_server "$server" --threads "$server_threads" --seed "$workdir/seed.json" "${extra[@]}"
}

# CPU time the server process has used (user + system, every thread: the log's writer too), in
# clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

# One run: "REQ_PER_S CPU_US_PER_REQUEST" of GET /Users/{id} for the middle user. Throughput
# depends on what else the shared machine runs; CPU time per request much less so.
measure() {
  local id before after
  id=$(curl -sf -G -H "Authorization: Bearer secret" "$base/Users" \
    --data-urlencode "filter=userName eq \"user$((users / 2))\"" | jq -r '.Resources[0].id')
  before=$(cpu_ticks)
  wrk -t 2 -c "$connections" -d "${seconds}s" -H "Authorization: Bearer secret" \
    "$base/Users/$id" >"$workdir/wrk.out"
  after=$(cpu_ticks)
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    / requests in / {n = $1}
    /^Requests\/sec:/ {rps = $2}
    END {printf "%s %.1f\n", rps, ticks / hz / n * 1e6}' "$workdir/wrk.out"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "machine: $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "load: wrk -t 2 -c $connections -d ${seconds}s GET /scim/v2/Users/{id}; $users users; server --threads $server_threads"
for mode in off on; do : >"$workdir/$mode.rps" && : >"$workdir/$mode.cpu"; done
for ((i = 1; i <= runs; i++)); do
  for mode in off on; do
    start "$mode"
    read -r rps cpu < <(measure)
    stop_server
    cp "$workdir/server.err" "$workdir/access-$mode.log"
    echo "$rps" >>"$workdir/$mode.rps"
    echo "$cpu" >>"$workdir/$mode.cpu"
    echo "run $i $mode: $rps req/s, $cpu CPU-us/request (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
off=$(median <"$workdir/off.rps") on=$(median <"$workdir/on.rps")
off_cpu=$(median <"$workdir/off.cpu") on_cpu=$(median <"$workdir/on.cpu")
echo "median off (--no-metrics --no-access-log): $off req/s, $off_cpu CPU-us/request"
echo "median on (metrics + access log to a file): $on req/s, $on_cpu CPU-us/request"
awk -v off="$off" -v on="$on" -v oc="$off_cpu" -v nc="$on_cpu" 'BEGIN {
  printf "overhead: %.1f %% of throughput (medians); %.1f %% more CPU per request\n",
         (off - on) / off * 100, (nc - oc) / oc * 100}'
echo "access-log lines written in the last 'on' run: $(grep -c ' access ' "$workdir/access-on.log" || true)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
