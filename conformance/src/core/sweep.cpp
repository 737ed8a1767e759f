// Final sweep of leftover fixtures.
#include "sweep.hpp"

#include <set>

#include "scim/conformance/json_limits.hpp"

namespace scim::conf {
namespace {

constexpr int kMaxRounds = 5;  // each round deletes up to kPageSize; bounded work on any target
constexpr int kPageSize = 100;

struct Target {
  const char* type;
  const char* fallback_endpoint;
  const char* attribute;
};

// One search; the ids found (empty when the search fails).
std::vector<std::string> search(ScimClient& client, const std::string& endpoint,
                                const std::string& filter, std::chrono::milliseconds timeout) {
  const auto path =
      endpoint + "?filter=" + percent_encode(filter) + "&count=" + std::to_string(kPageSize);
  const auto r = client.send("GET", path, std::nullopt, {}, true, timeout).response;
  std::vector<std::string> ids;
  const auto body = parse_json_limited(r.body);
  if (r.status != 200 || !body || !body->is_object()) return ids;
  const auto resources = body->find("Resources");
  if (resources == body->end() || !resources->is_array()) return ids;
  for (const auto& res : *resources) {
    const auto id = res.is_object() ? res.find("id") : res.end();
    if (res.is_object() && id != res.end() && id->is_string())
      ids.push_back(id->get<std::string>());
  }
  return ids;
}

void sweep_type(ScimClient& client, const Capabilities& caps, const Target& target,
                const std::string& run_id, std::chrono::milliseconds timeout,
                std::vector<std::string>& leftovers) {
  const auto* type = caps.find_type(target.type);
  if (type == nullptr && caps.find_type("User") != nullptr) return;  // type not offered
  const std::string endpoint =
      type != nullptr && !type->endpoint.empty() ? type->endpoint : target.fallback_endpoint;
  const std::string filter = std::string(target.attribute) + " sw \"scimconf-" + run_id + "\"";
  std::set<std::string> failed;
  for (int round = 0; round < kMaxRounds; ++round) {
    bool progress = false;
    for (const auto& id : search(client, endpoint, filter, timeout)) {
      if (failed.contains(id)) continue;
      const auto location = client.resolve(endpoint) + "/" + percent_encode(id);
      const auto r = client.send("DELETE", location, std::nullopt, {}, true, timeout).response;
      if ((r.status >= 200 && r.status < 300) || r.status == 404) {
        progress = true;
      } else {
        failed.insert(id);
        leftovers.push_back(location);
      }
    }
    if (!progress) break;
  }
}

}  // namespace

std::vector<std::string> sweep(ScimClient& client, const Capabilities& caps,
                               const std::string& run_id, std::chrono::milliseconds timeout) {
  std::vector<std::string> leftovers;
  if (!caps.filter || run_id.empty()) return leftovers;
  sweep_type(client, caps, {"User", "/Users", "userName"}, run_id, timeout, leftovers);
  sweep_type(client, caps, {"Group", "/Groups", "displayName"}, run_id, timeout, leftovers);
  return leftovers;
}

}  // namespace scim::conf
