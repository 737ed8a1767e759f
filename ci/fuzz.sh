#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz/*_fuzzer.cpp) for SECONDS each (default 60), starting from
# its seed corpus (fuzz/corpus/<name>, from the RFC examples) and its regression inputs
# (fuzz/regressions/<name>). The targets have their own small build, the `fuzz` preset (clang 16,
# address + undefined + fuzzer instrumentation, no tests): only the libraries the fuzzers link and
# the seven binaries. This script configures and builds it when needed; the unit and end-to-end
# tests run sanitized in the `asan` build (ci/sanitize.sh), which replays the same inputs.
#
#   bash ci/fuzz.sh [SECONDS]        CI runs 30 seconds per target
#
# A crash, leak, timeout (one input running over 10 s) or out-of-memory stops that target, its
# input is kept under build/fuzz/fuzz-artifacts/<name>/, and the script exits 1 after the rest
# have run. Fix the bug, then copy the input to fuzz/regressions/<name>/ so it runs in every build.
# New inputs that grew coverage go to build/fuzz/fuzz-corpus/<name>/ (not into the repository).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
build=build/fuzz
targets=(filter patch validate bulk endpoint http runner)

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/ci/sanitizers/ubsan.supp"
export LSAN_OPTIONS="suppressions=$PWD/ci/sanitizers/lsan.supp"
# Readable stack traces: the symbolizer of the compiler that built the fuzz preset.
if command -v llvm-symbolizer-16 > /dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer-16)"
fi

cmake --preset fuzz
start=$SECONDS
cmake --build --preset fuzz --target fuzzers
echo "fuzz: build took $((SECONDS - start)) s"

failed=()
summary=()
for name in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts/$name/"
  mkdir -p "$corpus" "$artifacts"
  log="$build/fuzz-artifacts/$name.log"
  echo "fuzz: $name for ${seconds}s"
  # -timeout: one input may not run longer than 10 s (a hang); -rss_limit_mb: nor grow past 2 GB.
  if "$build/bin/fuzz_$name" "$corpus" "fuzz/corpus/$name" "fuzz/regressions/$name" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$artifacts" -print_final_stats=1 > "$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    summary+=("$name: $runs executions in ${seconds}s, coverage $cov edges, corpus $(ls "$corpus" | wc -l) inputs")
  else
    failed+=("$name")
    summary+=("$name: FAILED (see $log and $artifacts)")
    tail -n 60 "$log"
  fi
done

printf 'fuzz: %s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo "fuzz: target(s) that found a problem: ${failed[*]}"
  echo "fuzz: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
  exit 1
fi
echo "fuzz: ${#targets[@]} passed, 0 failed"
