#!/usr/bin/env bash
# Installs every build and test dependency from Debian packages. Idempotent: when everything is
# present it only runs dpkg queries and returns within a second.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  clang-format
  libboost-dev libboost-system-dev
  nlohmann-json3-dev
  libsimdjson-dev
  libcurl4-openssl-dev
  libpugixml-dev
  libgtest-dev libgmock-dev
  libcli11-dev
  libyaml-cpp-dev
  libssl-dev
  libjemalloc-dev
  libvalijson-dev
  libspdlog-dev
  libcjose-dev libjansson-dev
  libcbor-dev
  curl jq
  prometheus
  help2man dpkg-dev file
  clang-16 libclang-rt-16-dev llvm-16
)
# Extra groups: SCIM_DEPS_EXTRA="browser" adds headless Chromium for the HTML report test,
# "install" debootstrap for ci/install-test.sh, "bench" the load generator, profiler and chart
# plotter of ci/bench.sh (not needed by the tests).
if [[ " ${SCIM_DEPS_EXTRA:-} " == *" browser "* ]]; then
  packages+=(chromium)
fi
if [[ " ${SCIM_DEPS_EXTRA:-} " == *" install "* ]]; then
  packages+=(debootstrap)
fi
if [[ " ${SCIM_DEPS_EXTRA:-} " == *" bench "* ]]; then
  packages+=(wrk linux-perf gnuplot-nox)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The downloaded .deb files are not needed once installed: up to 0.58 GB with clang 16 and
# Chromium, on a CI machine whose disk is bounded (docs/reliability.md, "CI disk").
"${sudo_cmd[@]}" apt-get clean
