# syntax=docker/dockerfile:1
# scim-toolkit image: scim-reference-server as the entrypoint (listening on 0.0.0.0:8080), with
# scim-conformance beside it (`docker run --entrypoint scim-conformance IMAGE run ...`).
#
# NOT BUILT on the development machine: it has no access to a container registry, so this file
# has never been built there. It is kept minimal and obviously right on purpose: the build stage
# runs the same commands as ci/package.sh (release preset, man pages, cpack), and the runtime
# stage installs that .deb, which CI builds and smoke-tests on every run (ci/test.sh, stage
# "package"). Build it with `docker build -t scim-toolkit .` from the repository root.

FROM debian:12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake ninja-build pkg-config file dpkg-dev help2man \
      libboost-dev libboost-system-dev nlohmann-json3-dev libsimdjson-dev libcurl4-openssl-dev \
      libpugixml-dev libcli11-dev libyaml-cpp-dev libssl-dev libvalijson-dev libjemalloc-dev \
      libcjose-dev libjansson-dev libcbor-dev \
      libgtest-dev libgmock-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# GoogleTest is needed to configure the tree (its test-support libraries are declared
# unconditionally); only the two binaries and their man pages are built.
RUN cmake --preset release -DSCIM_PACKAGE=ON \
 && cmake --build build/release --target scim-conformance scim-reference-server man-pages \
 && cd build/release && cpack -G DEB

FROM debian:12-slim
COPY --from=build /src/build/release/scim-toolkit_*.deb /tmp/
# apt-get resolves the package's shared-library dependencies (libcurl, libssl, libpugixml, ...).
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/scim-toolkit_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/scim-toolkit_*.deb \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin scim
USER scim
EXPOSE 8080
ENTRYPOINT ["scim-reference-server", "--bind", "0.0.0.0"]
CMD ["--port", "8080"]
