// libcurl implementation of PushTransport: one easy handle per call, RFC 8935 §2.1 headers,
// bounded timeouts and a bounded response body. curl stays private to this file.
#include <curl/curl.h>

#include <memory>

#include "scim/server/events/push_transport.hpp"

namespace scim::events {
namespace {

struct BodySink {
  std::string data;
  std::size_t limit = 0;
};

std::size_t write_body(char* ptr, std::size_t size, std::size_t nmemb, void* user) {
  auto* sink = static_cast<BodySink*>(user);
  const std::size_t n = size * nmemb;
  const std::size_t room = sink->limit > sink->data.size() ? sink->limit - sink->data.size() : 0;
  sink->data.append(ptr, n < room ? n : room);
  return n;  // keep reading (and discarding) so the connection ends cleanly
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

class CurlTransport final : public PushTransport {
 public:
  explicit CurlTransport(CurlTransportOptions options) : options_(options) {
    curl_global_init(CURL_GLOBAL_DEFAULT);  // reference counted by libcurl
  }
  ~CurlTransport() override { curl_global_cleanup(); }

  PushOutcome post(const PushTarget& target, const std::string& set_jwt) override {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return PushOutcome{0, {}, "curl_easy_init failed"};
    std::unique_ptr<curl_slist, SlistDeleter> headers(make_headers(target));
    BodySink sink{{}, options_.max_response_bytes};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, target.url.c_str());
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, set_jwt.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(set_jwt.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &write_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.total_timeout_ms);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM for timeouts
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    const CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) return PushOutcome{0, {}, curl_easy_strerror(rc)};
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    return PushOutcome{static_cast<int>(status), std::move(sink.data), {}};
  }

 private:
  static curl_slist* make_headers(const PushTarget& target) {
    // RFC 8935 §2.1: Content-Type application/secevent+jwt, Accept application/json.
    curl_slist* list = nullptr;
    list = curl_slist_append(list, "Content-Type: application/secevent+jwt");
    list = curl_slist_append(list, "Accept: application/json");
    list = curl_slist_append(list, "Accept-Language: en");
    list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
    if (!target.bearer_token.empty()) {
      const std::string auth = "Authorization: Bearer " + target.bearer_token;
      list = curl_slist_append(list, auth.c_str());
    }
    return list;
  }

  CurlTransportOptions options_;
};

}  // namespace

std::unique_ptr<PushTransport> make_curl_transport(CurlTransportOptions options) {
  return std::make_unique<CurlTransport>(options);
}

}  // namespace scim::events
