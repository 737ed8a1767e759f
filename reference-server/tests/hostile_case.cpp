// Request builders of the hostile catalogue (see hostile_case.hpp).
#include "hostile_case.hpp"

namespace scim::test::hostile {

std::string request(const std::string& method, const std::string& target, const std::string& body,
                    std::vector<std::string> headers) {
  std::string out = method + " /scim/v2" + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  bool auth = true;
  for (const auto& h : headers) {
    if (h == "-authorization") {
      auth = false;
      continue;
    }
    if (h.rfind("Authorization:", 0) == 0) auth = false;
    out += h + "\r\n";
  }
  if (auth) out += "Authorization: Bearer secret\r\n";
  if (!body.empty()) out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return out + "Connection: close\r\n\r\n" + body;
}

std::string scim(const std::string& method, const std::string& target, const std::string& body,
                 std::vector<std::string> headers) {
  headers.insert(headers.begin(), "Content-Type: application/scim+json");
  return request(method, target, body, std::move(headers));
}

std::string user_with(const nlohmann::json& extra) {
  nlohmann::json user = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                         {"userName", "hostile"}};
  for (const auto& [key, value] : extra.items()) user[key] = value;
  return user.dump();
}

std::string patch_ops(const nlohmann::json& operations) {
  return nlohmann::json{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
                        {"Operations", operations}}
      .dump();
}

}  // namespace scim::test::hostile
