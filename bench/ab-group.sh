#!/usr/bin/env bash
# Interleaved A/B of scenario 6 (the group-member PATCH, bench/wrk/group_member.lua) between two
# server builds, at several sizes of the big group: the CPU time per PATCH of each server, the
# figure the machine's load moves least (docs/performance.md). Not a test: it measures and prints.
#
#   bash bench/ab-group.sh BEFORE_BIN_DIR AFTER_BIN_DIR
#
# Each BIN_DIR holds scim-reference-server (AFTER_BIN_DIR also scim-bench-data). For each size in
# AB_SIZES ("100 1000 10000") both servers start fresh (one thread) and are seeded the same way
# (AB_USERS generated users, 100 groups of 20 and the big group of that size); then AB_ROUNDS
# rounds (4) of AB_DURATION (10s) each run wrk on one server then the other, alternating which
# goes first. AB_BEFORE_ARGS and AB_AFTER_ARGS add server options (AB_BEFORE_ARGS=--no-nested-groups
# with one binary for both compares its general PATCH path with the member-set path). Output: one
# line per round and server, then the means; rows also go to AB_OUT (/tmp/ab-group)/results.tsv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before=$1 after=$2
sizes=${AB_SIZES:-100 1000 10000}
users=${AB_USERS:-12000}
rounds=${AB_ROUNDS:-4}
duration=${AB_DURATION:-10s}
out=${AB_OUT:-/tmp/ab-group}
token=secret
mkdir -p "$out"
# shellcheck source=bench/ab-lib.sh
source "$root/bench/ab-lib.sh"

# round NAME SIZE: one wrk run; prints "<requests> <errors> <p50 us> <cpu us per PATCH>".
round() {
  local url=${url_of[$1]} pid=${pid_of[$1]} t0 t1 line p50 n errors
  t0=$(cpu_seconds "$pid")
  line=$(BENCH_LUA_DIR="$root/bench/wrk" BENCH_TOKEN=$token BENCH_IDS="$out/ids-$1.tsv" \
    BENCH_GROUP_FILE="$out/group-$1.txt" BENCH_GROUP_SIZE=$2 BENCH_BASE_PATH="/${url#http://*/}" \
    wrk -t1 -c1 -d"$duration" --timeout 30s -s "$root/bench/wrk/group_member.lua" "$url" |
    sed -n 's/^RESULT //p')
  t1=$(cpu_seconds "$pid")
  read -r _ p50 _ n errors <<<"$line"
  awk -v n="$n" -v e="$errors" -v p="$p50" -v a="$t0" -v b="$t1" \
    'BEGIN { printf "%d %d %d %.1f\n", n, e, p, n ? (b - a) * 1e6 / n : 0 }'
}

printf 'size\tround\tserver\trequests\terrors\tp50_us\tcpu_us_per_patch\tload1\n' >"$out/results.tsv"
for size in $sizes; do
  big=$size
  ab_serve before "$before" "${AB_BEFORE_ARGS:-}"
  ab_serve after "$after" "${AB_AFTER_ARGS:-}"
  echo "ab: big group of $size members, $users users; load $(load1)"
  for r in $(seq 1 "$rounds"); do
    order="before after"
    ((r % 2)) || order="after before"
    for s in $order; do
      row=$(round "$s" "$size")
      load=$(load1)
      printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$r" "$s" "${row// /$'\t'}" "$load" >>"$out/results.tsv"
      echo "  round $r $s: requests errors p50_us cpu_us/PATCH = $row (load $load)"
    done
  done
  for s in before after; do
    awk -F'\t' -v z="$size" -v s="$s" '$1 == z && $3 == s { c += $7; n++; e += $5 }
      END { printf "ab: %s members, %s: %.1f us of CPU per PATCH (mean of %d rounds), %d errors\n",
            z, s, c / n, n, e }' "$out/results.tsv"
  done
  kill "${pid_of[before]}" "${pid_of[after]}"
  wait "${pid_of[before]}" "${pid_of[after]}" 2>/dev/null || true
done
