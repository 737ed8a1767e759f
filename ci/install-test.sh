#!/usr/bin/env bash
# Installs the Debian package into a clean Debian 12 root and runs both binaries there: what a
# pipeline that uses the package does, without anything this build machine has installed.
#   ci/install-test.sh DEB
# debootstrap (minbase) makes the root from SCIM_DEBIAN_MIRROR (default deb.debian.org);
# `apt-get install ./DEB` inside it must resolve every dependency from the package's Depends; then
# both binaries run in the chroot (ci/smoke-binaries.sh): the server on 127.0.0.1 port 0, the
# runner against it. Needs root (sudo otherwise) and the Debian mirror; about 4.5 minutes, most
# of it debootstrap (CI stage `install`, ci/test.sh). Nothing is mounted into the root, so
# removing it removes everything.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

deb=${1:?path to scim-toolkit_<version>_<arch>.deb}
[[ -f "$deb" ]] || { echo "install-test.sh: no such file: $deb" >&2; exit 1; }
as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo)
SCIM_DEPS_EXTRA="${SCIM_DEPS_EXTRA:-} install" bash ci/setup-deps.sh

# shellcheck source=smoke-binaries.sh
source ci/smoke-binaries.sh
root=$(mktemp -d)
logs=$(mktemp -d)
trap 'smoke_stop; "${as_root[@]}" rm -rf "$root" "$logs"' EXIT
mirror=${SCIM_DEBIAN_MIRROR:-http://deb.debian.org/debian}

"${as_root[@]}" debootstrap --variant=minbase bookworm "$root" "$mirror" >"$logs/debootstrap.log" \
  2>&1 || { tail -n 20 "$logs/debootstrap.log" >&2; exit 1; }
echo "install-test.sh: clean Debian 12 root made in $((SECONDS - start)) s"

"${as_root[@]}" cp "$deb" "$root/tmp/scim-toolkit.deb"
"${as_root[@]}" chroot "$root" /bin/sh -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq &&
  apt-get install -y -qq --no-install-recommends /tmp/scim-toolkit.deb' >"$logs/install.log" 2>&1 ||
  { tail -n 20 "$logs/install.log" >&2; echo "install-test.sh: apt-get install failed" >&2; exit 1; }
"${as_root[@]}" chroot "$root" dpkg-query -W -f='${Package} ${Version} ${Status}\n' scim-toolkit
for f in /usr/share/man/man1/scim-conformance.1.gz /usr/share/doc/scim-toolkit/docs/ci.md; do
  [[ -s "$root$f" ]] || { echo "install-test.sh: $f not installed" >&2; exit 1; }
done

launch=("${as_root[@]}" chroot "$root")
bindir=/usr/bin
smoke_binaries "$logs" /tmp/junit.xml
[[ -s "$root/tmp/junit.xml" ]] || { echo "install-test.sh: the runner wrote no JUnit file" >&2; exit 1; }
echo "install-test.sh: installed and run in a clean Debian 12 root in $((SECONDS - start)) s"
