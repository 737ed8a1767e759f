#!/usr/bin/env bash
# plot-curve.sh RESULTS.tsv OUT.svg: the cost curve of ci/bench.sh, p50 latency of each scenario
# against the number of stored users, log-log, with gnuplot. Index-backed scenarios should draw
# flat lines; scans rise with the directory.
set -euo pipefail
results=$1
svg=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
plots=()
for s in get filter create patch search bulk group; do
  awk -F'\t' -v s="$s" 'NR > 1 && $1 == s { print $2, $4 / 1000 }' "$results" >"$data/$s"
  if [[ $(wc -l <"$data/$s") -gt 1 ]]; then
    plots+=("'$data/$s' using 1:2 with linespoints title '$s'")
  fi
done
((${#plots[@]} > 0)) || { echo "plot-curve: fewer than two sizes per scenario" >&2; exit 1; }
joined=$(IFS=,; echo "${plots[*]}")
gnuplot <<GP
set terminal svg size 720,420 dynamic font "sans,11"
set output "$svg"
set title "scim-reference-server: p50 latency by directory size"
set logscale xy
set xlabel "users stored"
set ylabel "p50 latency (ms)"
set key outside right
set grid
plot $joined
GP
