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
runs=5 seconds=10 connections=16 users=10000 server_threads=2
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

# One run: requests per second of GET /Users/{id} for the middle user.
measure() {
  local id
  id=$(curl -sf -G -H "Authorization: Bearer secret" "$base/Users" \
    --data-urlencode "filter=userName eq \"user$((users / 2))\"" | jq -r '.Resources[0].id')
  wrk -t 2 -c "$connections" -d "${seconds}s" -H "Authorization: Bearer secret" \
    "$base/Users/$id" | awk '/^Requests\/sec:/ {print $2}'
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "machine: $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "load: wrk -t 2 -c $connections -d ${seconds}s GET /scim/v2/Users/{id}; $users users; server --threads $server_threads"
: >"$workdir/off" && : >"$workdir/on"
for ((i = 1; i <= runs; i++)); do
  for mode in off on; do
    start "$mode"
    rps=$(measure)
    stop_server
    cp "$workdir/server.err" "$workdir/access-$mode.log"
    echo "$rps" >>"$workdir/$mode"
    echo "run $i $mode: $rps req/s (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
off=$(median <"$workdir/off")
on=$(median <"$workdir/on")
echo "median off (--no-metrics --no-access-log): $off req/s"
echo "median on (metrics + access log to a file): $on req/s"
awk -v off="$off" -v on="$on" 'BEGIN {printf "overhead: %.1f %% of throughput\n", (off - on) / off * 100}'
echo "access-log lines written in the last 'on' run: $(grep -c ' access ' "$workdir/access-on.log" || true)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
