// The member PATCH on the store's member set (see member_patch.hpp). What it accepts, and where
// each answer comes from in the general path it stands in for:
// - operations `{"op": "add", "path": "members", "value": [{"value": "<id>"}, ...]}`: a value the
//   group already has changes nothing (RFC 7644 §3.5.2.1; engine/patch/add.cpp), past the
//   engine's limit of values per attribute is 400 invalidValue;
// - operations `{"op": "remove", "path": "members[value eq \"<id>\"]"}`: every value the filter
//   matches goes (compared as the filter engine compares: case folded unless members.value is
//   caseExact); none is 400 noTarget (RFC 7644 §3.5.2.2, strict mode; engine/patch/value_path.cpp);
// - then the store's rules of every group write (RFC 7643 §4.2), If-Match (RFC 7644 §3.14) and the
//   version, as conditional_write and InMemoryStore::replace apply them.
// Lenient mode rewrites requests first, and a deployment without nested groups checks every
// member's type: both take the general path, as does any other shape of request.
#include "scim/server/endpoints/member_patch.hpp"

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/endpoints/etag.hpp"
#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/engine/patch/path.hpp"

namespace scim::server {
namespace {

struct MemberOperation {
  std::size_t index = 0;  // in the request's Operations (error details name it)
  bool add = false;
  std::vector<std::string> values;  // add: the ids, in order
  std::string value;                // remove: the filter's literal
  bool case_exact = false;          // remove: how the filter compares
  std::string filter_text;          // remove: the text between the brackets
};

// A longer id than this goes the general way, which checks string sizes (WriteLimits).
constexpr std::size_t kMaxMemberIdBytes = 1024;

// The core schema's "members", when PATCH may write it as a plain multi-valued complex attribute.
const Attribute* writable_members(const Context& ctx, const ResourceType& type) {
  const Schema* core = ctx.registry.find_schema(type.schema);
  const Attribute* members = core ? core->find("members") : nullptr;
  if (!members || !members->multi_valued || !members->is_complex() || members->required ||
      members->mutability != Mutability::ReadWrite) {
    return nullptr;
  }
  const Attribute* value = members->find_sub("value");
  if (!value || value->multi_valued ||
      (value->type != AttributeType::String && value->type != AttributeType::Reference)) {
    return nullptr;
  }
  return members;
}

// `[{"value": "<id>"}, ...]`, nothing else in the objects, at least one.
std::optional<std::vector<std::string>> plain_member_ids(const nlohmann::json& value) {
  if (!value.is_array() || value.empty()) return std::nullopt;
  std::vector<std::string> ids;
  ids.reserve(value.size());
  for (const auto& m : value) {
    if (!m.is_object() || m.size() != 1) return std::nullopt;
    auto id = m.find("value");
    if (id == m.end() || !id->is_string()) return std::nullopt;
    const auto& text = id->get_ref<const std::string&>();
    if (text.empty() || text.size() > kMaxMemberIdBytes) return std::nullopt;
    ids.push_back(text);
  }
  return ids;
}

std::optional<MemberOperation> member_operation(const Context& ctx, const ResourceType& type,
                                                const Attribute& members, const nlohmann::json& op,
                                                std::size_t index) {
  if (!op.is_object()) return std::nullopt;
  for (const auto& [key, unused] : op.items()) {
    if (key != "op" && key != "path" && key != "value") return std::nullopt;
  }
  auto name = op.find("op");
  auto path_text = op.find("path");
  if (name == op.end() || !name->is_string() || path_text == op.end() || !path_text->is_string())
    return std::nullopt;
  MemberOperation out;
  out.index = index;
  out.add = *name == "add";
  if (!out.add && *name != "remove") return std::nullopt;
  auto path = engine::parse_patch_path(path_text->get_ref<const std::string&>(), ctx.registry, type,
                                       engine::WriteLimits{}.max_path_length);
  if (!path || path->attribute() != &members || path->target.is_extension || path->sub) {
    return std::nullopt;
  }
  auto value = op.find("value");
  if (out.add) {
    if (path->filter || value == op.end()) return std::nullopt;
    auto ids = plain_member_ids(*value);
    if (!ids) return std::nullopt;
    out.values = std::move(*ids);
    return out;
  }
  if (!path->filter || value != op.end()) return std::nullopt;
  const engine::FilterNode& node = path->filter->root();
  if (node.kind != engine::FilterNode::Kind::Compare || node.op != engine::CompareOp::Eq ||
      node.attr.target != members.find_sub("value") || !node.literal.json.is_string()) {
    return std::nullopt;
  }
  out.value = node.literal.json.get<std::string>();
  out.case_exact = node.attr.target->case_exact;
  out.filter_text = path->filter_text;
  return out;
}

// The request as member operations, or nullopt when any part of it is something else.
std::optional<std::vector<MemberOperation>> member_operations(const Context& ctx,
                                                              const ResourceType& type,
                                                              const nlohmann::json& body) {
  const Attribute* members = writable_members(ctx, type);
  if (!members || !body.is_object() || body.size() != 2) return std::nullopt;
  auto schemas = body.find("schemas");
  auto ops = body.find("Operations");
  if (schemas == body.end() || *schemas != nlohmann::json::array({urn::kPatchOp}) ||
      ops == body.end() || !ops->is_array() || ops->empty() ||
      ops->size() > engine::WriteLimits{}.max_operations) {
    return std::nullopt;
  }
  std::vector<MemberOperation> out;
  out.reserve(ops->size());
  for (std::size_t i = 0; i < ops->size(); ++i) {
    auto op = member_operation(ctx, type, *members, (*ops)[i], i);
    if (!op) return std::nullopt;
    out.push_back(std::move(*op));
  }
  return out;
}

// The operations in order, with the PATCH engine's answers (RFC 7644 §3.5.2.1, §3.5.2.2).
Status<> run_member_operations(const std::vector<MemberOperation>& ops, store::MemberEdit& edit) {
  const std::size_t max_values = engine::WriteLimits{}.max_values_per_attribute;
  for (const auto& op : ops) {
    const std::string where = "Operations[" + std::to_string(op.index) + "]: ";
    if (!op.add) {
      if (edit.remove(op.value, op.case_exact) == 0) {
        return no_target(where + "no value of 'members' matches the filter [" + op.filter_text +
                         "] (RFC 7644 §3.5.2.3)");
      }
      continue;
    }
    for (const auto& id : op.values) {
      if (edit.contains(id)) continue;
      if (edit.size() >= max_values) {
        return invalid_value(where + "attribute 'members' would exceed the limit of " +
                             std::to_string(max_values) + " values");
      }
      edit.add(id);
    }
  }
  return Ok{};
}

}  // namespace

bool projection_shows_members(const engine::Projection& projection) {
  auto names_members = [](const ResolvedAttribute& r) {
    return r.attribute && !r.is_extension && iequals(r.attribute->name, "members");
  };
  if (!projection.excluded.empty()) {
    for (const auto& r : projection.excluded) {
      if (names_members(r) && !r.sub_attribute) return false;
    }
    return true;
  }
  if (!projection.attributes_given) return true;
  for (const auto& r : projection.attributes) {
    if (!r.attribute || names_members(r)) return true;  // a bare schema URN: assume it does
  }
  return false;
}

std::optional<Result<MemberPatched>> patch_members_directly(const Context& ctx,
                                                            const ResourceType& type,
                                                            std::string_view id,
                                                            const nlohmann::json& body,
                                                            bool show_members) {
  if (ctx.config.lenient || !ctx.config.features.nested_groups) return std::nullopt;
  if (!ctx.store.holds_members(type.id)) return std::nullopt;
  auto ops = member_operations(ctx, type, body);
  if (!ops) return std::nullopt;
  const std::string* if_match = ctx.config.etag ? ctx.request.header("if-match") : nullptr;
  auto edited = ctx.store.edit_members(
      type.id, id,
      [&](store::MemberEdit& edit) -> Status<> {
        // RFC 7644 §3.14, as conditional_write: the precondition is checked before the change.
        if (if_match && !etag_list_matches(*if_match, edit.version())) {
          return http_error(412, "If-Match " + *if_match + " does not match the current version " +
                                     format_etag(edit.version()));
        }
        return run_member_operations(*ops, edit);
      },
      show_members);
  if (!edited) return Result<MemberPatched>(std::move(edited.error()));
  return Result<MemberPatched>(MemberPatched{std::move(edited->outcome), edited->changed});
}

}  // namespace scim::server
