// Fixture users for filter checks (p = the check's unique prefix):
//   A: <p>-alice  active true   nickName Al  name <p>-Smith/Alice   externalId <p>-ext-a
//      emails work <p>-alice@example.com (primary) + other <p>-alice@home.example
//      enterprise employeeNumber 100
//   B: <p>-bob    active false               name Jones/Bob        externalId <p>-ext-b
//      emails home <p>-bob@example.org
//   C: <p>-carol  active true                name Miller/Carol     externalId <p>-ext-c
//      emails work <p>-carol@example.net
#include "filter_fixtures.hpp"

#include <cctype>

#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"

namespace scim::suites::rfc7644 {
namespace filter_fixtures_local {

json user_a(const std::string& p, bool enterprise) {
  json u = {{"userName", p + "-alice"},
            {"nickName", "Al"},
            {"active", true},
            {"externalId", p + "-ext-a"},
            {"name", {{"familyName", p + "-Smith"}, {"givenName", "Alice"}}},
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
          {"active", false},
          {"externalId", p + "-ext-b"},
          {"name", {{"familyName", "Jones"}, {"givenName", "Bob"}}},
          {"emails", {{{"value", p + "-bob@example.org"}, {"type", "home"}}}}};
}

json user_c(const std::string& p) {
  return {{"userName", p + "-carol"},
          {"active", true},
          {"externalId", p + "-ext-c"},
          {"name", {{"familyName", "Miller"}, {"givenName", "Carol"}}},
          {"emails", {{{"value", p + "-carol@example.net"}, {"type", "work"}}}}};
}

// Only what the target defines: a strict target refuses unknown attributes (RFC 7644 §3.12
// invalidValue), a lenient one drops them, and neither is a filter verdict.
json defined_only(conf::Context& ctx, json body) {
  for (auto it = body.begin(); it != body.end();) {
    const bool keep = it.key() == "schemas" || ctx.caps().attribute("User", it.key()) != nullptr ||
                      ctx.caps().schemas.find(it.key()) != nullptr;  // an extension container
    it = keep ? std::next(it) : body.erase(it);
  }
  return body;
}

std::size_t count_values(const json& resource, const std::string& attribute) {
  const json* v = member(resource, attribute);
  return v != nullptr && v->is_array() ? v->size() : 0;
}

}  // namespace filter_fixtures_local

FilterFixture make_filter_fixture(conf::Context& ctx, bool enterprise,
                                  const std::vector<std::string>& uses) {
  using namespace filter_fixtures_local;
  require_defined(ctx, "User", uses);
  FilterFixture f;
  f.prefix = ctx.unique_name("flt");
  f.bodies['A'] = defined_only(ctx, user_a(f.prefix, enterprise));
  f.bodies['B'] = defined_only(ctx, user_b(f.prefix));
  f.bodies['C'] = defined_only(ctx, user_c(f.prefix));
  for (auto& [key, body] : f.bodies) {
    f.created[key] = ctx.create_user(body);
    f.ids[key] = id_string(f.created[key]);
  }
  for (const auto& [key, sent] : f.bodies) {
    std::vector<std::string> sent_uses;
    for (const auto& u : uses)
      if (holds(sent, u)) sent_uses.push_back(u);
    require_stored(ctx, f.created[key], "User", sent_uses);
    for (const auto& u : sent_uses) {
      const std::string top = u.substr(0, u.find('.'));
      if (count_values(f.created[key], top) < count_values(sent, top))
        ctx.skip("target stores only " + std::to_string(count_values(f.created[key], top)) +
                 " of the " + std::to_string(count_values(sent, top)) + " User." + top +
                 " values sent (RFC 7644 §3.3: the server is free to ignore POSTed content)");
    }
  }
  return f;
}

std::string expand(const std::string& pattern, const std::string& prefix) {
  std::string upper = prefix;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const bool slot = pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}';
    const char k = slot ? pattern[i + 1] : '\0';
    if (k == 'p' || k == 'P' || k == 'q' || k == 'Q') {
      const std::string& text = k == 'p' || k == 'q' ? prefix : upper;
      out += k == 'q' || k == 'Q' ? text.substr(1) : text;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace scim::suites::rfc7644
