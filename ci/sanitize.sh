#!/usr/bin/env bash
# Builds the whole tree under a sanitizer preset and runs every unit and end-to-end test with it:
#   bash ci/sanitize.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer (clang; CI runs this).
#                              The same build holds the libFuzzer targets that ci/fuzz.sh runs.
#   bash ci/sanitize.sh tsan   ThreadSanitizer (gcc), run by hand: docs/reliability.md.
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
# runs with ASan on Linux; a leak fails the test too.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp"
# Readable stack traces: the symbolizer of the compiler that built the asan preset.
if command -v llvm-symbolizer-16 > /dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer-16)"
fi

cmake --preset "$preset"
cmake --build --preset "$preset"
# Sanitized binaries run several times slower: a generous per-test timeout, and one test at a
# time per core as in the ci pass.
ctest --preset "$preset" --label-exclude browser -j "$(nproc)" --timeout 600 "$@"
