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
#   BENCH_SCENARIOS ("get filter search group suite patch create bulk"), run in that order: the
#     reads and the suite (which removes what it creates) come first, so they meet the seeded
#     directory; patch adds an email to the users it touches, create and bulk add users (tens
#     of thousands, and hundreds of thousands for bulk)
#   BENCH_THREADS (1) BENCH_CONNECTIONS (32) BENCH_DURATION (5s) BENCH_ROUNDS (3)
#   BENCH_BUILD_DIR (build/release) BENCH_OUT (bench/out) BENCH_SKIP_BUILD (unset)
#   BENCH_SUITE_JOBS (4) BENCH_SLOW_DURATION (15s: search, bulk and group, whose requests are slow)
#   BENCH_PEERS ("scimmy" when node and npm exist, else ""): peers that run the get scenario in
#     the same rounds (bench/peers/); BENCH_PEER_MAX_USERS (100000): sizes above it skip them
#   BENCH_BIG_GROUP (half the users, at most 10000): members of the group scenario's big group
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

sizes=${BENCH_SIZES:-20000}
scenarios=${BENCH_SCENARIOS:-get filter search group suite patch create bulk}
threads=${BENCH_THREADS:-1}
connections=${BENCH_CONNECTIONS:-32}
duration=${BENCH_DURATION:-5s}
rounds=${BENCH_ROUNDS:-3}
build=${BENCH_BUILD_DIR:-build/release}
out=${BENCH_OUT:-bench/out}
suite_jobs=${BENCH_SUITE_JOBS:-4}
default_peers=""
command -v node >/dev/null && command -v npm >/dev/null && default_peers="scimmy"
peers=${BENCH_PEERS-$default_peers}
peer_max_users=${BENCH_PEER_MAX_USERS:-100000}
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
  # The files exist before the command starts: the background shell opens them for its
  # redirections only when it gets to run, and the loop below must not read a missing file
  # (sed's error would end the script under set -e and pipefail).
  : >"$out/$name.out"
  : >"$out/$name.err"
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
  printf '\n%-10s %7s %7s %8s %8s %7s %6s %8s %8s %6s %4s %7s %5s\n' scenario users 'req/s' \
    'p50 us' 'p99 us' ceiling ratio 'cpu us' 'ceil cpu' 'cpu r' err 'RSS MiB' load
}

# record NAME REQ_S P50 P99 CEILING RATIO CPU_US CEILING_CPU_US CPU_RATIO ERRORS [PID]: prints one
# row (the peak RSS of PID, our server by default) and appends it to results.tsv.
record() {
  local rss load
  rss=$(peak_rss_mib "${11:-$server_pid}")
  load=$(load1)
  printf '%-10s %7s %7s %8s %8s %7s %6s %8s %8s %6s %4s %7s %5s\n' "$1" "$users" "$2" "$3" "$4" \
    "$5" "$6" "$7" "$8" "$9" "${10}" "$rss" "$load"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$users" "$2" "$3" "$4" \
    "$5" "$6" "$7" "$8" "$9" "${10}" "$rss" "$load" >>"$results"
}

# mean FILE: the rounds of one target (run_wrk lines) as "<req/s> <p50> <p99> <errors> <cpu us>":
# means, except the errors, summed.
mean() {
  awk '{ r += $1; a += $2; b += $3; e += $5; c += $6 }
    END { printf "%.1f %d %d %d %.1f\n", r / NR, a / NR, b / NR, e, c / NR }' "$1"
}

# scenario NAME SCRIPT CONNECTIONS: BENCH_ROUNDS rounds, each a ceiling run, then the scenario on
# our server, then (for get) on each peer running. The ratio column divides throughputs; the
# "cpu r" column divides the CPU time per request of the ceiling by the target's, which drifts
# much less than throughput when other processes compete for the cores.
scenario() {
  local name=$1 script=$2 conns=$3 round t
  local targets=(server)
  [[ $name == get ]] && targets+=("${running_peers[@]}")
  rm -f "$out"/round-*.txt
  for round in $(seq 1 "$rounds"); do
    run_wrk "$ceiling_url" get_user.lua "$conns" /scim/v2 "$ceiling_pid" >>"$out/round-ceiling.txt"
    for t in "${targets[@]}"; do
      BENCH_RUN="$name$users$round$RANDOM" BENCH_IDS="${ids_of[$t]}" run_wrk "${url_of[$t]}" \
        "$script" "$conns" "${base_of[$t]}" "${pid_of[$t]}" >>"$out/round-$t.txt"
    done
  done
  local crps ccpu rps p50 p99 errors cpu row our_rps our_cpu
  read -r crps _ _ _ ccpu <<<"$(mean "$out/round-ceiling.txt")"
  for t in "${targets[@]}"; do
    read -r rps p50 p99 errors cpu <<<"$(mean "$out/round-$t.txt")"
    row=$name
    [[ $t == server ]] || row="$name/$t"
    record "$row" "$(calc "$rps" %.0f)" "$p50" "$p99" "$(calc "$crps" %.0f)" \
      "$(calc "$rps / $crps")" "$cpu" "$ccpu" "$(calc "$ccpu / $cpu")" "$errors" "${pid_of[$t]}"
    if [[ $t == server ]]; then
      our_rps=$rps our_cpu=$cpu
    else
      peer_ratio "$t" "$rps" "$cpu" "$our_rps" "$our_cpu"
    fi
  done
}

