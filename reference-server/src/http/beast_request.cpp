// A parsed Beast request as head fields and as a plain server::Request, and an answer as the
// Beast response the session writes (see beast_request.hpp).
#include "scim/server/http/beast_request.hpp"

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/write.hpp>
#include <charconv>
#include <sstream>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/http/answer_wire.hpp"

namespace scim::http::detail {
namespace {

std::string_view view(boost::beast::string_view s) {
  return {s.data(), s.size()};
}

// A field's value as Beast stores it: without leading and trailing spaces and tabs.
std::string_view trimmed(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return value;
}

// "name: value\r\n", as Beast's field list writes a field.
void append_field(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ").append(trimmed(value)).append("\r\n");
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
  // A method is a token (RFC 9110 §9.1): ASCII upper-casing, without a call into the C library
  // per character (that was 0.14 % of a GET).
  out.method = to_upper(view(request.method_string()));
  out.target = std::string(view(request.target()));
  // Header names are case-insensitive (RFC 9110 §5.1): lower-cased here, the handlers'
  // contract. Repeated fields are joined with ", " as §5.3 allows for list-valued fields.
  for (const auto& field : request) {
    std::string name = to_lower(view(field.name_string()));
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

void settle_answer(server::Response& response) {
  if (response.status < 200 || response.status > 599) {
    response = server::error_response(http_error(500, "handler returned an invalid HTTP status"));
  }
  // RFC 9110 §15.3.5 / §15.4.5: 204 and 304 carry no content.
  if (response.status == 204 || response.status == 304) response.body.clear();
}

void to_beast_response(server::Response& response, bool keep_alive, unsigned version, bool head,
                       BeastResponse& out) {
  namespace bhttp = boost::beast::http;
  settle_answer(response);
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

// The fields in the order to_beast_response leaves them in the message: set(server) on an
// empty message, the handler's in order (insert appends), set(content_type) on a message without
// one, keep_alive() adding "Connection" where the version needs it (there is none to edit), and
// prepare_payload() setting Content-Length last (also 0, also for 204 and 304).
bool answer_head(const server::Response& response, bool keep_alive, unsigned version,
                 std::string& out) {
  namespace bhttp = boost::beast::http;
  out.clear();
  if (version != 10 && version != 11) return false;
  bool has_type = false;
  for (const auto& [name, value] : response.headers) {
    if (boost::beast::iequals(name, "content-length") ||
        boost::beast::iequals(name, "transfer-encoding") ||
        boost::beast::iequals(name, "connection")) {
      return false;
    }
    has_type = has_type || boost::beast::iequals(name, "content-type");
  }
  // The status line as Beast's writer makes it: "HTTP/X.Y ### <reason>\r\n".
  const auto code = static_cast<unsigned>(response.status);
  const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(code));
  const char line[] = {'H',
                       'T',
                       'T',
                       'P',
                       '/',
                       static_cast<char>('0' + version / 10),
                       '.',
                       static_cast<char>('0' + version % 10),
                       ' ',
                       static_cast<char>('0' + code / 100),
                       static_cast<char>('0' + (code / 10) % 10),
                       static_cast<char>('0' + code % 10),
                       ' '};
  out.append(line, sizeof line).append(reason.data(), reason.size()).append("\r\n");
  append_field(out, "Server", "scim-reference-server");
  for (const auto& [name, value] : response.headers) append_field(out, name, value);
  if (!has_type && !response.body.empty()) append_field(out, "Content-Type", urn::kScimMediaType);
  if (version == 11 && !keep_alive) append_field(out, "Connection", "close");
  if (version == 10 && keep_alive) append_field(out, "Connection", "keep-alive");
  char digits[24];
  const auto length = std::to_chars(digits, digits + sizeof digits, response.body.size()).ptr;
  out.append("Content-Length: ").append(digits, length).append("\r\n\r\n");
  return true;
}

std::string beast_answer_bytes(server::Response response, bool keep_alive, unsigned version,
                               bool head) {
  BeastResponse message;
  to_beast_response(response, keep_alive, version, head, message);
  std::ostringstream wire;
  wire << message;
  return wire.str();
}

}  // namespace scim::http::detail
