// Request building, authentication, timing and recording for every request a check makes.
#include "scim/conformance/client/scim_client.hpp"

#include <algorithm>

#include "scim/conformance/client/redact.hpp"
#include "scim/conformance/json_limits.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::conf {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  Headers probe{{std::string(a), ""}};
  return find_header(probe, b) != nullptr;
}

// Applies `extra` over `headers`: replace by name, empty value deletes.
void merge_headers(Headers& headers, const Headers& extra) {
  for (const auto& [name, value] : extra) {
    std::erase_if(headers, [&](const auto& h) { return same_name(h.first, name); });
    if (!value.empty()) headers.emplace_back(name, value);
  }
}

std::string cut(std::string text) {
  if (text.size() > kMaxRecordedBody) {
    const auto total = text.size();
    text.resize(kMaxRecordedBody);
    text += "\n... (" + std::to_string(total) + " bytes, truncated)";
  }
  return text;
}

// The first bytes of a body, printable, for an error message.
std::string snippet(std::string_view body) {
  std::string out;
  for (char c : body.substr(0, 80)) out += (c >= 0x20 && c < 0x7f) ? c : ' ';
  return body.size() > 80 ? out + "..." : out;
}

}  // namespace

std::optional<std::string> unusable_answer(const HttpResponse& response) {
  if (response.status < 200 || response.status > 299 || response.body.empty()) return std::nullopt;
  const std::string* type = response.header("Content-Type");
  if (type != nullptr && type->find("jwt") != std::string::npos) return std::nullopt;  // a SET
  if (parse_json_limited(response.body)) return std::nullopt;
  return "HTTP " + std::to_string(response.status) + " answered with " +
         (type != nullptr ? "Content-Type " + *type : std::string("no Content-Type")) +
         " and a body that is not JSON, so it is not a SCIM answer (RFC 7644 §3.1, §8.1): \"" +
         snippet(response.body) + "\"";
}

ScimClient::ScimClient(Transport& transport, Authenticator& auth, std::string base_url)
    : transport_(transport), auth_(auth), base_url_(std::move(base_url)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

std::string ScimClient::resolve(std::string_view path) const {
  if (path.starts_with("http://") || path.starts_with("https://")) return std::string(path);
  if (path.empty()) return base_url_;
  return base_url_ + (path.front() == '/' ? "" : "/") + std::string(path);
}

ScimClient::Sent ScimClient::send(std::string_view method, std::string_view path,
                                  const std::optional<std::string>& body, const Headers& extra,
                                  bool authenticate, std::chrono::milliseconds timeout,
                                  const SendOptions& options) {
  HttpRequest request;
  request.options = options;
  request.method = std::string(method);
  request.url = resolve(path);
  request.timeout = timeout;
  request.headers.emplace_back("Accept", std::string(urn::kScimMediaType));
  if (body) {
    request.headers.emplace_back("Content-Type", std::string(urn::kScimMediaType));
    request.body = *body;
  }
  Sent sent;
  if (authenticate) {
    auto auth_headers = auth_.headers();
    if (!auth_headers) {
      sent.response.transport_error = auth_headers.error();
    } else {
      merge_headers(request.headers, *auth_headers);
    }
  }
  merge_headers(request.headers, extra);
  if (sent.response.transport_error.empty()) sent.response = transport_.send(request);

  // Redacted before cutting: a cut JSON body no longer parses.
  sent.exchange = recorded_exchange(request, sent.response, auth_.redaction_rules());
  auto& ex = sent.exchange;
  ex.request_body = cut(std::move(ex.request_body));
  ex.response_body = cut(std::move(ex.response_body));
  // The exchange keeps what came; the check sees a harness error with the reason.
  if (auto reason = unusable_answer(sent.response)) {
    sent.response.status = 0;
    sent.response.transport_error = *reason;
    ex.transport_error = *reason;
  }
  return sent;
}

}  // namespace scim::conf
