#!/usr/bin/env bash
# Builds the Debian package (cpack) and smoke-tests it the way a CI job that installs it would:
#   ci/package.sh              release build in build/release (what a release publishes)
#   ci/package.sh BUILD_DIR    reuse an existing build tree (CI: build/ci, already built by the
#                              ci stage, so this stage only adds man pages and the package)
# The smoke test unpacks the .deb with `dpkg -x` into a fresh directory (a clean Debian 12 root
# made with debootstrap would be closer to a real install, but costs more than the CI budget
# allows here), checks the files and that Depends names the package of every library the binaries
# link, and runs both binaries from it with LD_LIBRARY_PATH unset: the server on 127.0.0.1 port
# 0, the runner against it. Only the server PID it started is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

if [[ $# -eq 0 ]]; then
  dir=build/release
  cmake --preset release -DSCIM_PACKAGE=ON
else
  dir=$1
  cmake -S . -B "$dir" -DSCIM_PACKAGE=ON >/dev/null
fi
cmake --build "$dir" --target scim-conformance scim-reference-server man-pages -j "$(nproc)"
rm -f "$dir"/scim-toolkit_*.deb
(cd "$dir" && cpack -G DEB >/dev/null)
deb=$(echo "$dir"/scim-toolkit_*_*.deb)
[[ -f "$deb" ]] || { echo "package.sh: no .deb in $dir" >&2; exit 1; }
echo "package.sh: built $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Architecture Depends

root=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$root"
}
trap cleanup EXIT
dpkg -x "$deb" "$root"
for f in usr/bin/scim-conformance usr/bin/scim-reference-server \
         usr/share/man/man1/scim-conformance.1.gz usr/share/man/man1/scim-reference-server.1.gz \
         usr/share/doc/scim-toolkit/README.md usr/share/doc/scim-toolkit/docs/ci.md \
         usr/share/doc/scim-toolkit/results.schema.json; do
  [[ -s "$root/$f" ]] || { echo "package.sh: $f missing from the package" >&2; exit 1; }
done
zcat "$root/usr/share/man/man1/scim-conformance.1.gz" | grep -q -- '--update-expect' ||
  { echo "package.sh: the man page lacks the run options" >&2; exit 1; }

bin="$root/usr/bin"
# Every library a binary names (ELF NEEDED) belongs to a package the .deb depends on, so that
# `apt-get install` on a clean Debian 12 pulls it in. Checked against this machine's package
# database: a debootstrap root would prove it by installing, at a cost the CI budget does not allow.
depends=$(dpkg-deb --field "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//')
for program in scim-conformance scim-reference-server; do
  libs=$(env -u LD_LIBRARY_PATH ldd "$bin/$program")
  for soname in $(objdump -p "$bin/$program" | awk '$1 == "NEEDED" {print $2}'); do
    path=$(awk -v s="$soname" '$1 == s && $2 == "=>" {print $3}' <<<"$libs")
    [[ -n "$path" ]] || { echo "package.sh: $program: $soname not found" >&2; exit 1; }
    owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "/usr${path#/usr}" 2>/dev/null || true)
    owner=${owner%%:*}
    grep -qx -- "$owner" <<<"$depends" ||
      { echo "package.sh: $program needs $soname ($owner), not in Depends" >&2; exit 1; }
  done
done
echo "package.sh: Depends covers every library both binaries need"
env -u LD_LIBRARY_PATH "$bin/scim-conformance" --help | grep -q 'diff' ||
  { echo "package.sh: scim-conformance --help does not list diff" >&2; exit 1; }
env -u LD_LIBRARY_PATH "$bin/scim-reference-server" --bind 127.0.0.1 --port 0 --token pkg \
  >"$root/server.out" 2>"$root/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  if line=$(grep -m1 -o 'listening on http://[^ ]*' "$root/server.out" 2>/dev/null); then
    url=${line#listening on }
    break
  fi
  sleep 0.05
done
[[ -n "$url" ]] || { cat "$root/server.err" >&2; echo "package.sh: server did not start" >&2; exit 1; }
env -u LD_LIBRARY_PATH "$bin/scim-conformance" run --base-url "$url" --token pkg \
  --only 'rfc7643/5/*' --junit "$root/junit.xml" >"$root/run.out" ||
  { cat "$root/run.out" >&2; echo "package.sh: the packaged runner failed" >&2; exit 1; }
tail -n 2 "$root/run.out"
echo "package.sh: package built and smoke-tested in $((SECONDS - start)) s"
