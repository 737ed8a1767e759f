// The three-user fixture behind the RFC 7644 §3.4.2.2 filter checks. Values are chosen so that each
// operator, type and combination has one answer that follows from the RFC text alone, and so that
// most cases read only userName, the one attribute every target stores (RFC 7643 §4.1.1).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "scim/suites/common/helpers.hpp"

namespace scim::suites::rfc7644 {

struct FilterFixture {
  std::string prefix;                      // unique per check, shared by the three users
  std::map<char, std::string> ids;         // 'A', 'B', 'C' -> id
  std::map<char, nlohmann::json> bodies;   // what was sent (attributes the target defines)
  std::map<char, nlohmann::json> created;  // what the target answered
};

// Creates users A, B and C (see filter_fixtures.cpp), leaving out attributes the target's schema
// does not define; then skips the check unless every attribute in `uses` that was sent came back
// with all its values ("target does not store User.nickName").
FilterFixture make_filter_fixture(conf::Context& ctx, bool enterprise,
                                  const std::vector<std::string>& uses);
// Replaces "{p}" with the prefix, "{P}" with the upper-cased prefix and "{q}" / "{Q}" with the
// prefix without its first character (an inner substring of every fixture userName).
std::string expand(const std::string& pattern, const std::string& prefix);

}  // namespace scim::suites::rfc7644
