#!/usr/bin/env bash
# plot-curve.sh RESULTS.tsv OUT.svg: the cost curve of ci/bench.sh against the number of stored
# users, log-log, with gnuplot. Left: the server's CPU time per request (the figure the machine's
# load moves least), with the ceiling's as a floor; right: p50 latency. Index-backed scenarios
# should draw flat lines; scans rise with the directory. A peer's get (bench/peers/) is drawn too.
set -euo pipefail
results=$1
svg=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
cpu_plots=()
p50_plots=()
for s in get filter create patch search bulk group get/scimmy; do
  # columns: 1 scenario, 2 users, 4 p50 us, 8 cpu us per request
  f="$data/${s//\//-}"
  awk -F'\t' -v s="$s" 'NR > 1 && $1 == s { print $2, $4 / 1000, $8 }' "$results" >"$f"
  if [[ $(wc -l <"$f") -gt 1 ]]; then
    cpu_plots+=("'$f' using 1:3 with linespoints title '$s'")
    p50_plots+=("'$f' using 1:2 with linespoints title '$s'")
  fi
done
((${#cpu_plots[@]} > 0)) || { echo "plot-curve: fewer than two sizes per scenario" >&2; exit 1; }
# The ceiling's CPU per request, measured in every scenario's rounds: its mean at each size.
awk -F'\t' 'NR > 1 && $9 ~ /^[0-9.]+$/ { s[$2] += $9; n[$2]++ }
  END { for (u in s) print u, s[u] / n[u] }' "$results" | sort -n >"$data/ceiling"
cpu_plots+=("'$data/ceiling' using 1:2 with lines dashtype 2 lc 'gray' title 'ceiling'")
cpu_joined=$(IFS=,; echo "${cpu_plots[*]}")
p50_joined=$(IFS=,; echo "${p50_plots[*]}")
gnuplot <<GP
set terminal svg size 960,420 dynamic font "sans,11"
set output "$svg"
set multiplot layout 1,2 title "scim-reference-server: cost by directory size (one server thread, wrk -t1)"
set logscale xy
set xlabel "users stored"
set format x "%.0s%c"
set grid
set key top left
set ylabel "CPU time per request (µs)"
plot $cpu_joined
set ylabel "p50 latency (ms)"
plot $p50_joined
unset multiplot
GP
