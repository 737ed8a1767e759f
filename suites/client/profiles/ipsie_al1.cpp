// Client checks of the IPSIE AL1 SCIM 2.0 Profile (draft-ipsie-scim-al1-profile): the bearer
// token on every request (§3.1) and the exact shapes of group membership changes (§3.2.3.5).
// Graded only in a session that asks for "ipsie-al1".
//
// A membership operation is a PATCH operation of /Groups/{id} whose path is "members" or starts
// with "members[" or "members.", or a path-less one whose value names "members": the profile's
// rules cover those; a PATCH that renames a group is not a membership change.
#include <algorithm>
#include <cctype>
#include <regex>

#include "../client_check.hpp"

namespace scim::suites::client {
namespace {

using json = nlohmann::json;

void bearer_token(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    const std::string* auth = o.header("authorization");
    // RFC 9110 §11.1: the scheme name is case-insensitive. The journal keeps only the scheme.
    const std::string scheme = auth ? lower_case(auth->substr(0, auth->find(' '))) : "";
    if (scheme != "bearer") {
      out.push_back({o.index,
                     auth ? "an Authorization header of scheme " + auth->substr(0, auth->find(' '))
                          : "a request without an Authorization header",
                     "Authorization: Bearer <access token>", auth ? *auth : "no Authorization"});
    }
  }
}

bool member_path(const std::string& path) {
  const std::string p = lower_case(path);
  return p == "members" || p.rfind("members[", 0) == 0 || p.rfind("members.", 0) == 0;
}

bool member_op(const json& op) {
  if (!op.is_object()) return false;
  const json path = op.value("path", json());
  if (path.is_string()) return member_path(path.get<std::string>());
  const json value = op.value("value", json());
  if (!value.is_object()) return false;
  return std::any_of(value.items().begin(), value.items().end(),
                     [](const auto& kv) { return lower_case(kv.key()) == "members"; });
}

// The membership operations of a group PATCH.
std::vector<json> member_ops(const Observed& o) {
  std::vector<json> out;
  const json* ops = o.endpoint() == "/Groups" && is_patch(o) ? patch_operations(o) : nullptr;
  if (ops == nullptr) return out;
  std::copy_if(ops->begin(), ops->end(), std::back_inserter(out), member_op);
  return out;
}

bool changes_members(const Observed& o) {
  return !member_ops(o).empty();
}

std::string op_name(const json& op) {
  const json v = op.value("op", json());
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// The first membership operation `bad` finds wrong, per request, as a finding.
void each_member_op(const std::vector<Observed>& all, std::vector<Finding>& out,
                    const std::function<std::optional<Finding>(const json&)>& bad) {
  for (const auto& o : all) {
    for (const auto& op : member_ops(o)) {
      if (auto f = bad(op)) {
        f->entry = o.index;
        out.push_back(std::move(*f));
        break;
      }
    }
  }
}

void add_or_remove(const std::vector<Observed>& all, std::vector<Finding>& out) {
  each_member_op(all, out, [](const json& op) -> std::optional<Finding> {
    const std::string name = op_name(op);
    if (name == "add" || name == "remove") return std::nullopt;
    return Finding{0, "a membership operation \"op\": \"" + name + "\"", "\"add\" or \"remove\"",
                   name};
  });
}

void add_path(const std::vector<Observed>& all, std::vector<Finding>& out) {
  each_member_op(all, out, [](const json& op) -> std::optional<Finding> {
    if (lower_case(op_name(op)) != "add") return std::nullopt;
    const json path = op.value("path", json());
    if (path == json("members")) return std::nullopt;
    return Finding{0, "a member add with path " + path.dump(), "\"path\": \"members\"",
                   path.is_null() ? "no \"path\"" : path.dump()};
  });
}

bool member_elements(const json& value) {
  return value.is_array() && !value.empty() &&
         std::all_of(value.begin(), value.end(), [](const json& m) {
           return m.is_object() && m.contains("value") && m["value"].is_string() &&
                  !m["value"].get<std::string>().empty();
         });
}

void add_value(const std::vector<Observed>& all, std::vector<Finding>& out) {
  each_member_op(all, out, [](const json& op) -> std::optional<Finding> {
    if (lower_case(op_name(op)) != "add" || !op.contains("path")) return std::nullopt;
    const json value = op.value("value", json());
    if (member_elements(value)) return std::nullopt;
    return Finding{0, "a member add whose value is " + value.dump(), "[{\"value\": \"<id>\"}, ...]",
                   value.dump()};
  });
}

void remove_path(const std::vector<Observed>& all, std::vector<Finding>& out) {
  static const std::regex kOne(R"re(^members\[value eq "[^"]+"\]$)re");
  each_member_op(all, out, [](const json& op) -> std::optional<Finding> {
    if (lower_case(op_name(op)) != "remove") return std::nullopt;
    const json path = op.value("path", json());
    const std::string p = path.is_string() ? path.get<std::string>() : std::string();
    if (p == "members" || std::regex_match(p, kOne)) return std::nullopt;
    return Finding{0, "a member remove with path " + path.dump(),
                   "\"members\" or \"members[value eq \\\"<id>\\\"]\"",
                   path.is_null() ? "no \"path\"" : path.dump()};
  });
}

void remove_no_value(const std::vector<Observed>& all, std::vector<Finding>& out) {
  each_member_op(all, out, [](const json& op) -> std::optional<Finding> {
    if (lower_case(op_name(op)) != "remove" || !op.contains("value")) return std::nullopt;
    return Finding{0, "a member remove with a value: " + op["value"].dump(), "no \"value\"",
                   op["value"].dump()};
  });
}

ClientCheck ipsie(const char* id, const char* title, std::function<bool(const Observed&)> applies,
                  std::function<void(const std::vector<Observed>&, std::vector<Finding>&)> inspect,
                  const char* skip_reason) {
  return {profile_check_info(id, title, {"ipsie"}),
          std::move(applies),
          std::move(inspect),
          {},
          {},
          skip_reason};
}

}  // namespace

void add_ipsie_al1_checks(ClientChecks& out) {
  constexpr const char* kNoMembers = "no group membership change in this session";
  out.push_back(ipsie(
      "client-ipsie-al1/3.1/bearer-token", "every request carries a bearer token",
      [](const Observed&) { return true; }, bearer_token, "no request in this session"));
  out.push_back(ipsie("client-ipsie-al1/3.2.3.5/member-op", "membership ops are add or remove",
                      changes_members, add_or_remove, kNoMembers));
  out.push_back(ipsie("client-ipsie-al1/3.2.3.5/add-members-path",
                      "member adds have the path \"members\"", changes_members, add_path,
                      kNoMembers));
  out.push_back(ipsie("client-ipsie-al1/3.2.3.5/add-members-value",
                      "member adds list members by value", changes_members, add_value, kNoMembers));
  out.push_back(ipsie("client-ipsie-al1/3.2.3.5/remove-members-path",
                      "member removes target members or one member", changes_members, remove_path,
                      kNoMembers));
  out.push_back(ipsie("client-ipsie-al1/3.2.3.5/remove-members-no-value",
                      "member removes carry no value", changes_members, remove_no_value,
                      kNoMembers));
}

}  // namespace scim::suites::client
