// libcurl easy-handle pool and request execution. The only translation unit of the runner that
// knows curl.
#include "scim/conformance/client/curl_transport.hpp"

#include <curl/curl.h>

#include <chrono>
#include <stdexcept>

namespace scim::conf {
namespace {

struct Sink {
  HttpResponse* response;
  std::size_t max_body;
  std::size_t max_headers;
  bool overflow = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->response->body.size() + n > sink->max_body) {
    sink->overflow = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  sink->response->body.append(data, n);
  return n;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && s[start] == ' ') ++start;
  return s.substr(start);
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  const std::string line(data, n);
  // A status line starts a new header block (redirects are not followed, but 100-continue and
  // proxy CONNECT answers also produce one): keep only the final block.
  if (line.rfind("HTTP/", 0) == 0) {
    sink->response->headers.clear();
    return n;
  }
  const auto colon = line.find(':');
  if (colon == std::string::npos) return n;
  if (sink->response->headers.size() >= sink->max_headers) {
    sink->overflow = true;
    return 0;
  }
  sink->response->headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
  return n;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

struct CurlTransport::Handle {
  CURL* curl = curl_easy_init();
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

CurlGlobal::CurlGlobal() {
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    throw std::runtime_error("curl_global_init failed");
  }
}
CurlGlobal::~CurlGlobal() {
  curl_global_cleanup();
}

CurlTransport::CurlTransport(CurlOptions options) : options_(std::move(options)) {}
CurlTransport::~CurlTransport() = default;

std::unique_ptr<CurlTransport::Handle> CurlTransport::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto handle = std::move(idle_.back());
      idle_.pop_back();
      return handle;
    }
  }
  auto handle = std::make_unique<Handle>();
  if (handle->curl == nullptr) throw std::runtime_error("curl_easy_init failed");
  return handle;
}

void CurlTransport::release(std::unique_ptr<Handle> handle) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < options_.max_idle_handles) idle_.push_back(std::move(handle));
}

namespace {

using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

SlistPtr header_list(const Headers& request_headers) {
  SlistPtr headers;
  for (const auto& [name, value] : request_headers) {
    const std::string line = value.empty() ? name + ";" : name + ": " + value;
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  }
  // curl adds "Expect: 100-continue" for larger bodies; SCIM servers need not support it.
  headers.reset(curl_slist_append(headers.release(), "Expect:"));
  return headers;
}

void set_request_options(CURL* curl, const HttpRequest& request, curl_slist* headers) {
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (request.method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT" ||
      request.method == "PATCH") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  // Set on every request: handles are reused, and curl reuses a connection only for a request
  // whose TLS settings match it.
  curl_easy_setopt(curl, CURLOPT_SSLVERSION,
                   request.options.tls13_only ? CURL_SSLVERSION_TLSv1_3 : CURL_SSLVERSION_DEFAULT);
}

void set_transport_options(CURL* curl, const CurlOptions& options, Sink& sink) {
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);        // timeouts without SIGALRM: safe in threads
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // checks judge redirects themselves
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_HTTP_VERSION,
                   options.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
  if (options.insecure) {
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (!options.ca_cert.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options.ca_cert.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &sink);
}

// scheme://host:port of an absolute URL, as curl parses it; empty when it does not parse.
std::string origin_of(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return {};
  std::string out;
  for (auto part : {CURLUPART_SCHEME, CURLUPART_HOST, CURLUPART_PORT}) {
    char* value = nullptr;
    const auto flags = part == CURLUPART_PORT ? CURLU_DEFAULT_PORT : 0;
    if (curl_url_get(u.get(), part, &value, flags) == CURLUE_OK) out += std::string(value) + "|";
    curl_free(value);
  }
  return out;
}

bool is_credential(const std::string& name) {
  Headers probe{{name, ""}};
  return find_header(probe, "authorization") != nullptr || find_header(probe, "cookie") != nullptr;
}

}  // namespace

// Follows 307/308 (see CurlOptions::max_redirects) within the request's one timeout.
HttpResponse CurlTransport::send(const HttpRequest& request) {
  auto handle = acquire();
  const auto deadline = std::chrono::steady_clock::now() + request.timeout;
  HttpRequest hop = request;
  std::string redirect;
  HttpResponse response = perform(*handle, hop, redirect);
  for (int hops = 0; !redirect.empty(); ++hops) {
    if (hops >= options_.max_redirects) {
      response = HttpResponse{};
      response.transport_error = "more than " + std::to_string(options_.max_redirects) +
                                 " redirects (307/308), the last to " + redirect;
      break;
    }
    if (origin_of(redirect) != origin_of(hop.url)) {
      std::erase_if(hop.headers, [](const auto& h) { return is_credential(h.first); });
    }
    hop.url = redirect;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      response = HttpResponse{};
      response.transport_error = "timed out while following redirects";
      break;
    }
    hop.timeout = left;
    response = perform(*handle, hop, redirect);
  }
  release(std::move(handle));
  return response;
}

HttpResponse CurlTransport::perform(Handle& handle, const HttpRequest& request,
                                    std::string& redirect) {
  redirect.clear();
  CURL* curl = handle.curl;
  curl_easy_reset(curl);  // keeps the connection cache, forgets the previous request's options
  HttpResponse response;
  Sink sink{&response, options_.max_response_bytes, options_.max_response_headers};
  const auto headers = header_list(request.headers);
  set_request_options(curl, request, headers.get());
  set_transport_options(curl, options_, sink);

  const auto start = std::chrono::steady_clock::now();
  const CURLcode rc = curl_easy_perform(curl);
  response.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  if (rc != CURLE_OK) {
    response.status = 0;
    response.transport_error = sink.overflow ? "response exceeded the size limits of the runner"
                                             : std::string(curl_easy_strerror(rc));
    response.headers.clear();
    response.body.clear();
  } else {
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    char* location = nullptr;  // absolute, resolved by curl against the request URL
    if ((status == 307 || status == 308) &&
        curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
      redirect = location;
    }
  }
  return response;
}

}  // namespace scim::conf
