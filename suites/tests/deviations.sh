#!/usr/bin/env bash
# Self-test of the judge (issue 8): for each deliberate deviation in deviations.json, start
#   scim-reference-server --deviate NAME
# run the full suite against it and require that every check listed under must_fail FAILs (and
# the run exits 1); then require that the same checks PASS against the strict server, so a
# listed check that fails for unrelated reasons cannot make this test green.
#   deviations.sh SERVER CONFORMANCE DEVIATIONS_JSON
# A deviation may name "server_args" (one line, e.g. ["--devices"]): the features the deviating
# server needs switched on; the strict server runs with all of them.
# Parsing: deviations.json is kept pretty-printed (one key or ID per line); no jq/python needed.
# Starts the server on 127.0.0.1 port 0, reads its "listening on URL" line, and stops only the
# PID it started.
set -euo pipefail

server=${1:?path to scim-reference-server}
conformance=${2:?path to scim-conformance}
spec=${3:?path to deviations.json}
token=deviations-token
workdir=$(mktemp -d)
failures=0

# shellcheck source=server_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/server_lib.sh"
trap cleanup EXIT

# "name id id ..." per deviation: a deviation key is a line `"name": {` inside "deviations",
# check IDs are the quoted spec/section/name strings of its must_fail array.
parse_spec() {
  awk '
    /"deviations"[[:space:]]*:/ { inside = 1; next }
    inside && match($0, /^[[:space:]]*"[a-z0-9-]+"[[:space:]]*:[[:space:]]*\{/) {
      if (line != "") print line
      name = $0; sub(/^[[:space:]]*"/, "", name); sub(/".*/, "", name); line = name; next
    }
    inside && line != "" && match($0, /"[a-z0-9.-]+\/[^"]+"/) {
      line = line " " substr($0, RSTART + 1, RLENGTH - 2)
    }
    END { if (line != "") print line }
  ' "$spec"
}

# The server_args of deviation NAME, space-separated (empty when it names none).
server_args_of() {
  awk -v want="$1" '
    /"deviations"[[:space:]]*:/ { inside = 1; next }
    inside && match($0, /^[[:space:]]*"[a-z0-9-]+"[[:space:]]*:[[:space:]]*\{/) {
      name = $0; sub(/^[[:space:]]*"/, "", name); sub(/".*/, "", name); next
    }
    inside && name == want && /"server_args"[[:space:]]*:/ {
      line = $0; sub(/.*\[/, "", line); sub(/\].*/, "", line); gsub(/[",]/, " ", line); print line
    }
  ' "$spec"
}

# check_outcomes WORD IDS...: every ID's console line in $workdir/run.out is "WORD  ID (N ms)".
check_outcomes() {
  local word=$1
  shift
  # Without the timing suffix; a file, not a pipe (grep -q + pipefail would see SIGPIPE).
  sed -E 's/ \([0-9]+ ms\)$//' "$workdir/run.out" >"$workdir/lines.out"
  for id in "$@"; do
    if ! grep -q -F -x "$word  $id" "$workdir/lines.out"; then
      echo "  expected $word for $id, got: $(grep -F " $id " "$workdir/run.out" || echo 'no line')" >&2
      failures=$((failures + 1))
    fi
  done
}

mapfile -t entries < <(parse_spec)
[[ ${#entries[@]} -ge 4 ]] || { echo "expected at least 4 deviations in $spec" >&2; exit 1; }

# Unknown deviation names are configuration errors (exit 2).
status=0
"$server" --port 0 --deviate no-such-deviation >/dev/null 2>&1 || status=$?
[[ $status -eq 2 ]] || { echo "unknown --deviate: expected exit 2, got $status" >&2; exit 1; }

all_ids=()
all_args=()
for entry in "${entries[@]}"; do
  read -r name ids_line <<<"$entry"
  read -r -a ids <<<"$ids_line"
  read -r -a args <<<"$(server_args_of "$name")"
  [[ ${#ids[@]} -gt 0 ]] || { echo "$name lists no checks" >&2; exit 1; }
  all_ids+=("${ids[@]}")
  for arg in "${args[@]}"; do
    [[ " ${all_args[*]} " == *" $arg "* ]] || all_args+=("$arg")
  done
  start_server --deviate "$name" "${args[@]}"
  status=0
  "$conformance" run --base-url "$base_url" --token "$token" --jobs 2 >"$workdir/run.out" \
    2>&1 || status=$?
  stop_server
  echo "--deviate $name: full suite exit $status"
  [[ $status -eq 1 ]] || { echo "  expected exit 1" >&2; failures=$((failures + 1)); }
  check_outcomes FAIL "${ids[@]}"
done

# The same checks against the strict server must pass (not skip).
only=()
for id in "${all_ids[@]}"; do only+=(--only "$id"); done
start_server "${all_args[@]}"
status=0
"$conformance" run --base-url "$base_url" --token "$token" "${only[@]}" >"$workdir/run.out" \
  2>&1 || status=$?
stop_server
echo "strict server, ${#all_ids[@]} listed checks: exit $status"
[[ $status -eq 0 ]] || { echo "  expected exit 0" >&2; failures=$((failures + 1)); }
check_outcomes PASS "${all_ids[@]}"

if [[ $failures -gt 0 ]]; then
  echo "$failures expectation(s) not met" >&2
  exit 1
fi
echo "all ${#entries[@]} deviations detected by their ${#all_ids[@]} listed checks"
