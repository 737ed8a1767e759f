// Fixture users for filter checks.
//   A: <p>-alice  title <p>-Engineer active true  name Smith/Alice  nickName Al
//      emails work <p>-alice@example.com (primary) + other <p>-alice@home.example
//      externalId <p>-ext-a  userType Employee  enterprise employeeNumber 100
//   B: <p>-bob    title <p>-Manager  active false name Jones/Bob   emails home <p>-bob@example.org
//      externalId <p>-ext-b  userType Contractor
//   C: <p>-carol  title <p>-Director active true  name Miller/Carol emails work
//   <p>-carol@example.net
//      externalId <p>-ext-c  userType Employee
#include "filter_fixtures.hpp"

#include <cctype>

#include "scim/protocol/urns.hpp"

namespace scim::suites::rfc7644 {
namespace {

json user_a(const std::string& p, bool enterprise) {
  json u = {{"userName", p + "-alice"},
            {"displayName", "Alice Smith"},
            {"nickName", "Al"},
            {"title", p + "-Engineer"},
            {"userType", "Employee"},
            {"active", true},
            {"externalId", p + "-ext-a"},
            {"name", {{"familyName", "Smith"}, {"givenName", "Alice"}}},
            {"emails",
             {{{"value", p + "-alice@example.com"}, {"type", "work"}, {"primary", true}},
              {{"value", p + "-alice@home.example"}, {"type", "other"}}}}};
  if (enterprise) {
    u["schemas"] = {std::string(urn::kUser), std::string(urn::kEnterpriseUser)};
    u[std::string(urn::kEnterpriseUser)] = {{"employeeNumber", "100"}};
  }
  return u;
}

json user_b(const std::string& p) {
  return {{"userName", p + "-bob"},
          {"displayName", "Bob Jones"},
          {"title", p + "-Manager"},
          {"userType", "Contractor"},
          {"active", false},
          {"externalId", p + "-ext-b"},
          {"name", {{"familyName", "Jones"}, {"givenName", "Bob"}}},
          {"emails", {{{"value", p + "-bob@example.org"}, {"type", "home"}}}}};
}

json user_c(const std::string& p) {
  return {{"userName", p + "-carol"},
          {"displayName", "Carol Miller"},
          {"title", p + "-Director"},
          {"userType", "Employee"},
          {"active", true},
          {"externalId", p + "-ext-c"},
          {"name", {{"familyName", "Miller"}, {"givenName", "Carol"}}},
          {"emails", {{{"value", p + "-carol@example.net"}, {"type", "work"}}}}};
}

}  // namespace

FilterFixture make_filter_fixture(conf::Context& ctx, bool enterprise) {
  FilterFixture f;
  f.prefix = ctx.unique_name("flt");
  f.bodies['A'] = user_a(f.prefix, enterprise);
  f.bodies['B'] = user_b(f.prefix);
  f.bodies['C'] = user_c(f.prefix);
  for (auto& [key, body] : f.bodies) f.ids[key] = id_string(ctx.create_user(body));
  return f;
}

std::string expand(const std::string& pattern, const std::string& prefix) {
  std::string upper = prefix;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        (pattern[i + 1] == 'p' || pattern[i + 1] == 'P')) {
      out += pattern[i + 1] == 'p' ? prefix : upper;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace scim::suites::rfc7644
