# Helpers of the gate's end-to-end scripts (gate_e2e.sh, ci_templates_e2e.sh); sourced, not run.
# Sets `work`, a fresh temporary directory removed on exit. On exit, stops only the processes
# that start_process started, by their PIDs.
work=$(mktemp -d)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# contains FILE TEXT: fails, showing the file, unless it holds TEXT.
contains() {
  grep -q -F -- "$2" "$1" || { echo "--- $1" >&2; head -c 4000 "$1" >&2; fail "'$2' not in $1"; }
}

# start_process NAME COMMAND...: starts COMMAND, which binds port 0 and prints
# "listening on http://..."; sets url_NAME to that address.
start_process() {
  local name=$1
  shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 100); do
    if line=$(grep -m1 -o 'listening on http://[^ ]*' "$work/$name.out" 2>/dev/null); then
      printf -v "url_$name" '%s' "${line#listening on }"
      return 0
    fi
    sleep 0.05
  done
  cat "$work/$name.err" >&2
  fail "$name did not report its address"
}
