// TargetSchemas: a lenient reader of /Schemas into the protocol's schema model (see header).
#include "scim/conformance/target_schemas.hpp"

#include "scim/protocol/schema_loader.hpp"
#include "scim/protocol/strings.hpp"

namespace scim::conf {
namespace {

const nlohmann::json* field(const nlohmann::json& object, std::string_view name) {
  if (!object.is_object()) return nullptr;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (iequals(it.key(), name)) return &it.value();
  }
  return nullptr;
}

std::string text(const nlohmann::json& object, std::string_view name) {
  const auto* v = field(object, name);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

bool flag(const nlohmann::json& object, std::string_view name, bool fallback) {
  const auto* v = field(object, name);
  return v != nullptr && v->is_boolean() ? v->get<bool>() : fallback;
}

std::vector<std::string> strings(const nlohmann::json& object, std::string_view name) {
  std::vector<std::string> out;
  const auto* v = field(object, name);
  if (v == nullptr || !v->is_array()) return out;
  for (const auto& item : *v) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

// An unknown keyword keeps the §2.2 default the Attribute struct already holds.
template <class T, class Parse>
void keyword(const nlohmann::json& object, std::string_view name, Parse parse, T& target) {
  if (auto parsed = parse(text(object, name))) target = *parsed;
}

}  // namespace

Attribute attribute_from_json(const nlohmann::json& json) {
  Attribute a;
  a.name = text(json, "name");
  keyword(json, "type", parse_attribute_type, a.type);
  a.multi_valued = flag(json, "multiValued", false);
  a.description = text(json, "description");
  a.required = flag(json, "required", false);
  a.case_exact = flag(json, "caseExact", false);
  keyword(json, "mutability", parse_mutability, a.mutability);
  keyword(json, "returned", parse_returned, a.returned);
  keyword(json, "uniqueness", parse_uniqueness, a.uniqueness);
  a.canonical_values = strings(json, "canonicalValues");
  a.reference_types = strings(json, "referenceTypes");
  if (const auto* subs = field(json, "subAttributes"); subs != nullptr && subs->is_array()) {
    for (const auto& sub : *subs) a.sub_attributes.push_back(attribute_from_json(sub));
  }
  return a;
}

TargetSchemas TargetSchemas::from_json(const nlohmann::json& document) {
  TargetSchemas out;
  const nlohmann::json* list = document.is_array() ? &document : field(document, "Resources");
  if (list == nullptr || !list->is_array()) return out;
  for (const auto& entry : *list) {
    Schema schema;
    schema.id = text(entry, "id");
    if (schema.id.empty()) continue;
    schema.name = text(entry, "name");
    if (const auto* attrs = field(entry, "attributes"); attrs != nullptr && attrs->is_array()) {
      for (const auto& a : *attrs) schema.attributes.push_back(attribute_from_json(a));
    }
    out.schemas_.push_back(std::move(schema));
  }
  return out;
}

TargetSchemas TargetSchemas::rfc7643() {
  TargetSchemas out;
  out.schemas_ = builtin_schemas();
  out.from_target_ = false;
  return out;
}

const Schema* TargetSchemas::find(std::string_view urn) const {
  for (const auto& s : schemas_) {
    if (iequals(s.id, urn)) return &s;
  }
  return nullptr;
}

const Attribute* find_attribute(const Schema& schema, std::string_view path) {
  const auto dot = path.find('.');
  const Attribute* top = schema.find(path.substr(0, dot));
  if (top == nullptr || dot == std::string_view::npos) return top;
  return top->find_sub(path.substr(dot + 1));
}

}  // namespace scim::conf
