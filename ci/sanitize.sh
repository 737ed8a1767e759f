#!/usr/bin/env bash
# Builds the server, engine, protocol and conformance code under a sanitizer preset and runs their
# unit and end-to-end tests with it:
#   bash ci/sanitize.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer (clang; CI runs this).
#                              The same build holds the libFuzzer targets that ci/fuzz.sh runs.
#   bash ci/sanitize.sh tsan   ThreadSanitizer (gcc), run by hand: docs/reliability.md.
# Extra arguments go to ctest (e.g. -R Http). Suppressions, each justified in its file, are in
# ci/sanitizers/.
#
# What is sanitized (docs/reliability.md, "What CI runs"): every test of the directories below,
# which hold the code that parses hostile input and shares state between threads. Not here: the
# benches (they measure, they test nothing), reports/ (the reporters write files from the
# runner's own result model) and mcp/ (its end-to-end tests drive Node.js clients); the ci stage
# runs those. A test executable added to one of these directories must be added to `targets`:
# until it is, its <name>_NOT_BUILT test fails the run, so none is skipped silently.
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
# runs with ASan on Linux; a leak fails the test too.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp"
# Readable stack traces: the symbolizer of the compiler that built the asan preset.
if command -v llvm-symbolizer-16 > /dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer-16)"
fi

dirs=(protocol reference-server conformance suites fuzz)
targets=(scim-reference-server scim-conformance protocol_tests
  server_api_tests engine_filter_tests engine_validate_tests engine_patch_tests engine_query_tests
  engine_lenient_tests store_tests events_tests bulk_tests async_tests endpoints_tests
  deviations_tests http_unit_tests http_server_tests server_app_tests
  reference_server_e2e events_e2e_tests hostile_catalogue_e2e concurrency_e2e
  conformance_tests runner_robustness_e2e suites_tests)
# The fuzz directory's replay tests run the libFuzzer binaries (asan) or their replay builds.
targets+=(fuzzers)

cmake --preset "$preset"
start=$SECONDS
cmake --build --preset "$preset" --target "${targets[@]}"
echo "sanitize.sh: $preset build took $((SECONDS - start)) s"
# Sanitized binaries run several times slower: a generous per-test timeout, and one test at a
# time per core as in the ci pass. One ctest per directory: the directories left out above are
# never run, and a failure in one directory does not hide the others' results.
start=$SECONDS
status=0
for dir in "${dirs[@]}"; do
  ctest --test-dir "build/$preset/$dir" --label-exclude browser -j "$(nproc)" --timeout 600 \
    --output-on-failure "$@" || status=1
done
echo "sanitize.sh: $preset tests took $((SECONDS - start)) s"
exit $status
