#!/usr/bin/env bash
# The README's test command and what CI runs (.ci/run):
#   1. dependencies (Debian packages, Chromium and clang 16 included), and the pinned npm packages
#      of the MCP, reference-server and third-party client end-to-end tests (`npm ci`), which the
#      ci and asan stages both run;
#   2. stage `ci`: the `ci` preset (gcc, -O0, warnings as errors): format check, build, every test
#      but `browser`, then the `browser` tests in headless Chromium, one at a time;
#   3. stage `package`: the Debian package from the `ci` stage's build tree (ci/package.sh
#      build/ci: man pages, cpack, then both binaries run from the package unpacked with dpkg -x).
#      It builds only what the `ci` stage has not, so it costs the man pages and cpack;
#   4. stage `asan`: the `asan` preset (clang 16, -O0, AddressSanitizer + UndefinedBehaviorSanitizer
#      + LeakSanitizer, unity build, the libraries with libFuzzer's coverage instrumentation): the
#      whole tree built once more, every test but `browser` run sanitized, the fuzz targets'
#      corpora and regressions included (ci/sanitize.sh asan);
#   5. stage `fuzz`: every libFuzzer target for 30 seconds, two at a time (ci/fuzz.sh). Its
#      fuzzers come from the `asan` stage's build: one build serves both passes;
#   6. stage `install`: that package installed with apt-get into a clean Debian 12 root made by
#      debootstrap, both binaries run there (ci/install-test.sh; needs root and the Debian
#      mirror, about 4.5 minutes). It needs the `package` stage's .deb. Not in the default: the
#      45-minute budget is kept for the asan and fuzz stages (docs/reliability.md, "CI time and
#      status").
# SCIM_CI_STAGES picks the stages. The default is `ci package asan fuzz` (about 35 minutes on an
# idle 2-core machine, docs/reliability.md "CI time and status"); SCIM_CI_STAGES="ci package" is
# the quick pass, and SCIM_CI_STAGES="ci package asan fuzz install" runs all of them. Each stage
# prints when it is done, with the CPU seconds used so far.
set -euo pipefail
cd "$(dirname "$0")/.."

stages="${SCIM_CI_STAGES:-ci package asan fuzz}"
start=$SECONDS
# The CPU seconds (user + system) of every finished child process so far, from the `times`
# builtin (run in this shell: in a subshell it would see none): on a shared or loaded machine
# they, not the wall times, are the figures to compare.
times_file=$(mktemp)
trap 'rm -f "$times_file"' EXIT
stamp() {
  times > "$times_file"
  local cpu
  cpu=$(tail -1 "$times_file" | awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); s += p[1] * 60 + p[2] } printf "%d", s }')
  # The disk the build trees take and what is left: CI's machine has a bounded disk, and a stage
  # that runs out of it fails in its linker (docs/reliability.md, "CI disk").
  local used free
  used=$( (du -sm build 2> /dev/null || true) | cut -f1)
  free=$(df -Pm . | awk 'NR == 2 { print $4 }')
  echo "test.sh: $1 done at $((SECONDS - start)) s, CPU $cpu s so far; build/ holds ${used:-0} MB, ${free} MB free"
}

# Chromium (the `browser` group) for the browser-label tests: the HTML report and the /admin/
# dashboard.
SCIM_DEPS_EXTRA="browser ${SCIM_DEPS_EXTRA:-}" bash ci/setup-deps.sh
if [[ " $stages " == *" ci "* || " $stages " == *" asan "* ]]; then
  # scim-mcp's end-to-end tests use the official MCP SDK client and conformance suite, pinned in
  # mcp/tests/e2e/package-lock.json.
  (cd mcp/tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  # The reference server's OpenAPI validator and puppeteer-core, pinned in
  # reference-server/tests/js/package-lock.json.
  (cd reference-server/tests/js && npm ci --no-audit --no-fund --loglevel=error)
  # A third-party SCIM client the client grading judges (the Langfuse JS client's SCIM API),
  # pinned in suites/tests/js/package-lock.json.
  (cd suites/tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi
stamp "dependencies"
if [[ " $stages " == *" ci "* ]]; then
  cmake --preset ci
  cmake --build --preset ci --target format-check
  cmake --build --preset ci
  ctest --preset ci --label-exclude browser -j "$(nproc)" "$@"
  # Headless Chromium, one test at a time; the dashboard's screenshot is kept in
  # build/ci/artifacts/ (docs/observability.md).
  ctest --preset ci -L browser --output-on-failure "$@"
  stamp "ci build and tests"
fi
if [[ " $stages " == *" package "* ]]; then
  bash ci/package.sh build/ci
  stamp "package"
fi
if [[ " $stages " == *" asan "* ]]; then
  bash ci/sanitize.sh asan
  stamp "asan build and tests"
fi
if [[ " $stages " == *" fuzz "* ]]; then
  bash ci/fuzz.sh "${SCIM_FUZZ_SECONDS:-30}"
  stamp "fuzzing"
fi
if [[ " $stages " == *" install "* ]]; then
  bash ci/install-test.sh "$(echo build/ci/scim-toolkit_*_*.deb)"
  stamp "install"
fi
