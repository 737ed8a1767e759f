#!/usr/bin/env bash
# Builds the Debian package (cpack) and smoke-tests it the way a CI job that installs it would:
#   ci/package.sh              release build in build/release (what a release publishes)
#   ci/package.sh BUILD_DIR    reuse an existing build tree (CI: build/ci, already built by the
#                              ci stage, so this stage only adds man pages and the package)
# The smoke test unpacks the .deb with `dpkg -x` into a fresh directory, checks the files and that
# Depends names the package of every library the binaries link, and runs both binaries from it
# with LD_LIBRARY_PATH unset (ci/smoke-binaries.sh): the server on 127.0.0.1 port 0, the runner
# against it. Only the server PID it started is stopped. A real install into a clean Debian 12
# root made with debootstrap is ci/install-test.sh (stage `install` of ci/test.sh).
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

# shellcheck source=smoke-binaries.sh
source ci/smoke-binaries.sh
root=$(mktemp -d)
trap 'smoke_stop; rm -rf "$root"' EXIT
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
# database; ci/install-test.sh proves it by installing into a debootstrap root (stage `install`).
depends=$(dpkg-deb --field "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//')
for program in scim-conformance scim-reference-server; do
  libs=$(env -u LD_LIBRARY_PATH ldd "$bin/$program")
  for soname in $(objdump -p "$bin/$program" | awk '$1 == "NEEDED" {print $2}'); do
    path=$(awk -v s="$soname" '$1 == s && $2 == "=>" {print $3}' <<<"$libs")
    [[ -n "$path" ]] || { echo "package.sh: $program: $soname not found" >&2; exit 1; }
    owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "/usr${path#/usr}" 2>/dev/null || true)
    owner=${owner%%:*}
    # shlibdeps may name a virtual package the owner Provides (libspdlog1.10 provides
    # libspdlog1.10-fmt9 on Debian 12), so the owner and everything it provides count.
    provides=$(dpkg-query -W -f='${Provides}' "$owner" 2>/dev/null | tr ',' '\n' | sed 's/^ *//; s/ .*//')
    grep -qxF -f <(printf '%s\n' "$owner" $provides) <<<"$depends" ||
      { echo "package.sh: $program needs $soname ($owner), not in Depends" >&2; exit 1; }
  done
done
echo "package.sh: Depends covers every library both binaries need"
launch=(env -u LD_LIBRARY_PATH)
bindir=$bin
smoke_binaries "$root" "$root/junit.xml"
[[ -s "$root/junit.xml" ]] || { echo "package.sh: the runner wrote no JUnit file" >&2; exit 1; }
echo "package.sh: package built and smoke-tested in $((SECONDS - start)) s"
