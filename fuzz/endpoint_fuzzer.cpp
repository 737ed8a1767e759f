// Fuzz target: the endpoint layer, request struct in, response out. The input is a JSON envelope
// {"method","target","headers":{name: value},"body"} (seeds: RFC 7644's request examples); it
// becomes a server::Request and goes through the reference server's whole middleware chain
// (authentication, async, the route table, the endpoints, the engine, the store) without a
// socket. Whatever the request, the answer keeps response_check.hpp's contract.
#include "fuzz_support.hpp"
#include "response_check.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/app/server.hpp"

namespace {

std::string text_field(const nlohmann::json& envelope, const char* key, const char* fallback) {
  auto it = envelope.find(key);
  return it != envelope.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace scim;
  auto envelope = nlohmann::json::parse(fuzz::as_text(data, size), nullptr, false);
  if (!envelope.is_object()) return 0;
  server::Request request;
  request.method = text_field(envelope, "method", "GET");
  request.target = text_field(envelope, "target", "/scim/v2/Users");
  request.body = text_field(envelope, "body", "");
  if (auto h = envelope.find("headers"); h != envelope.end() && h->is_object()) {
    for (const auto& [name, value] : h->items()) {
      if (value.is_string()) request.headers[scim::to_lower(name)] = value.get<std::string>();
    }
  }
  request.connection = {false, "127.0.0.1", 8080};
  if (request.method.size() > 16 || request.target.size() > 8192) return 0;  // transport limits
  fuzz::check_response(fuzz::reference_server().handler().handle(request));
  return 0;
}
