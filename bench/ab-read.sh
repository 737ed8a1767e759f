#!/usr/bin/env bash
# Interleaved A/B of a read scenario between two server builds, with the ceiling
# (scim-bench-ceiling) in every round (docs/performance.md): by default scenario 1,
# GET /Users/{id} (bench/wrk/get_user.lua); AB_SCRIPT=filter_username.lua gives scenario 2,
# GET /Users?filter=userName eq "...". Prints the CPU time per request of each server and of the
# ceiling, the figure the machine's load moves least, the requests per second, and the ratios to
# the ceiling by CPU and by requests per second. Not a test: it measures and prints.
#
#   bash bench/ab-read.sh BEFORE_BIN_DIR AFTER_BIN_DIR
#
# Each BIN_DIR holds scim-reference-server; AFTER_BIN_DIR also scim-bench-data and
# scim-bench-ceiling. The ceiling and both servers start once (one thread each); the servers are
# seeded alike (AB_USERS generated users, 20000; 100 groups of 20 and a big group of AB_BIG_GROUP
# members, 10000). Then AB_ROUNDS rounds (4) of AB_DURATION (5s), each with wrk -t1 and
# AB_CONNECTIONS (32) connections: the ceiling, then one server and the other, alternating which
# goes first; with AB_PARALLEL=1 the two servers are driven at the same time instead (one wrk
# each), so both meet the same competition for the cores. AB_SCRIPT is a path or a name in
# bench/wrk/; AB_BEFORE_SCRIPT runs another script on the before server (one binary for both
# then compares two of its paths, e.g. filter_username_tree.lua). AB_BEFORE_ARGS and
# AB_AFTER_ARGS add server options (--no-access-log on both measures the servers without their
# access log). Rows also go to AB_OUT (/tmp/ab-read)/results.tsv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before=$1 after=$2
users=${AB_USERS:-20000}
big=${AB_BIG_GROUP:-10000}
rounds=${AB_ROUNDS:-4}
duration=${AB_DURATION:-5s}
conns=${AB_CONNECTIONS:-32}
script=${AB_SCRIPT:-get_user.lua}
before_script=${AB_BEFORE_SCRIPT:-$script}
out=${AB_OUT:-/tmp/ab-read}
token=secret
mkdir -p "$out"
# shellcheck source=bench/ab-lib.sh
source "$root/bench/ab-lib.sh"

# Each wrk run gets its own BENCH_RUN (the target and the time), so that the create script
# (AB_SCRIPT=create_user.lua with BENCH_TEMPLATE from `scim-bench-data template`, and
# AB_CONNECTIONS=8 as ci/bench.sh) never sends a userName twice across rounds.
# round NAME SCRIPT: one wrk run; prints "<req/s> <requests> <errors> <p50 us> <cpu us/request>".
round() {
  local url=${url_of[$1]} pid=${pid_of[$1]} path=$2 ids="$out/ids-$1.tsv" t0 t1 line
  local base="/${url#http://*/}" rps p50 n errors
  [[ $1 == ceiling ]] && ids="$out/ids-after.tsv" base=/scim/v2  # the ceiling ignores the path
  [[ $path == /* ]] || path="$root/bench/wrk/$path"
  t0=$(cpu_seconds "$pid")
  line=$(BENCH_LUA_DIR="$root/bench/wrk" BENCH_TOKEN=$token BENCH_IDS="$ids" \
    BENCH_BASE_PATH="$base" BENCH_RUN="$1$(date +%s%N)" \
    wrk -t1 -c"$conns" -d"$duration" --timeout 30s -s "$path" "$url" | sed -n 's/^RESULT //p')
  t1=$(cpu_seconds "$pid")
  read -r rps p50 _ n errors <<<"$line"
  awk -v r="$rps" -v n="$n" -v e="$errors" -v p="$p50" -v a="$t0" -v b="$t1" \
    'BEGIN { printf "%.0f %d %d %d %.1f\n", r, n, e, p, n ? (b - a) * 1e6 / n : 0 }'
}

script_of() {
  case $1 in
    ceiling) echo get_user.lua ;;
    before) echo "$before_script" ;;
    *) echo "$script" ;;
  esac
}

ab_launch ceiling "$after/scim-bench-ceiling" --port 0 --threads 1
ab_serve before "$before" "${AB_BEFORE_ARGS:-}"
ab_serve after "$after" "${AB_AFTER_ARGS:-}"
echo "ab: before $before_script, after $script, $users users, $conns connections," \
  "$duration rounds; load $(load1)"
printf 'round\ttarget\treq_s\trequests\terrors\tp50_us\tcpu_us_per_req\tload1\n' >"$out/results.tsv"
# note ROUND TARGET ROW: one result row, printed and kept.
note() {
  local load
  load=$(load1)
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "${3// /$'\t'}" "$load" >>"$out/results.tsv"
  echo "  round $1 $2: req/s requests errors p50_us cpu_us/req = $3 (load $load)"
}

for r in $(seq 1 "$rounds"); do
  note "$r" ceiling "$(round ceiling "$(script_of ceiling)")"
  if [[ -n ${AB_PARALLEL:-} ]]; then
    round before "$(script_of before)" >"$out/round-before.txt" &
    round after "$(script_of after)" >"$out/round-after.txt"
    wait $!
    note "$r" before "$(cat "$out/round-before.txt")"
    note "$r" after "$(cat "$out/round-after.txt")"
    continue
  fi
  order="before after"
  ((r % 2)) || order="after before"
  for s in $order; do note "$r" "$s" "$(round "$s" "$(script_of "$s")")"; done
done
awk -F'\t' 'NR > 1 { c[$2] += $7; q[$2] += $3; e[$2] += $5; n[$2]++ }
  END {
    for (s in n) printf "ab: %-7s %8.1f us of CPU per request, %8.0f req/s (means of %d rounds), %d errors\n",
      s, c[s] / n[s], q[s] / n[s], n[s], e[s]
    for (s in n) if (s != "ceiling")
      printf "ab: %-7s against the ceiling: %.3f by CPU, %.3f by req/s\n", s,
        (c["ceiling"] / n["ceiling"]) / (c[s] / n[s]), (q[s] / n[s]) / (q["ceiling"] / n["ceiling"])
  }' "$out/results.tsv"
