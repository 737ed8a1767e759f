// The libcurl Transport: a pool of easy handles (each keeps its connection cache, so a thread that
// takes a handle reuses connections), HTTP/2 over TLS where curl supports it, TLS options, proxies
// from the environment (curl's default), a per-request timeout and bounded response sizes.
// No curl types in this header.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "scim/conformance/http.hpp"

namespace scim::conf {

// RAII for curl_global_init/cleanup: constructed once in main (and in tests) before any thread
// uses curl, because the global init is not thread-safe.
class CurlGlobal {
 public:
  CurlGlobal();
  ~CurlGlobal();
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

struct CurlOptions {
  bool insecure = false;  // --insecure: skip peer and host verification
  std::string ca_cert;    // --ca-cert: PEM bundle to verify the target with
  bool http2 = true;      // negotiate HTTP/2 over TLS (ALPN), HTTP/1.1 otherwise
  std::size_t max_response_bytes = 32 * 1024 * 1024;
  std::size_t max_response_headers = 256;
  // 307/308 answers followed per request (RFC 7644 §3.12: "The client is directed to repeat the
  // same HTTP request at the location identified"); more is an error, so a redirect loop ends.
  // Other 3xx are returned to the check. Credentials never follow a redirect to another origin.
  int max_redirects = 5;
  std::size_t max_idle_handles = 32;
};

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  HttpResponse send(const HttpRequest& request) override;

 private:
  struct Handle;
  std::unique_ptr<Handle> acquire();
  // One exchange; `redirect` receives the absolute target of a 307/308 answer.
  HttpResponse perform(Handle& handle, const HttpRequest& request, std::string& redirect);
  void release(std::unique_ptr<Handle> handle);

  CurlOptions options_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Handle>> idle_;
};

}  // namespace scim::conf
