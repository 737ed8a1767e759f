// Seeding a server over HTTP (see seeder.hpp): users through POST /Bulk (RFC 7644 §3.7) in
// batches, then groups through POST /Groups, over one keep-alive libcurl handle.
#include "scim/bench/seeder.hpp"

#include <curl/curl.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "scim/bench/directory_generator.hpp"

namespace scim::bench {
namespace {

constexpr std::string_view kBulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// One keep-alive connection to the server; post() answers the status and the parsed body.
class Client {
 public:
  explicit Client(const SeedOptions& o) : curl_(curl_easy_init()), base_(o.base_url) {
    curl_slist* h = curl_slist_append(nullptr, ("Authorization: Bearer " + o.token).c_str());
    h = curl_slist_append(h, "Content-Type: application/scim+json");
    headers_.reset(h);
  }

  Result<nlohmann::json, std::string> post(const std::string& path, const std::string& body,
                                           long expected) {
    std::string answer;
    const std::string url = base_ + path;
    curl_easy_setopt(curl_.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_.get(), CURLOPT_HTTPHEADER, headers_.get());
    curl_easy_setopt(curl_.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl_.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl_.get(), CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl_.get(), CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(curl_.get(), CURLOPT_TIMEOUT, 120L);
    if (auto rc = curl_easy_perform(curl_.get()); rc != CURLE_OK) {
      return Unexpected{"POST " + url + ": " + curl_easy_strerror(rc)};
    }
    long status = 0;
    curl_easy_getinfo(curl_.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status != expected) {
      return Unexpected{"POST " + url + ": HTTP " + std::to_string(status) + ": " +
                        answer.substr(0, 400)};
    }
    auto parsed = nlohmann::json::parse(answer, nullptr, false);
    if (parsed.is_discarded()) return Unexpected{"POST " + url + ": the answer is not JSON"};
    return parsed;
  }

 private:
  std::unique_ptr<CURL, CurlDeleter> curl_;
  std::unique_ptr<curl_slist, SlistDeleter> headers_;
  std::string base_;
};

// The id at the end of a BulkResponse operation's location (".../Users/<id>").
Result<std::string, std::string> created_id(const nlohmann::json& op) {
  const auto status = op.value("status", nlohmann::json());
  const std::string code = status.is_string() ? status.get<std::string>() : status.dump();
  if (code != "201" || !op.contains("location")) {
    return Unexpected{"bulk operation " + op.value("bulkId", std::string("?")) + " answered " +
                      op.dump().substr(0, 400)};
  }
  const auto location = op["location"].get<std::string>();
  return location.substr(location.rfind('/') + 1);
}

Result<Ok, std::string> seed_users(Client& client, const SeedOptions& o, SeedResult& out,
                                   const std::function<void(const std::string&)>& progress) {
  for (std::size_t start = 0; start < o.users; start += o.batch) {
    const std::size_t end = std::min(o.users, start + o.batch);
    nlohmann::json ops = nlohmann::json::array();
    for (std::size_t i = start; i < end; ++i) {
      ops.push_back({{"method", "POST"},
                     {"path", "/Users"},
                     {"bulkId", "u" + std::to_string(i)},
                     {"data", make_user(o.first_index + i)}});
    }
    nlohmann::json body = {{"schemas", {kBulkRequest}}, {"Operations", std::move(ops)}};
    auto answer = client.post("/Bulk", body.dump(), 200);
    if (!answer) return Unexpected{answer.error()};
    const auto& results = (*answer)["Operations"];
    for (std::size_t i = start; i < end; ++i) {
      auto id = created_id(results.at(i - start));
      if (!id) return Unexpected{id.error()};
      out.users.push_back({std::move(*id), user_name(o.first_index + i)});
    }
    if (progress && (end % 10'000 == 0 || end == o.users)) {
      progress("seeded " + std::to_string(end) + "/" + std::to_string(o.users) + " users");
    }
  }
  return Ok{};
}

Result<std::string, std::string> post_group(Client& client, std::size_t index,
                                            const std::vector<std::string>& members) {
  auto answer = client.post("/Groups", make_group(index, members).dump(), 201);
  if (!answer) return Unexpected{answer.error()};
  return (*answer)["id"].get<std::string>();
}

Result<Ok, std::string> seed_groups(Client& client, const SeedOptions& o, SeedResult& out) {
  const std::size_t n = out.users.size();
  for (std::size_t g = 0; g < o.groups && n > 0; ++g) {
    std::vector<std::string> members;
    for (std::size_t k = 0; k < o.group_size && k < n; ++k) {
      members.push_back(out.users[(g * o.group_size + k) % n].id);
    }
    auto id = post_group(client, g, members);
    if (!id) return Unexpected{id.error()};
    out.group_ids.push_back(std::move(*id));
  }
  if (o.big_group_members == 0) return Ok{};
  if (o.big_group_members > n) {
    return Unexpected{"the big group needs " + std::to_string(o.big_group_members) +
                      " members but only " + std::to_string(n) + " users were seeded"};
  }
  std::vector<std::string> members;
  for (std::size_t k = 0; k < o.big_group_members; ++k) members.push_back(out.users[k].id);
  auto id = post_group(client, o.groups, members);
  if (!id) return Unexpected{id.error()};
  out.big_group_id = std::move(*id);
  return Ok{};
}

}  // namespace

Result<SeedResult, std::string> seed(const SeedOptions& options,
                                     const std::function<void(const std::string&)>& progress) {
  if (options.batch == 0) return Unexpected{std::string("batch must be at least 1")};
  Client client(options);
  SeedResult out;
  out.users.reserve(options.users);
  if (auto st = seed_users(client, options, out, progress); !st) return Unexpected{st.error()};
  if (auto st = seed_groups(client, options, out); !st) return Unexpected{st.error()};
  return out;
}

}  // namespace scim::bench
