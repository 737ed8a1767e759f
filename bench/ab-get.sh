#!/usr/bin/env bash
# Interleaved A/B of scenario 1 (GET /Users/{id}, bench/wrk/get_user.lua) between two server
# builds, with the ceiling (scim-bench-ceiling) in every round: the CPU time per GET of each
# server and of the ceiling, the figure the machine's load moves least (docs/performance.md), and
# the ratios to the ceiling by CPU and by requests per second. Not a test: it measures and prints.
#
#   bash bench/ab-get.sh BEFORE_BIN_DIR AFTER_BIN_DIR
#
# Each BIN_DIR holds scim-reference-server; AFTER_BIN_DIR also scim-bench-data and
# scim-bench-ceiling. Both servers start fresh (one thread) and are seeded the same way (AB_USERS
# (20000) generated users, 100 groups of 20 and a big group of AB_BIG_GROUP (10000) members, as
# ci/bench.sh does); then AB_ROUNDS rounds (3) of AB_DURATION (5s) with AB_CONNECTIONS (32)
# connections each run wrk on the ceiling, then on one server and the other, alternating which
# goes first; with AB_PARALLEL=1 the two servers are driven at the same time instead (one wrk
# each), so both meet the same competition for the cores, which on a loaded machine moves the CPU
# time per request more than the change being measured. AB_BEFORE_ARGS and AB_AFTER_ARGS add
# server options (--no-access-log on both measures the servers without their access log).
# Output: one line per round and target, then the means; rows also go to AB_OUT
# (/tmp/ab-get)/results.tsv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before=$1 after=$2
users=${AB_USERS:-20000}
big=${AB_BIG_GROUP:-10000}
rounds=${AB_ROUNDS:-3}
duration=${AB_DURATION:-5s}
connections=${AB_CONNECTIONS:-32}
out=${AB_OUT:-/tmp/ab-get}
token=secret
mkdir -p "$out"
declare -A url_of pid_of
cleanup() { for p in "${pid_of[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# launch NAME CMD...: starts CMD; sets url_of[NAME] and pid_of[NAME] from "listening on URL".
launch() {
  local name=$1 log="$out/$1.out" url=""
  shift
  "$@" >"$log" 2>"$out/$name.err" &
  pid_of[$name]=$!
  for _ in $(seq 1 300); do
    url=$(sed -n 's/^listening on //p' "$log" | head -n1)
    [[ -n $url ]] && break
    sleep 0.1
  done
  [[ -n $url ]] || { echo "ab: $name did not start" >&2; exit 1; }
  url_of[$name]=$url
}

# serve NAME BIN_DIR [OPTIONS]: starts and seeds a server.
serve() {
  local name=$1 extra
  read -r -a extra <<<"${3:-}"
  launch "$name" "$2/scim-reference-server" --port 0 --threads 1 --token "$token" \
    --bulk-max-payload 8388608 --max-bulk-body-bytes 8388608 "${extra[@]}"
  "$after/scim-bench-data" seed --url "${url_of[$name]}" --token "$token" --users "$users" \
    --groups 100 --group-size 20 --big-group "$big" --ids "$out/ids-$name.tsv" \
    --group-id-file "$out/group-$name.txt" 2>>"$out/seed.log"
}

# round NAME: one wrk run; prints "<req/s> <requests> <errors> <p50 us> <cpu us per GET>".
round() {
  local url=${url_of[$1]} pid=${pid_of[$1]} ids="$out/ids-$1.tsv" t0 t1 line rps p50 n errors
  local base="/${url#http://*/}"
  [[ $1 == ceiling ]] && ids="$out/ids-after.tsv" base=/scim/v2
  t0=$(cpu_seconds "$pid")
  line=$(BENCH_LUA_DIR="$root/bench/wrk" BENCH_TOKEN=$token BENCH_IDS="$ids" \
    BENCH_BASE_PATH="$base" \
    wrk -t1 -c"$connections" -d"$duration" --timeout 30s -s "$root/bench/wrk/get_user.lua" "$url" |
    sed -n 's/^RESULT //p')
  t1=$(cpu_seconds "$pid")
  read -r rps p50 _ n errors <<<"$line"
  awk -v r="$rps" -v n="$n" -v e="$errors" -v p="$p50" -v a="$t0" -v b="$t1" \
    'BEGIN { printf "%.0f %d %d %d %.1f\n", r, n, e, p, n ? (b - a) * 1e6 / n : 0 }'
}

launch ceiling "$after/scim-bench-ceiling" --port 0 --threads 1
serve before "$before" "${AB_BEFORE_ARGS:-}"
serve after "$after" "${AB_AFTER_ARGS:-}"
echo "ab: GET /Users/{id}, $users users, $connections connections, $duration rounds; load $(load1)"
printf 'round\ttarget\treq_s\trequests\terrors\tp50_us\tcpu_us_per_get\tload1\n' >"$out/results.tsv"
# note ROUND TARGET ROW: one result row, printed and kept.
note() {
  local load
  load=$(load1)
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "${3// /$'\t'}" "$load" >>"$out/results.tsv"
  echo "  round $1 $2: req/s requests errors p50_us cpu_us/GET = $3 (load $load)"
}

for r in $(seq 1 "$rounds"); do
  note "$r" ceiling "$(round ceiling)"
  if [[ -n ${AB_PARALLEL:-} ]]; then
    round before >"$out/round-before.txt" &
    round after >"$out/round-after.txt"
    wait $!
    note "$r" before "$(cat "$out/round-before.txt")"
    note "$r" after "$(cat "$out/round-after.txt")"
    continue
  fi
  order="before after"
  ((r % 2)) || order="after before"
  for s in $order; do note "$r" "$s" "$(round "$s")"; done
done
awk -F'\t' 'NR > 1 { c[$2] += $7; q[$2] += $3; e[$2] += $5; n[$2]++ }
  END {
    for (s in n) printf "ab: %-7s %8.1f us of CPU per GET, %8.0f req/s (means of %d rounds), %d errors\n",
      s, c[s] / n[s], q[s] / n[s], n[s], e[s]
    for (s in n) if (s != "ceiling")
      printf "ab: %-7s against the ceiling: %.3f by CPU, %.3f by req/s\n", s,
        (c["ceiling"] / n["ceiling"]) / (c[s] / n[s]), (q[s] / n[s]) / (q["ceiling"] / n["ceiling"])
  }' "$out/results.tsv"
