# shellcheck shell=bash disable=SC2154  # out, token, users, after and big are the caller's
# Shared by the interleaved A/B scripts (bench/ab-read.sh, bench/ab-group.sh); sourced, not run.
# The caller sets `out` (a directory), `token`, `users`, `after` (the BIN_DIR whose
# scim-bench-data seeds) and `big` (the big group's size) before calling ab_serve.
declare -A url_of pid_of
ab_cleanup() { for p in "${pid_of[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap ab_cleanup EXIT

# The CPU seconds (user + system) a process has used: the figure the machine's load moves least.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# ab_launch NAME CMD...: starts CMD; sets url_of[NAME] and pid_of[NAME] from "listening on URL".
ab_launch() {
  local name=$1 log="$out/$1.out" url=""
  shift
  # The files exist before the command starts: the background shell opens them for its
  # redirections only when it gets to run, and the loop below must not read a missing file
  # (sed's error would end the script under set -e and pipefail).
  : >"$log"
  : >"$out/$name.err"
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

# ab_serve NAME BIN_DIR [OPTIONS]: starts a one-thread server and seeds it as ci/bench.sh does
# ($users generated users, 100 groups of 20 and one group of $big members); the ids go to
# $out/ids-NAME.tsv and the big group's id to $out/group-NAME.txt.
ab_serve() {
  local name=$1 extra
  read -r -a extra <<<"${3:-}"
  ab_launch "$name" "$2/scim-reference-server" --port 0 --threads 1 --token "$token" \
    --bulk-max-payload 8388608 --max-bulk-body-bytes 8388608 "${extra[@]}"
  "$after/scim-bench-data" seed --url "${url_of[$name]}" --token "$token" --users "$users" \
    --groups 100 --group-size 20 --big-group "$big" --ids "$out/ids-$name.tsv" \
    --group-id-file "$out/group-$name.txt" 2>>"$out/seed.log"
}
