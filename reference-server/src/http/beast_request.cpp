// A parsed Beast request as head fields and as a plain server::Request (see beast_request.hpp).
#include "scim/server/http/beast_request.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace scim::http::detail {
namespace {

std::string_view view(boost::beast::string_view s) {
  return {s.data(), s.size()};
}

}  // namespace

std::vector<HeadField> head_fields(const BeastRequest& request, std::size_t max_fields) {
  std::vector<HeadField> fields;
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
    auto& slot = out.headers[name];
    const std::string value(view(field.value()));
    slot = slot.empty() ? value : slot + ", " + value;
  }
  out.body = std::move(request.body());
  out.connection = connection;
  return out;
}

}  // namespace scim::http::detail
