#!/usr/bin/env bash
# The performance benchmark (docs/performance.md). Not part of the tests: it measures and prints.
#
# Builds the release preset, starts the bare Beast ceiling (scim-bench-ceiling) and, for each
# directory size, a fresh scim-reference-server with the same thread count; seeds generated
# Entra/Okta-shaped users and groups over /Bulk and drives the server with wrk. Each scenario
# runs BENCH_ROUNDS times, each round right after a ceiling run of the same length and
# connections, and is printed as req/s, p50/p99 latency, the ratio to the ceiling of the same
# rounds, the server's peak RSS and the 1-minute load average. With several sizes it also plots
# the cost curve (gnuplot) to $BENCH_OUT/cost-curve.svg.
#
# Needs wrk (and gnuplot for the chart): SCIM_DEPS_EXTRA=bench bash ci/setup-deps.sh
# Environment (defaults):
#   BENCH_SIZES ("20000")  directory sizes; "10000 100000 1000000" draws the cost curve
#   BENCH_SCENARIOS ("get filter create patch search bulk group suite")
#   BENCH_THREADS (1) BENCH_CONNECTIONS (32) BENCH_DURATION (5s) BENCH_ROUNDS (3)
#   BENCH_BUILD_DIR (build/release) BENCH_OUT (bench/out) BENCH_SKIP_BUILD (unset)
#   BENCH_SUITE_JOBS (4) BENCH_SLOW_DURATION (15s: search, bulk and group, whose requests are slow)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

sizes=${BENCH_SIZES:-20000}
scenarios=${BENCH_SCENARIOS:-get filter create patch search bulk group suite}
threads=${BENCH_THREADS:-1}
connections=${BENCH_CONNECTIONS:-32}
duration=${BENCH_DURATION:-5s}
rounds=${BENCH_ROUNDS:-3}
build=${BENCH_BUILD_DIR:-build/release}
out=${BENCH_OUT:-bench/out}
suite_jobs=${BENCH_SUITE_JOBS:-4}
token=secret
mkdir -p "$out"
results="$out/results.tsv"

command -v wrk >/dev/null || {
  echo "bench: wrk is missing; run: SCIM_DEPS_EXTRA=bench bash ci/setup-deps.sh" >&2
  exit 2
}
targets=(scim-reference-server scim-bench-ceiling scim-bench-data)
[[ " $scenarios " == *" suite "* ]] && targets+=(scim-conformance)
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  cmake --preset release -B "$build" >/dev/null
  cmake --build "$build" -j2 --target "${targets[@]}"
fi
bin="$root/$build/bin"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start NAME CMD...: runs CMD in the background; sets $url and $last_pid from its
# "listening on URL" line.
start() {
  local name=$1
  shift
  "$@" >"$out/$name.out" 2>"$out/$name.err" &
  last_pid=$!
  pids+=("$last_pid")
  for _ in $(seq 1 600); do
    url=$(sed -n 's/^listening on //p' "$out/$name.out" | head -n1)
    [[ -n $url ]] && return 0
    sleep 0.1
  done
  echo "bench: $name did not start; see $out/$name.err" >&2
  exit 1
}

