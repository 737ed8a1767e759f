// Realistic directory data for the benchmark (ci/bench.sh): users shaped like the ones Microsoft
// Entra ID and Okta provision (core User plus the Enterprise extension, about 1.1 KB of JSON
// each) and groups of them. Deterministic: the same index always gives the same resource, so
// runs are comparable and a test can pin the shape.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace scim::bench {

// The userName of user `index` (unique across indexes; the bench's filter scenario looks it up).
std::string user_name(std::size_t index);

// User `index`: schemas (core + enterprise), externalId (Okta-style 00u... id), userName
// (first.last.N@domain), name, displayName, nickName, title, userType, preferredLanguage,
// locale, timezone, active, two emails, two phone numbers, a work address, and the enterprise
// employeeNumber, costCenter, organization, division and department.
nlohmann::json make_user(std::size_t index);

// Group `index` with the given member ids (RFC 7643 §4.2 members[].value).
nlohmann::json make_group(std::size_t index, const std::vector<std::string>& member_ids);

// The user as one compact JSON line in which every occurrence of `index`'s unique token is
// replaced by `placeholder`, so a load generator can stamp fresh unique users from one template
// (the creates scenario) without a JSON library.
std::string user_template(const std::string& placeholder);

}  // namespace scim::bench
