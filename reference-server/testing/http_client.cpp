// libcurl-backed test client (see http_client.hpp).
#include "scim/server/testing/http_client.hpp"

#include <sys/socket.h>

#include <cctype>
#include <chrono>
#include <thread>

namespace scim::test {
namespace {

size_t on_body(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

// curl hands over one header line at a time; the status line and blank line have no ':'.
size_t on_header(char* data, size_t size, size_t n, void* user) {
  std::string line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r\n") + 1);
    static_cast<std::multimap<std::string, std::string>*>(user)->emplace(name, value);
  }
  return size * n;
}

// CURLOPT_SOCKOPTFUNCTION: runs after the socket is made and before it connects, so the window
// the client advertises is small from the start.
int set_receive_buffer(void* bytes, curl_socket_t socket, curlsocktype) {
  const int size = *static_cast<int*>(bytes);
  return setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, sizeof size) == 0 ? CURL_SOCKOPT_OK
                                                                            : CURL_SOCKOPT_ERROR;
}

}  // namespace

std::string HttpResult::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::vector<std::string> HttpResult::all(const std::string& lower_name) const {
  std::vector<std::string> out;
  auto [b, e] = headers.equal_range(lower_name);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

nlohmann::json HttpResult::json() const {
  return nlohmann::json::parse(body, nullptr, false);
}

HttpClient::HttpClient() : curl_(curl_easy_init()) {}
HttpClient::~HttpClient() {
  curl_easy_cleanup(curl_);
}

HttpResult HttpClient::request(const std::string& method, const std::string& url,
                               const std::string& body, std::vector<std::string> headers) {
  HttpResult result;
  curl_slist* list = nullptr;
  if (!bearer_.empty()) headers.push_back("Authorization: Bearer " + bearer_);
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl_, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  } else {
    curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
  }
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &result.headers);
  curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, timeout_ms_);
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  if (!ca_file_.empty()) curl_easy_setopt(curl_, CURLOPT_CAINFO, ca_file_.c_str());
  CURLcode rc = curl_easy_perform(curl_);
  curl_slist_free_all(list);
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
  if (rc != CURLE_OK) {
    result.error = curl_easy_strerror(rc);
    return result;
  }
  curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &result.status);
  curl_easy_getinfo(curl_, CURLINFO_NUM_CONNECTS, &result.new_connections);
  return result;
}

RawConnection::RawConnection(const std::string& url, int receive_buffer, const std::string& ca_file)
    : curl_(curl_easy_init()), receive_buffer_(receive_buffer) {
  curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  if (!ca_file.empty()) curl_easy_setopt(curl_, CURLOPT_CAINFO, ca_file.c_str());
  if (receive_buffer_ > 0) {
    curl_easy_setopt(curl_, CURLOPT_SOCKOPTFUNCTION, set_receive_buffer);
    curl_easy_setopt(curl_, CURLOPT_SOCKOPTDATA, &receive_buffer_);
  }
  curl_easy_setopt(curl_, CURLOPT_CONNECT_ONLY, 1L);
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  connected_ = curl_easy_perform(curl_) == CURLE_OK;
}

RawConnection::~RawConnection() {
  curl_easy_cleanup(curl_);
}

bool RawConnection::send(const std::string& bytes) {
  std::size_t offset = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (offset < bytes.size() && std::chrono::steady_clock::now() < deadline) {
    std::size_t sent = 0;
    CURLcode rc = curl_easy_send(curl_, bytes.data() + offset, bytes.size() - offset, &sent);
    if (rc == CURLE_AGAIN) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (rc != CURLE_OK) return false;
    offset += sent;
  }
  return offset == bytes.size();
}

std::string RawConnection::receive_until_close(long timeout_ms) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    std::size_t n = 0;
    CURLcode rc = curl_easy_recv(curl_, buf, sizeof buf, &n);
    if (rc == CURLE_AGAIN) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (rc != CURLE_OK || n == 0) break;  // closed by the peer
    out.append(buf, n);
  }
  return out;
}

bool RawConnection::open_and_silent() {
  char byte = 0;
  std::size_t n = 0;
  return curl_easy_recv(curl_, &byte, 1, &n) == CURLE_AGAIN;
}

}  // namespace scim::test
