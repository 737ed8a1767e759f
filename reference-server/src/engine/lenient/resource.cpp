// rewrite_resource: a lenient POST or PUT body (RFC 7644 §3.3, §3.5.1) in RFC form. Attributes
// are looked up as the strict engine looks them up (validate/validate.cpp): common attributes,
// extension objects, core attributes; their values get the value rewrites (values.cpp). readOnly
// attributes are left alone: the strict engine drops them in both modes (RFC 7644 §3.5.1).
// Members that name no attribute of the resource type (nor of its extensions) are dropped
// (unknown-attribute) instead of refused, as applications that ignore what they do not store do.
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/engine/lenient/rewrite.hpp"
#include "scim/server/engine/validate/rules.hpp"

namespace scim::engine::lenient {

namespace {

nlohmann::json rewrite_attribute(LeniencyLog& log, const Attribute& attr, const std::string& key,
                                 const nlohmann::json& value) {
  observe_name(log, key, attr.name);
  if (attr.mutability == Mutability::ReadOnly) return value;
  return rewrite_attribute_value(log, attr, value);
}

nlohmann::json rewrite_extension(LeniencyLog& log, const Schema& extension,
                                 const nlohmann::json& value) {
  if (!value.is_object()) return value;
  nlohmann::json out = value;
  for (const auto& [key, member] : value.items()) {
    if (const Attribute* attr = extension.find(key); attr != nullptr) {
      out[key] = rewrite_attribute(log, *attr, key, member);
    } else {
      out.erase(key);
      log.record(kUnknownAttribute);
    }
  }
  return out;
}

}  // namespace

ResourceRewrite rewrite_resource(const nlohmann::json& body, const Registry& registry,
                                 const ResourceType& type, Mode mode, const WriteLimits& limits) {
  ResourceRewrite out{body, {}, {}};
  out.options.limits = limits;
  if (mode == Mode::Strict) return out;
  out.options.accept_non_canonical_values = true;
  const Schema* core = registry.find_schema(type.schema);
  if (!body.is_object() || core == nullptr) return out;
  LeniencyLog log;
  for (const auto& [key, value] : body.items()) {
    if (iequals(key, "schemas")) continue;
    if (const Attribute* common = find_common_attribute(key); common != nullptr) {
      out.body[key] = rewrite_attribute(log, *common, key, value);
    } else if (const Schema* ext = find_extension(registry, type, key); ext != nullptr) {
      out.body[key] = rewrite_extension(log, *ext, value);
    } else if (const Attribute* attr = core->find(key); attr != nullptr) {
      out.body[key] = rewrite_attribute(log, *attr, key, value);
    } else {
      out.body.erase(key);
      log.record(kUnknownAttribute);
    }
  }
  out.used = log.names();
  return out;
}

}  // namespace scim::engine::lenient
