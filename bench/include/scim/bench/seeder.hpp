// Loads generated users and groups into a running SCIM server through its own protocol (POST
// /Bulk, RFC 7644 §3.7, then POST /Groups), so seeding exercises the same path as an identity
// provider's initial sync. One keep-alive libcurl connection; every failed operation is reported.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "scim/protocol/result.hpp"

namespace scim::bench {

struct SeedOptions {
  std::string base_url;          // "http://127.0.0.1:PORT/scim/v2"
  std::string token = "secret";  // bearer token
  std::size_t users = 20'000;
  std::size_t first_index = 0;  // generator index of the first user
  std::size_t batch = 500;      // operations per /Bulk request (under maxPayloadSize)
  std::size_t groups = 0;       // small groups of `group_size` consecutive users
  std::size_t group_size = 20;
  std::size_t big_group_members = 0;  // one group with this many members (0: none)
};

struct SeededUser {
  std::string id;
  std::string user_name;
};

struct SeedResult {
  std::vector<SeededUser> users;
  std::vector<std::string> group_ids;
  std::string big_group_id;  // empty when none was asked for
};

// Progress lines ("seeded 20000/100000 users") go to `progress` when set.
Result<SeedResult, std::string> seed(const SeedOptions& options,
                                     const std::function<void(const std::string&)>& progress);

}  // namespace scim::bench