# calc EXPR [FORMAT]: floating-point arithmetic without bc.
calc() { awk "BEGIN { printf \"${2:-%.3f}\", $1 }"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
peak_rss_mib() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
now() { date +%s.%N; }

# CPU seconds (user + system) a process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"; }

# run_wrk URL SCRIPT CONNECTIONS BASE_PATH PID: prints "<req/s> <p50 us> <p99 us> <requests>
# <errors> <cpu us per request>", the last from the CPU time PID used during the run.
run_wrk() {
  local log="$out/wrk.log" before after
  before=$(cpu_seconds "$5")
  BENCH_BASE_PATH=$4 wrk -t1 -c"$3" -d"$duration" --timeout 30s -s "$root/bench/wrk/$2" "$1" \
    >"$log" 2>&1
  after=$(cpu_seconds "$5")
  local line
  line=$(sed -n 's/^RESULT //p' "$log")
  [[ -n $line ]] || { echo "bench: wrk failed:" >&2; cat "$log" >&2; exit 1; }
  local requests
  requests=$(cut -d' ' -f4 <<<"$line")
  ((requests > 0)) || { echo "bench: no request completed within $duration" >&2; exit 1; }
  echo "$line $(calc "($after - $before) * 1e6 / $requests" %.1f)"
}

header() {
  printf '\n%-7s %7s %7s %8s %8s %7s %6s %8s %8s %6s %4s %7s %5s\n' scenario users 'req/s' \
    'p50 us' 'p99 us' ceiling ratio 'cpu us' 'ceil cpu' 'cpu r' err 'RSS MiB' load
}

# record NAME REQ_S P50 P99 CEILING RATIO CPU_US CEILING_CPU_US CPU_RATIO ERRORS: prints one row
# and appends it to results.tsv.
record() {
  local rss load
  rss=$(peak_rss_mib "$server_pid")
  load=$(load1)
  printf '%-7s %7s %7s %8s %8s %7s %6s %8s %8s %6s %4s %7s %5s\n' "$1" "$users" "$2" "$3" "$4" \
    "$5" "$6" "$7" "$8" "$9" "${10}" "$rss" "$load"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$users" "$2" "$3" "$4" \
    "$5" "$6" "$7" "$8" "$9" "${10}" "$rss" "$load" >>"$results"
}

# scenario NAME SCRIPT CONNECTIONS: BENCH_ROUNDS rounds, each a ceiling run then the scenario.
# The ratio column divides throughputs; the "cpu r" column divides the CPU time per request of
# the ceiling by the server's, which drifts much less than throughput when other processes
# compete for the cores.
scenario() {
  local name=$1 script=$2 conns=$3 sum=0 csum=0 cpu=0 ccpu=0 p50=0 p99=0 errors=0 round c s
  local rps r50 r99 rerr rcpu
  for round in $(seq 1 "$rounds"); do
    c=$(run_wrk "$ceiling_url" get_user.lua "$conns" "/scim/v2" "$ceiling_pid")
    s=$(BENCH_RUN="$name$users$round$RANDOM" \
      run_wrk "$server_url" "$script" "$conns" "$base_path" "$server_pid")
    csum=$(calc "$csum + ${c%% *}")
    ccpu=$(calc "$ccpu + ${c##* }")
    read -r rps r50 r99 _ rerr rcpu <<<"$s"
    sum=$(calc "$sum + $rps")
    cpu=$(calc "$cpu + $rcpu")
    p50=$((p50 + r50)) p99=$((p99 + r99)) errors=$((errors + rerr))
  done
  record "$name" "$(calc "$sum / $rounds" %.0f)" $((p50 / rounds)) $((p99 / rounds)) \
    "$(calc "$csum / $rounds" %.0f)" "$(calc "$sum / $csum" %.3f)" "$(calc "$cpu / $rounds" %.1f)" \
    "$(calc "$ccpu / $rounds" %.1f)" "$(calc "$ccpu / $cpu" %.3f)" "$errors"
}

# The whole conformance suite against the server (wall time; the ratio column is empty).
suite() {
  local started s rc=0
  started=$(now)
  "$bin/scim-conformance" run --base-url "$server_url" --token "$token" --jobs "$suite_jobs" \
    --json "$out/suite.json" >"$out/suite.log" 2>&1 || rc=$?
  s=$(calc "$(now) - $started" %.2f)
  record suite "${s}s" - - - - - - - "exit=$rc"
}

# bench_size N: a fresh server holding N users (plus 100 groups of 20 and one of up to 10,000),
# then every scenario.
bench_size() {
  users=$1
  start "server-$users" "$bin/scim-reference-server" --port 0 --threads "$threads" \
    --token "$token" --bulk-max-payload 8388608 --max-bulk-body-bytes 8388608
  server_url=$url
  server_pid=$last_pid
  base_path="/${server_url#http://*/}"
  local big=$((users / 2 < 10000 ? users / 2 : 10000)) started
  echo "bench: seeding $users users (load $(load1))"
  started=$(now)
  "$bin/scim-bench-data" seed --url "$server_url" --token "$token" --users "$users" \
    --groups 100 --group-size 20 --big-group "$big" --ids "$out/ids.tsv" \
    --group-id-file "$out/big-group.txt" 2>>"$out/seed.log"
  echo "bench: seeded in $(calc "$(now) - $started" %.1f)s," \
    "peak RSS $(peak_rss_mib "$server_pid") MiB, load $(load1)"
  export BENCH_GROUP_SIZE=$big
  header
  for s in $scenarios; do
    case $s in
      get) scenario get get_user.lua "$connections" ;;
      filter) scenario filter filter_username.lua "$connections" ;;
      create) scenario create create_user.lua 8 ;;
      patch) scenario patch patch_user.lua "$connections" ;;
      search) duration=${BENCH_SLOW_DURATION:-15s} scenario search search_co.lua 4 ;;
      bulk) duration=${BENCH_SLOW_DURATION:-15s} scenario bulk bulk_create.lua 1 ;;
      group) duration=${BENCH_SLOW_DURATION:-15s} scenario group group_member.lua 1 ;;
      suite) suite ;;
      *) echo "bench: unknown scenario $s" >&2; exit 2 ;;
    esac
  done
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
}

start ceiling "$bin/scim-bench-ceiling" --port 0 --threads "$threads"
ceiling_url=$url
ceiling_pid=$last_pid
"$bin/scim-bench-data" template >"$out/template.json"
export BENCH_LUA_DIR="$root/bench/wrk" BENCH_IDS="$out/ids.tsv" BENCH_TOKEN=$token
export BENCH_TEMPLATE="$out/template.json" BENCH_GROUP_FILE="$out/big-group.txt"

printf '%s\t' scenario users req_s p50_us p99_us ceiling_req_s ratio cpu_us_per_req \
  ceiling_cpu_us_per_req cpu_ratio errors peak_rss_mib >"$results"
printf 'load1\n' >>"$results"
echo "bench: $(nproc) CPUs, load $(load1); server and ceiling on $threads thread(s);" \
  "wrk -t1, $duration x $rounds interleaved rounds per scenario"
for n in $sizes; do bench_size "$n"; done
echo "bench: results in $results"

# The cost curve: p50 latency per scenario against the directory size (log-log).
if [[ $(wc -w <<<"$sizes") -gt 1 ]] && command -v gnuplot >/dev/null; then
  bash "$root/bench/plot-curve.sh" "$results" "$out/cost-curve.svg"
  echo "bench: cost curve in $out/cost-curve.svg"
fi
