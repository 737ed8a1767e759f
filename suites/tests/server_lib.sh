# Shared by the e2e scripts that start scim-reference-server themselves (sourced, not run).
# The caller sets $server, $token and $workdir; start_server ARGS... starts the server on
# 127.0.0.1 port 0 with those extra arguments, reads its "listening on URL" line (http or https)
# into $base_url and keeps its PID in $server_pid; stop_server stops only that PID. cleanup, for
# `trap cleanup EXIT`, stops the server and removes $workdir.
server_pid=""

stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

cleanup() {
  stop_server
  rm -rf "$workdir"
}

start_server() {
  : >"$workdir/server.out"
  "$server" --bind 127.0.0.1 --port 0 --token "$token" "$@" >"$workdir/server.out" \
    2>"$workdir/server.err" &
  server_pid=$!
  for _ in $(seq 1 100); do
    if url=$(grep -m1 -oE 'listening on https?://[^ ]*' "$workdir/server.out" 2>/dev/null); then
      base_url=${url#listening on }
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "server ($*) did not report its address" >&2
  cat "$workdir/server.err" >&2 || true
  return 1
}
