#!/usr/bin/env bash
# The README's test command and what CI runs (.ci/run):
#   1. dependencies (Debian packages);
#   2. the `ci` preset (gcc, warnings as errors): format check, build, every test but `browser`;
#   3. the `asan` preset (clang, AddressSanitizer + UndefinedBehaviorSanitizer): the same tests
#      again, sanitized (ci/sanitize.sh);
#   4. every fuzz target for 30 seconds (ci/fuzz.sh), from the same asan build: one build serves
#      the sanitized tests and the fuzzing.
# SCIM_CI_STAGES="ci" (or "ci asan", ...) runs only some stages, for a quicker local check.
set -euo pipefail
cd "$(dirname "$0")/.."

stages="${SCIM_CI_STAGES:-ci asan fuzz}"
start=$SECONDS
stamp() { echo "test.sh: $1 done at $((SECONDS - start)) s"; }

bash ci/setup-deps.sh
if [[ " $stages " == *" ci "* ]]; then
  cmake --preset ci
  cmake --build --preset ci --target format-check
  cmake --build --preset ci
  ctest --preset ci --label-exclude browser -j "$(nproc)" "$@"
  stamp "ci build and tests"
fi
if [[ " $stages " == *" asan "* ]]; then
  bash ci/sanitize.sh asan
  stamp "asan build and tests"
fi
if [[ " $stages " == *" fuzz "* ]]; then
  bash ci/fuzz.sh "${SCIM_FUZZ_SECONDS:-30}"
  stamp "fuzzing"
fi