# peer_ratio PEER REQ_S CPU_US OUR_REQ_S OUR_CPU_US: our server against the peer, same rounds.
peer_ratio() {
  echo "  $name: our server / $1 in the same rounds: $(calc "$4 / $2" %.2f)x the req/s," \
    "$(calc "$3 / $5" %.2f)x less CPU per request"
}

# peer_install NAME: the peer's pinned packages (npm ci from its package-lock.json), again only
# when the lock file is newer than the last install.
peer_install() {
  local dir="$root/bench/peers/$1"
  [[ -f $dir/package-lock.json ]] || { echo "bench: unknown peer $1 (bench/peers/)" >&2; exit 2; }
  if [[ ! -f $dir/node_modules/.package-lock.json ||
    $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    echo "bench: npm ci in bench/peers/$1"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# start_peer NAME: the peer's server on its own, seeded with the same generated users as ours
# (over its /Bulk), and checked to answer a real SCIM GET with the seeded user.
start_peer() {
  local p=$1 started
  start "peer-$p-$users" node --max-old-space-size=8192 "$root/bench/peers/$p/server.js" \
    --port 0 --token "$token"
  url_of[$p]=$url pid_of[$p]=$last_pid base_of[$p]="/${url#http://*/}" ids_of[$p]="$out/ids-$p.tsv"
  started=$(now)
  "$bin/scim-bench-data" seed --url "$url" --token "$token" --users "$users" --batch 200 \
    --ids "${ids_of[$p]}" 2>>"$out/seed-$p.log"
  echo "bench: $p seeded in $(calc "$(now) - $started" %.1f)s, RSS $(peak_rss_mib "$last_pid") MiB"
  check_peer "$p"
  running_peers+=("$p")
}

# check_peer NAME: GET /Users/{id} of the first seeded user must be that user, in full.
check_peer() {
  local id name body ours
  IFS=$'\t' read -r id name <"${ids_of[$1]}"
  body=$(curl -sf -H "Authorization: Bearer $token" "${url_of[$1]}/Users/$id")
  node -e 'const [b, id, n] = process.argv.slice(1); const u = JSON.parse(b);
    const e = u["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"];
    if (u.id !== id || u.userName !== n || u.emails?.length !== 2 || !e?.employeeNumber) {
      console.error("bench: the peer answered " + b); process.exit(1); }' "$body" "$id" "$name"
  IFS=$'\t' read -r id _ <"$out/ids.tsv"
  ours=$(curl -sf -H "Authorization: Bearer $token" "$server_url/Users/$id" | wc -c)
  echo "bench: $1 answers GET /Users/{id} with the seeded user: ${#body} bytes (ours $ours)"
}

stop_peers() {
  local p
  for p in "${running_peers[@]}"; do
    kill "${pid_of[$p]}"
    wait "${pid_of[$p]}" 2>/dev/null || true
  done
  running_peers=()
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

# bench_size N: a fresh server holding N users (plus 100 groups of 20 and one of BENCH_BIG_GROUP),
# then every scenario.
bench_size() {
  users=$1
  start "server-$users" "$bin/scim-reference-server" --port 0 --threads "$threads" \
    --token "$token" --bulk-max-payload 8388608 --max-bulk-body-bytes 8388608
  server_url=$url
  server_pid=$last_pid
  base_path="/${server_url#http://*/}"
  local big=${BENCH_BIG_GROUP:-$((users / 2 < 10000 ? users / 2 : 10000))} started
  ((big < users)) || { echo "bench: BENCH_BIG_GROUP must be below the users ($users)" >&2; exit 2; }
  echo "bench: seeding $users users (load $(load1))"
  started=$(now)
  "$bin/scim-bench-data" seed --url "$server_url" --token "$token" --users "$users" \
    --groups 100 --group-size 20 --big-group "$big" --ids "$out/ids.tsv" \
    --group-id-file "$out/big-group.txt" 2>>"$out/seed.log"
  echo "bench: seeded in $(calc "$(now) - $started" %.1f)s," \
    "peak RSS $(peak_rss_mib "$server_pid") MiB, load $(load1)"
  url_of[server]=$server_url pid_of[server]=$server_pid base_of[server]=$base_path
  ids_of[server]="$out/ids.tsv"
  if ((users <= peer_max_users)); then
    for p in $peers; do start_peer "$p"; done
  fi
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
  stop_peers
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
}

declare -A url_of pid_of base_of ids_of
running_peers=()
for p in $peers; do peer_install "$p"; done
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
