// The three-user fixture behind the RFC 7644 §3.4.2.2 filter checks. Values are chosen so that each
// operator, type and combination has one answer that follows from the RFC text alone.
#pragma once

#include <map>
#include <string>

#include "scim/suites/common/helpers.hpp"

namespace scim::suites::rfc7644 {

struct FilterFixture {
  std::string prefix;                     // unique per check, shared by the three users
  std::map<char, std::string> ids;        // 'A', 'B', 'C' -> id
  std::map<char, nlohmann::json> bodies;  // what was sent
};

// Creates users A, B and C (see filter_fixtures.cpp for their attributes).
FilterFixture make_filter_fixture(conf::Context& ctx, bool enterprise);
// Replaces "{p}" with the prefix and "{P}" with the upper-cased prefix.
std::string expand(const std::string& pattern, const std::string& prefix);

}  // namespace scim::suites::rfc7644
