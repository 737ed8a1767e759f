#!/usr/bin/env bash
# Interleaved A/B of a read scenario between two server builds, with the ceiling in the same
# rounds (docs/performance.md): by default scenario 2, GET /Users?filter=userName eq "..."
# (bench/wrk/filter_username.lua). Prints the CPU time per request of each server and of the
# ceiling, the figure the machine's load moves least, and the requests per second. Not a test:
# it measures and prints.
#
#   bash bench/ab-list.sh BEFORE_BIN_DIR AFTER_BIN_DIR
#
# Each BIN_DIR holds scim-reference-server; AFTER_BIN_DIR also scim-bench-data and
# scim-bench-ceiling. Both servers start fresh (one thread) and are seeded the same way (AB_USERS
# generated users, 20000; 100 groups of 20 and a big group of AB_BIG_GROUP members, 10000). Then
# AB_ROUNDS rounds (4) of AB_DURATION (5s): the ceiling, then each server, alternating which server
# goes first, each with wrk -t1 -c AB_CONNECTIONS (32) and AB_SCRIPT (filter_username.lua; a
# path, or a name in bench/wrk/). AB_BEFORE_SCRIPT runs another script on the before server (one
# binary for both then compares two of its paths); AB_BEFORE_ARGS and AB_AFTER_ARGS add server
# options. Rows also go to AB_OUT (/tmp/ab-list)/results.tsv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before=$1 after=$2
users=${AB_USERS:-20000}
big=${AB_BIG_GROUP:-10000}
rounds=${AB_ROUNDS:-4}
duration=${AB_DURATION:-5s}
conns=${AB_CONNECTIONS:-32}
script=${AB_SCRIPT:-filter_username.lua}
before_script=${AB_BEFORE_SCRIPT:-$script}
out=${AB_OUT:-/tmp/ab-list}
token=secret
mkdir -p "$out"
declare -A url_of pid_of
cleanup() { for p in "${pid_of[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# start NAME COMMAND...: runs it and waits for its "listening on URL" line.
start() {
  local name=$1 url=""
  shift
  "$@" >"$out/$name.out" 2>"$out/$name.err" &
  pid_of[$name]=$!
  for _ in $(seq 1 300); do
    url=$(sed -n 's/^listening on //p' "$out/$name.out" | head -n1)
    [[ -n $url ]] && break
    sleep 0.1
  done
  [[ -n $url ]] || { echo "ab: $name did not start" >&2; exit 1; }
  url_of[$name]=$url
}

# serve NAME BIN_DIR [OPTIONS]: starts and seeds a server.
serve() {
  local extra
  read -r -a extra <<<"${3:-}"
  start "$1" "$2/scim-reference-server" --port 0 --threads 1 --token "$token" \
    --bulk-max-payload 8388608 --max-bulk-body-bytes 8388608 "${extra[@]}"
  "$after/scim-bench-data" seed --url "${url_of[$1]}" --token "$token" --users "$users" \
    --groups 100 --group-size 20 --big-group "$big" --ids "$out/ids-$1.tsv" \
    --group-id-file "$out/group-$1.txt" 2>>"$out/seed.log"
}

# round NAME SCRIPT: one wrk run; prints "<req/s> <p50 us> <requests> <errors> <cpu us/request>".
round() {
  local url=${url_of[$1]} pid=${pid_of[$1]} path=$2 t0 t1 line rps p50 n errors
  [[ $path == /* ]] || path="$root/bench/wrk/$path"
  t0=$(cpu_seconds "$pid")
  line=$(BENCH_LUA_DIR="$root/bench/wrk" BENCH_TOKEN=$token BENCH_IDS="$out/ids-$1.tsv" \
    BENCH_BASE_PATH="/${url#http://*/}" \
    wrk -t1 -c"$conns" -d"$duration" --timeout 30s -s "$path" "$url" |
    sed -n 's/^RESULT //p')
  t1=$(cpu_seconds "$pid")
  read -r rps p50 _ n errors <<<"$line"
  awk -v r="$rps" -v n="$n" -v e="$errors" -v p="$p50" -v a="$t0" -v b="$t1" \
    'BEGIN { printf "%.0f %d %d %d %.1f\n", r, p, n, e, n ? (b - a) * 1e6 / n : 0 }'
}

start ceiling "$after/scim-bench-ceiling" --port 0 --threads 1
url_of[ceiling]="${url_of[ceiling]%/}/scim/v2"
cp /dev/null "$out/ids-ceiling.tsv"
serve before "$before" "${AB_BEFORE_ARGS:-}"
serve after "$after" "${AB_AFTER_ARGS:-}"
echo "ab: before $before_script, after $script, $users users, $conns connections, load $(load1)"
printf 'round\ttarget\treq_s\tp50_us\trequests\terrors\tcpu_us_per_req\tload1\n' >"$out/results.tsv"
for r in $(seq 1 "$rounds"); do
  order="ceiling before after"
  ((r % 2)) || order="ceiling after before"
  for s in $order; do
    s_script=$script
    [[ $s == before ]] && s_script=$before_script
    [[ $s == ceiling ]] && s_script=get_user.lua
    row=$(round "$s" "$s_script")
    load=$(load1)
    printf '%s\t%s\t%s\t%s\n' "$r" "$s" "${row// /$'\t'}" "$load" >>"$out/results.tsv"
    echo "  round $r $s: req/s p50_us requests errors cpu_us/req = $row (load $load)"
  done
done
for s in ceiling before after; do
  awk -F'\t' -v s="$s" '$2 == s { c += $7; q += $3; n++; e += $6 }
    END { printf "ab: %s: %.1f us of CPU per request, %.0f req/s (means of %d rounds), %d errors\n",
          s, c / n, q / n, n, e }' "$out/results.tsv"
done
