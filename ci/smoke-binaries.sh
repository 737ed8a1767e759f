# Runs both packaged binaries once; sourced by ci/package.sh (the .deb unpacked with dpkg -x) and
# ci/install-test.sh (the .deb installed into a clean Debian 12 root), not run on its own.
#   smoke_binaries LOG_DIR JUNIT
# The caller sets `launch` (an array: the command prefix that runs a packaged program, e.g.
# `env -u LD_LIBRARY_PATH` or `chroot ROOT`) and `bindir` (where the programs are, as the launched
# program sees it). The server binds 127.0.0.1 port 0 and is stopped by its PID (smoke_stop, also
# for the caller's EXIT trap); the runner runs the RFC 7643 §5 discovery checks against it and
# writes JUNIT (a path as the runner sees it).

smoke_server_pid=""

smoke_stop() {
  if [[ -n "$smoke_server_pid" ]]; then
    kill -TERM "$smoke_server_pid" 2>/dev/null || true
    wait "$smoke_server_pid" 2>/dev/null || true
    smoke_server_pid=""
  fi
}

smoke_binaries() {
  local log=$1 junit=$2 url="" line
  "${launch[@]}" "$bindir/scim-conformance" --help | grep -q 'diff' ||
    { echo "smoke: scim-conformance --help does not list diff" >&2; return 1; }
  "${launch[@]}" "$bindir/scim-reference-server" --bind 127.0.0.1 --port 0 --token smoke \
    >"$log/server.out" 2>"$log/server.err" &
  smoke_server_pid=$!
  for _ in $(seq 1 100); do
    if line=$(grep -m1 -o 'listening on http://[^ ]*' "$log/server.out" 2>/dev/null); then
      url=${line#listening on }
      break
    fi
    sleep 0.05
  done
  local status=0
  if [[ -z "$url" ]]; then
    cat "$log/server.err" >&2
    echo "smoke: the server did not start" >&2
    status=1
  elif ! "${launch[@]}" "$bindir/scim-conformance" run --base-url "$url" --token smoke \
      --only 'rfc7643/5/*' --junit "$junit" >"$log/run.out"; then
    cat "$log/run.out" >&2
    echo "smoke: the packaged runner failed" >&2
    status=1
  else
    tail -n 2 "$log/run.out"
  fi
  smoke_stop
  return "$status"
}
