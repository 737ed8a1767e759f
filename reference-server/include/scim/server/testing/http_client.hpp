// Test-side HTTP client over libcurl: one easy handle per client, so consecutive requests reuse
// the connection (keep-alive) and tests can count how many connections were opened.
#pragma once

#include <curl/curl.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace scim::test {

struct HttpResult {
  long status = 0;  // 0 when the transfer failed (see `error`)
  std::string body;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string error;
  long new_connections = 0;  // CURLINFO_NUM_CONNECTS: 0 means the connection was reused

  std::string header(const std::string& lower_name) const;
  std::vector<std::string> all(const std::string& lower_name) const;
  nlohmann::json json() const;  // discarded value when the body is not JSON
};

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Default "Authorization: Bearer <token>" for every request ("" = none).
  void set_bearer(std::string token) { bearer_ = std::move(token); }
  void set_ca_file(std::string path) { ca_file_ = std::move(path); }
  void set_timeout_ms(long ms) { timeout_ms_ = ms; }

  HttpResult request(const std::string& method, const std::string& url,
                     const std::string& body = "", std::vector<std::string> headers = {});
  HttpResult get(const std::string& url) { return request("GET", url); }
  HttpResult post_json(const std::string& url, const nlohmann::json& body) {
    return request("POST", url, body.dump(), {"Content-Type: application/scim+json"});
  }

 private:
  CURL* curl_;
  std::string bearer_;
  std::string ca_file_;
  long timeout_ms_ = 10'000;
};

// A raw TCP (or TLS-less) byte stream via CURLOPT_CONNECT_ONLY, for clients that misbehave on
// purpose (slow senders, partial requests).
class RawConnection {
 public:
  // `receive_buffer` > 0 sets the socket's SO_RCVBUF (bytes) before it connects: a client that
  // stops reading then blocks the server's writes after a few kilobytes, not tens of megabytes.
  // An https URL is connected over TLS (the handshake done here), trusting `ca_file`; send and
  // receive then carry the plain HTTP bytes.
  explicit RawConnection(const std::string& url, int receive_buffer = 0,
                         const std::string& ca_file = "");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  bool send(const std::string& bytes);
  // Reads until the peer closes or `timeout_ms` passes; returns what arrived.
  std::string receive_until_close(long timeout_ms);
  // Whether the peer has neither sent a byte nor closed yet (one read that does not wait).
  bool open_and_silent();

 private:
  CURL* curl_;
  int receive_buffer_;
  bool connected_ = false;
};

}  // namespace scim::test
