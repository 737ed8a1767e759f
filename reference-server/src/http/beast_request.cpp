// A parsed Beast request as head fields and as a plain server::Request, and an answer as the
// Beast response the session writes (see beast_request.hpp).
#include "scim/server/http/beast_request.hpp"

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <cctype>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"

namespace scim::http::detail {
namespace {

std::string_view view(boost::beast::string_view s) {
  return {s.data(), s.size()};
}

}  // namespace

std::vector<HeadField> head_fields(const BeastRequest& request, std::size_t max_fields) {
  std::vector<HeadField> fields;
  fields.reserve(std::min<std::size_t>(max_fields + 1, 16));
  for (const auto& field : request) {
    fields.push_back({view(field.name_string()), view(field.value())});
    if (fields.size() > max_fields) break;
  }
  return fields;
}

server::Request to_request(BeastRequest&& request, const server::Connection& connection) {
  server::Request out;
  out.method = std::string(view(request.method_string()));
  std::transform(out.method.begin(), out.method.end(), out.method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  out.target = std::string(view(request.target()));
  // Header names are case-insensitive (RFC 9110 §5.1): lower-cased here, the handlers'
  // contract. Repeated fields are joined with ", " as §5.3 allows for list-valued fields.
  for (const auto& field : request) {
    std::string name(view(field.name_string()));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto value = view(field.value());
    auto [slot, inserted] = out.headers.try_emplace(std::move(name), value);
    if (!inserted && slot->second.empty()) {
      slot->second = value;
    } else if (!inserted) {
      slot->second.append(", ").append(value);
    }
  }
  out.body = std::move(request.body());
  out.connection = connection;
  return out;
}

void to_beast_response(server::Response& response, bool keep_alive, unsigned version, bool head,
                       BeastResponse& out) {
  namespace bhttp = boost::beast::http;
  if (response.status < 200 || response.status > 599) {
    response = server::error_response(http_error(500, "handler returned an invalid HTTP status"));
  }
  // RFC 9110 §15.3.5 / §15.4.5: 204 and 304 carry no content.
  if (response.status == 204 || response.status == 304) response.body.clear();
  out.version(version);
  out.result(static_cast<unsigned>(response.status));
  out.set(bhttp::field::server, "scim-reference-server");
  bool has_type = false;
  for (auto& [name, value] : response.headers) {
    has_type = has_type || boost::beast::iequals(name, "content-type");
    out.insert(name, value);
  }
  if (!has_type && !response.body.empty()) {
    out.set(bhttp::field::content_type, std::string(urn::kScimMediaType));
  }
  out.body() = std::move(response.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  if (head) out.body().clear();  // RFC 9110 §9.3.2: HEAD keeps Content-Length, no body
}

}  // namespace scim::http::detail
