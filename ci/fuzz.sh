#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz/*_fuzzer.cpp) for SECONDS each (default 60), starting from
# its seed corpus (fuzz/corpus/<name>, from the RFC examples) and its regression inputs
# (fuzz/regressions/<name>). The fuzzers are built by the `asan` preset (clang 16,
# -fsanitize=fuzzer-no-link,address,undefined; the fuzzers linked with -fsanitize=fuzzer): the
# same build serves the sanitized tests (ci/sanitize.sh asan), so in CI the build here is a
# no-op. Run alone, this script configures that build and builds only the `fuzzers` target (the
# libraries they link and the seven binaries).
#
#   bash ci/fuzz.sh [SECONDS]        CI runs 30 seconds per target
#
# Two targets run at a time (SCIM_FUZZ_JOBS, default the number of cores, at most 2 on CI's
# machine); each still gets its full SECONDS. A crash, leak, timeout (one input running over
# 10 s) or out-of-memory stops that target, its input is kept under
# build/asan/fuzz-artifacts/<name>/, and the script exits 1 after the rest have run. Fix the bug,
# then copy the input to fuzz/regressions/<name>/ so it runs in every build. New inputs that grew
# coverage go to build/asan/fuzz-corpus/<name>/ (not into the repository).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
jobs="${SCIM_FUZZ_JOBS:-$(nproc)}"
build=build/asan
targets=(filter patch validate bulk endpoint http runner json)

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/ci/sanitizers/ubsan.supp"
export LSAN_OPTIONS="suppressions=$PWD/ci/sanitizers/lsan.supp"
# Readable stack traces: the symbolizer of the compiler that built the asan preset.
if command -v llvm-symbolizer-16 > /dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer-16)"
fi

if [[ ! -f $build/build.ninja ]]; then cmake --preset asan; fi
start=$SECONDS
cmake --build --preset asan --target fuzzers
echo "fuzz: build took $((SECONDS - start)) s"

# fuzz_one NAME: one campaign; its one-line summary goes to $build/fuzz-artifacts/NAME.result,
# its exit status is the campaign's.
fuzz_one() {
  local name=$1
  local corpus="$build/fuzz-corpus/$name" artifacts="$build/fuzz-artifacts/$name/"
  local log="$build/fuzz-artifacts/$name.log" result="$build/fuzz-artifacts/$name.result"
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz: $name for ${seconds}s"
  # -timeout: one input may not run longer than 10 s (a hang); -rss_limit_mb: nor grow past 2 GB.
  if "$build/bin/fuzz_$name" "$corpus" "fuzz/corpus/$name" "fuzz/regressions/$name" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$artifacts" -print_final_stats=1 > "$log" 2>&1; then
    local runs cov
    runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    echo "$name: $runs executions in ${seconds}s, coverage $cov edges, corpus $(ls "$corpus" | wc -l) inputs" > "$result"
  else
    echo "$name: FAILED (see $log and $artifacts)" > "$result"
    tail -n 60 "$log"
    return 1
  fi
}

start=$SECONDS
rm -f "$build"/fuzz-artifacts/*.result
for name in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  fuzz_one "$name" &
done
wait || true
# The verdict comes from each campaign's result file (a status reaped by `wait -n` is gone); a
# campaign that wrote none died outside libFuzzer's control and fails too.
failed=()
for name in "${targets[@]}"; do
  result="$build/fuzz-artifacts/$name.result"
  if [[ ! -s $result ]]; then echo "$name: FAILED (no result, see its log)" > "$result"; fi
  grep -q FAILED "$result" && failed+=("$name")
  echo "fuzz: $(cat "$result")"
done
echo "fuzz: the campaigns took $((SECONDS - start)) s, $jobs at a time"
if ((${#failed[@]} > 0)); then
  echo "fuzz: target(s) that found a problem: ${failed[*]}"
  echo "fuzz: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
  exit 1
fi
echo "fuzz: ${#targets[@]} passed, 0 failed"
