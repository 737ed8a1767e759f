#!/usr/bin/env bash
# The README's test command: install dependencies, configure with the `ci` preset (warnings as
# errors), check formatting, build, and run every CTest test with output on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash ci/setup-deps.sh
cmake --preset ci
cmake --build --preset ci --target format-check
cmake --build --preset ci
ctest --preset ci --label-exclude browser -j "$(nproc)" "$@"
