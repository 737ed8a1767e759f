// The Streamable HTTP listener on Boost.Beast: accepts connections (bounded), reads each request
// within limits, hands it to the HttpEndpoint and writes the answer, as JSON or as a chunked SSE
// stream. No Beast type appears here.
#pragma once

#include <memory>
#include <string>

#include "scim/mcp/http_endpoint.hpp"
#include "scim/protocol/result.hpp"

namespace scim::mcp {

class HttpServer {
 public:
  explicit HttpServer(HttpEndpoint& endpoint);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds address:port from the endpoint's options; the message says why it could not.
  Status<std::string> listen();
  // "http://HOST:PORT/mcp", valid after listen().
  std::string url() const;
  // Serves until stop() (callable from any thread, e.g. a signal-waiting one).
  void run();
  void stop();

  struct Impl;  // the Beast side, defined in http_server.cpp only

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace scim::mcp
