#!/usr/bin/env bash
# Builds the toolkit under a sanitizer preset and runs its tests with it:
#   bash ci/sanitize.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer (clang 16, -O0, unity
#                              build), LeakSanitizer on. CI runs this (ci/test.sh, stage `asan`): the
#                              whole tree, every unit and end-to-end test but `browser`, the fuzz
#                              targets' corpora and regressions replayed by the libFuzzer binaries
#                              themselves. The same build serves ci/fuzz.sh (stage `fuzz`): the
#                              libraries carry libFuzzer's coverage instrumentation too.
#   bash ci/sanitize.sh tsan   ThreadSanitizer (gcc): the executables that share state between
#                              threads (`tsan_targets` below) and their tests. Run by hand before a
#                              change to threading lands (docs/reliability.md).
# Extra arguments go to ctest (e.g. -R Http). Suppressions, each justified in its file, are in
# ci/sanitizers/.
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-asan}"
shift || true
case "$preset" in
  asan | tsan) ;;
  *)
    echo "usage: ci/sanitize.sh asan|tsan [ctest args...]" >&2
    exit 2
    ;;
esac

supp="$PWD/ci/sanitizers"
# halt_on_error: the first report fails the test that caused it. detect_leaks: LeakSanitizer
# runs with ASan on Linux; a leak fails the test too. Child processes (the e2e tests start the
# server and the runner) inherit these.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp"
# Readable stack traces from clang's runtime: the symbolizer of the compiler that built the preset.
if command -v llvm-symbolizer-16 > /dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer-16)"
fi
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp"

# The threaded code and the tests that drive it at once from many threads or connections: the
# HTTP transport and its wait pool, the async runner, event delivery, the store's locking, the
# admin control plane, and the end-to-end tests against the server binary.
# The runner (its push receiver and parallel jobs) and scim-mcp (its transports) have threads of
# their own: their tests and the metrics' are in too. scim-conformance, scim-mcp, yaml_to_json and
# oauth_token_stub are also what the script-driven end-to-end tests (suites, gate, MCP) start.
tsan_targets=(scim-reference-server http_server_tests http_unit_tests async_tests events_tests
  store_tests admin_tests concurrency_e2e hostile_catalogue_e2e reference_server_e2e mock_e2e_tests
  events_e2e_tests observe_tests conformance_tests runner_robustness_e2e mcp_tests
  scim-conformance scim-mcp yaml_to_json oauth_token_stub)

# The end-to-end tests that drive real JavaScript clients need their pinned npm packages, as in
# ci/test.sh; without them those tests fail with "run npm ci first".
if command -v npm > /dev/null; then
  for dir in mcp/tests/e2e reference-server/tests/js suites/tests/js; do
    [[ -d $dir/node_modules ]] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  done
fi
cmake --preset "$preset"
start=$SECONDS
if [[ $preset == asan ]]; then
  cmake --build --preset asan
  select=(--label-exclude browser)
else
  cmake --build --preset tsan --parallel "$(nproc)" --target "${tsan_targets[@]}"
  # Only the executables above are built; every other test executable's discovery placeholder
  # (<name>_NOT_BUILT) is left out on purpose, and so are the fuzz replays (one thread; the asan
  # stage runs them) and the browser tests (as everywhere but the ci stage).
  select=(--label-exclude browser --exclude-regex '_NOT_BUILT$|^fuzz_replay_')
fi
echo "sanitize.sh: $preset build took $((SECONDS - start)) s"
# Sanitized binaries run several times slower than the ci build's: a generous per-test timeout.
start=$SECONDS
status=0
run=()
if [[ $preset == tsan ]] && (($(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 0) > 28)); then
  # gcc 12's ThreadSanitizer aborts with "unexpected memory mapping" when the kernel randomises
  # mmap addresses with more than 28 bits (vm.mmap_rnd_bits; 28 on the machine it was run on).
  # Without address randomisation, a personality every child process inherits, its shadow
  # memory lands where it expects.
  run=(setarch "$(uname -m)" -R)
fi
"${run[@]}" ctest --preset "$preset" "${select[@]}" -j "$(nproc)" --timeout 900 "$@" || status=1
echo "sanitize.sh: $preset tests took $((SECONDS - start)) s"
exit $status
