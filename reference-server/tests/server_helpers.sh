# Sourced by the reference server's shell e2e tests and benchmarks: start scim-reference-server
# on 127.0.0.1 port 0 and read its URL, stop it, and clean up on exit. Only the PIDs started
# here are stopped.
#   workdir=$(mktemp -d); source server_helpers.sh
#   start_server SERVER [flags...]   -> server_pid, base (".../scim/v2"), root ("http://H:P")
#   stop_server
# The server's stdout and stderr go to $workdir/server.out and $workdir/server.err.
server_pids=()

stop_server() {
  if [[ -n "${server_pid:-}" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

cleanup_servers() {
  local pid
  for pid in "${server_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$workdir"
}
trap cleanup_servers EXIT

start_server() {
  local binary=$1 url=""
  shift
  "$binary" --bind 127.0.0.1 --port 0 "$@" >"$workdir/server.out" 2>"$workdir/server.err" &
  server_pid=$!
  server_pids+=("$server_pid")
  for _ in $(seq 1 600); do
    url=$(grep -m1 -o 'listening on http://[^ ]*' "$workdir/server.out" 2>/dev/null || true)
    [[ -n "$url" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  if [[ -z "$url" ]]; then
    cat "$workdir/server.err" >&2
    echo "no 'listening on' line from $binary" >&2
    exit 1
  fi
  base=${url#listening on }
  root=${base%/scim/v2}
}
