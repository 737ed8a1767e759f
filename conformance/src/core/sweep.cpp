// Final sweep of leftover fixtures (sweep.hpp).
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

class Sweeper {
 public:
  Sweeper(ScimClient& client, std::chrono::milliseconds timeout, std::vector<Exchange>& transcript,
          std::size_t max_transcript)
      : client_(client), timeout_(timeout), transcript_(transcript), max_(max_transcript) {}

  HttpResponse send(const std::string& method, const std::string& path) {
    auto sent = client_.send(method, path, std::nullopt, {}, true, timeout_);
    if (transcript_.size() < max_) transcript_.push_back(std::move(sent.exchange));
    return sent.response;
  }

  // The ids of one page of `path` whose `attribute` starts with `prefix`, and the page's size.
  std::pair<std::vector<std::string>, std::size_t> page(const std::string& path,
                                                        const std::string& attribute,
                                                        const std::string& prefix) {
    const auto r = send("GET", path);
    std::vector<std::string> ids;
    const auto body = parse_json_limited(r.body);
    if (r.status != 200 || !body || !body->is_object()) return {ids, 0};
    const auto resources = body->find("Resources");
    if (resources == body->end() || !resources->is_array()) return {ids, 0};
    for (const auto& res : *resources) {
      if (!res.is_object()) continue;
      const auto id = res.find("id");
      const auto value = res.find(attribute);
      if (id == res.end() || !id->is_string() || value == res.end() || !value->is_string())
        continue;
      if (value->get<std::string>().starts_with(prefix)) ids.push_back(id->get<std::string>());
    }
    return {ids, resources->size()};
  }

 private:
  ScimClient& client_;
  std::chrono::milliseconds timeout_;
  std::vector<Exchange>& transcript_;
  std::size_t max_;
};

std::string page_query(const std::string& endpoint, int start) {
  return endpoint + "?startIndex=" + std::to_string(start) + "&count=" + std::to_string(kPageSize);
}

// Without filtering: every page, matched here; collected before deleting so pages do not shift.
std::vector<std::string> listed(Sweeper& sweeper, const std::string& endpoint, const Target& target,
                                const std::string& prefix) {
  std::vector<std::string> ids;
  for (int p = 0; p < kMaxSweepListPages; ++p) {
    auto [found, size] =
        sweeper.page(page_query(endpoint, 1 + p * kPageSize), target.attribute, prefix);
    ids.insert(ids.end(), found.begin(), found.end());
    if (size < static_cast<std::size_t>(kPageSize)) break;
  }
  return ids;
}

void sweep_type(Sweeper& sweeper, ScimClient& client, const Capabilities& caps,
                const Target& target, const std::string& prefix,
                std::vector<std::string>& leftovers) {
  const auto* type = caps.find_type(target.type);
  if (type == nullptr && caps.find_type("User") != nullptr) return;  // type not offered
  const std::string endpoint =
      type != nullptr && !type->endpoint.empty() ? type->endpoint : target.fallback_endpoint;
  const std::string filter = std::string(target.attribute) + " sw \"" + prefix + "\"";
  std::set<std::string> failed;
  // Searching again after deleting finds what the page limit left out; a listing is one pass.
  const int rounds = caps.filter ? kMaxRounds : 1;
  for (int round = 0; round < rounds; ++round) {
    const auto ids = caps.filter ? sweeper
                                       .page(endpoint + "?filter=" + percent_encode(filter) +
                                                 "&count=" + std::to_string(kPageSize),
                                             target.attribute, prefix)
                                       .first
                                 : listed(sweeper, endpoint, target, prefix);
    bool progress = false;
    for (const auto& id : ids) {
      if (failed.contains(id)) continue;
      const auto location = client.resolve(endpoint) + "/" + percent_encode(id);
      const auto status = sweeper.send("DELETE", location).status;
      if ((status >= 200 && status < 300) || status == 404) {
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
                               const std::string& run_id, std::chrono::milliseconds timeout,
                               std::vector<Exchange>& transcript, std::size_t max_transcript) {
  std::vector<std::string> leftovers;
  if (run_id.empty()) return leftovers;
  Sweeper sweeper(client, timeout, transcript, max_transcript);
  const auto prefix = "scimconf-" + run_id;
  sweep_type(sweeper, client, caps, {"User", "/Users", "userName"}, prefix, leftovers);
  sweep_type(sweeper, client, caps, {"Group", "/Groups", "displayName"}, prefix, leftovers);
  return leftovers;
}

}  // namespace scim::conf
