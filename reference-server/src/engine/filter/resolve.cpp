// Attribute resolution and operator/literal type checks for filters (RFC 7644 §3.4.2.2).
#include "scim/server/engine/filter/resolve.hpp"

#include <cmath>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/filter/compare.hpp"
#include "scim/server/engine/filter/lexer.hpp"

namespace scim::engine {
namespace {

// "schemas" belongs to no schema but is filterable (§3.4.2.2 Figure 2): a multi-valued,
// case-insensitive string (URNs compare case-insensitively, RFC 7643 §10.2).
const Attribute& schemas_attribute() {
  static const Attribute kSchemas = [] {
    Attribute a;
    a.name = "schemas";
    a.multi_valued = true;
    a.returned = Returned::Always;
    a.mutability = Mutability::ReadOnly;
    return a;
  }();
  return kSchemas;
}

ScimError error_at(const FilterScope& scope, std::size_t offset, const std::string& what) {
  return invalid_filter(what + " " + describe_position(scope.text, offset));
}

AttrRef unknown_ref(std::string_view written, const AttributePath& path) {
  AttrRef ref;
  ref.name = path.attribute;
  ref.sub_name = path.sub_attribute;
  ref.written = std::string(written);
  ref.canonical = ref.written;
  return ref;
}

// Inside a value path names are sub-attributes of the parent (§3.4.2.2 Table 5).
Result<AttrRef> resolve_inside(const FilterScope& scope, std::string_view path,
                               std::size_t offset) {
  if (!is_valid_attribute_name(path)) {
    return error_at(scope, offset,
                    "inside a value path, \"" + std::string(path) +
                        "\" is not a sub-attribute name (write e.g. type eq \"work\")");
  }
  AttrRef ref;
  ref.written = std::string(path);
  const Attribute* sub = scope.parent ? scope.parent->find_sub(path) : nullptr;
  if (!sub) {
    if (scope.reject_unknown && !scope.parent_unknown) {
      return error_at(scope, offset,
                      "unknown sub-attribute \"" + std::string(path) + "\" of \"" +
                          (scope.parent ? scope.parent->name : std::string()) + "\"");
    }
    ref.name = ref.written;
    ref.canonical = ref.written;
    return ref;
  }
  ref.name = sub->name;
  ref.target = sub;
  ref.canonical = sub->name;
  return ref;
}

AttrRef from_resolved(const ResolvedAttribute& r, std::string_view written) {
  AttrRef ref;
  ref.written = std::string(written);
  ref.name = r.attribute->name;
  if (r.schema) ref.schema_urn = r.schema->id;
  if (r.is_extension) {
    ref.extension_urn = r.schema->id;
    ref.canonical = r.schema->id + ":";
  }
  ref.canonical += ref.name;
  ref.target = r.attribute;
  if (r.sub_attribute) {
    ref.sub_name = r.sub_attribute->name;
    ref.target = r.sub_attribute;
    ref.canonical += "." + ref.sub_name;
  }
  return ref;
}

}  // namespace

Result<AttrRef> resolve_filter_attribute(const FilterScope& scope, std::string_view path,
                                         std::size_t offset) {
  if (scope.parent || scope.parent_unknown) return resolve_inside(scope, path, offset);
  if (iequals(path, "schemas")) {
    AttrRef ref;
    ref.name = "schemas";
    ref.target = &schemas_attribute();
    ref.written = std::string(path);
    ref.canonical = "schemas";
    return ref;
  }
  auto parsed = scope.schema_urns ? parse_attribute_path(path, *scope.schema_urns)
                                  : parse_attribute_path(path);
  if (!parsed) return error_at(scope, offset, parsed.error().detail);
  if (parsed->is_schema_only()) {
    return error_at(scope, offset,
                    "\"" + std::string(path) + "\" names a schema, not an attribute");
  }
  auto resolved = scope.registry->resolve(*scope.type, *parsed);
  if (!resolved) {
    if (scope.reject_unknown) return error_at(scope, offset, resolved.error().detail);
    return unknown_ref(path, *parsed);
  }
  return from_resolved(*resolved, path);
}

namespace {

bool is_ordering(CompareOp op) {
  return op == CompareOp::Gt || op == CompareOp::Ge || op == CompareOp::Lt || op == CompareOp::Le;
}
bool is_substring(CompareOp op) {
  return op == CompareOp::Co || op == CompareOp::Sw || op == CompareOp::Ew;
}

std::string describe(const AttrRef& attr) {
  return std::string(to_string(attr.target->type)) + " attribute \"" + attr.canonical + "\"";
}

// Operators a type supports. §3.4.2.2: gt/ge/lt/le on boolean or binary SHALL be invalidFilter;
// substring operators have no meaning for booleans and numbers, so they are rejected as well.
Status<> check_operator(const FilterScope& scope, const AttrRef& attr, CompareOp op,
                        std::size_t offset) {
  const AttributeType t = attr.target->type;
  const bool no_ordering = t == AttributeType::Boolean || t == AttributeType::Binary;
  const bool no_substring =
      t == AttributeType::Boolean || t == AttributeType::Integer || t == AttributeType::Decimal;
  if ((no_ordering && is_ordering(op)) || (no_substring && is_substring(op))) {
    return error_at(
        scope, offset,
        "operator \"" + std::string(to_string(op)) + "\" is not supported for " + describe(attr));
  }
  return Ok{};
}

// The JSON type a literal must have for the attribute type (RFC 7643 §2.3).
Status<> check_literal_type(const FilterScope& scope, const AttrRef& attr, const Literal& lit,
                            std::size_t offset) {
  const auto& v = lit.json;
  switch (attr.target->type) {
    case AttributeType::Boolean:
      if (v.is_boolean()) return Ok{};
      return error_at(scope, offset, describe(attr) + " compares with true or false");
    case AttributeType::Integer:
    case AttributeType::Decimal:
      if (v.is_number()) return Ok{};
      return error_at(scope, offset, describe(attr) + " compares with a number");
    default:
      if (v.is_string()) return Ok{};
      return error_at(scope, offset, describe(attr) + " compares with a string in double quotes");
  }
}

// Switches `emails` to `emails.value` (§3.4.2.2: "emails co ..." in Figure 2); other complex
// attributes need an explicit sub-attribute ("a fully qualified sub-attribute MUST be specified").
Status<> imply_value_sub(const FilterScope& scope, AttrRef& attr, std::size_t offset) {
  const Attribute* value = attr.target->multi_valued ? attr.target->find_sub("value") : nullptr;
  if (!attr.sub_name.empty() || !value) {
    return error_at(
        scope, offset,
        "complex attribute \"" + attr.canonical +
            "\" has no single value to compare; name a sub-attribute (e.g. \"" + attr.canonical +
            "." +
            (attr.target->sub_attributes.empty() ? std::string("value")
                                                 : attr.target->sub_attributes[0].name) +
            "\")");
  }
  attr.sub_name = value->name;
  attr.target = value;
  attr.implicit_value = true;
  attr.canonical += "." + value->name;
  return Ok{};
}

}  // namespace

Result<Literal> check_comparison(const FilterScope& scope, AttrRef& attr, CompareOp op,
                                 nlohmann::json value, std::size_t offset) {
  Literal lit;
  lit.json = std::move(value);
  if (lit.json.is_number_float() && !std::isfinite(lit.json.get<double>())) {
    return error_at(scope, offset, "number literal out of range");
  }
  if (!attr.target) return lit;  // unknown attribute: it has no value, any literal will do
  if (attr.target->is_complex()) {
    if (auto s = imply_value_sub(scope, attr, offset); !s) return s.error();
  }
  if (lit.json.is_null()) {
    // RFC 7643 §2.5: null is equivalent to unassigned, so only (in)equality is meaningful.
    if (op != CompareOp::Eq && op != CompareOp::Ne) {
      return error_at(scope, offset, "null can only be compared with eq or ne");
    }
    return lit;
  }
  if (auto s = check_operator(scope, attr, op, offset); !s) return s.error();
  if (auto s = check_literal_type(scope, attr, lit, offset); !s) return s.error();
  const AttributeType t = attr.target->type;
  if (t == AttributeType::DateTime && !is_substring(op)) {
    lit.instant = parse_datetime(lit.json.get_ref<const std::string&>());
    if (!lit.instant) {
      return error_at(scope, offset,
                      "\"" + lit.json.get<std::string>() + "\" is not a valid xsd:dateTime for " +
                          describe(attr));
    }
  }
  const bool folded = !attr.target->case_exact && t != AttributeType::Binary;
  if (lit.json.is_string() && folded) lit.folded = to_lower(lit.json.get_ref<const std::string&>());
  if (lit.json.is_string() && op == CompareOp::Co) {
    lit.prefix_table =
        build_prefix_table(folded ? lit.folded : lit.json.get_ref<const std::string&>());
  }
  return lit;
}

Status<> check_value_path_parent(const FilterScope& scope, const AttrRef& attr,
                                 std::size_t offset) {
  if (!attr.target) return Ok{};
  if (!attr.target->is_complex() || !attr.sub_name.empty()) {
    return error_at(
        scope, offset,
        "a value filter [...] needs a complex attribute, \"" + attr.canonical + "\" is not one");
  }
  return Ok{};
}

}  // namespace scim::engine
