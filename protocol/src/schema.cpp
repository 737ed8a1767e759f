// Schema model: characteristic spellings (RFC 7643 §7), lookups, JSON rendering, and the common
// attributes of RFC 7643 §3.1.
#include "scim/protocol/schema.hpp"

#include <array>
#include <utility>

#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"

namespace scim {
namespace {

template <class E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<AttributeType, 8> kTypes{{{AttributeType::String, "string"},
                                          {AttributeType::Boolean, "boolean"},
                                          {AttributeType::Decimal, "decimal"},
                                          {AttributeType::Integer, "integer"},
                                          {AttributeType::DateTime, "dateTime"},
                                          {AttributeType::Binary, "binary"},
                                          {AttributeType::Reference, "reference"},
                                          {AttributeType::Complex, "complex"}}};
constexpr Names<Mutability, 4> kMutability{{{Mutability::ReadOnly, "readOnly"},
                                            {Mutability::ReadWrite, "readWrite"},
                                            {Mutability::Immutable, "immutable"},
                                            {Mutability::WriteOnly, "writeOnly"}}};
constexpr Names<Returned, 4> kReturned{{{Returned::Always, "always"},
                                        {Returned::Never, "never"},
                                        {Returned::Default, "default"},
                                        {Returned::Request, "request"}}};
constexpr Names<Uniqueness, 3> kUniqueness{
    {{Uniqueness::None, "none"}, {Uniqueness::Server, "server"}, {Uniqueness::Global, "global"}}};

template <class E, std::size_t N>
std::string_view name_of(const Names<E, N>& names, E value) {
  for (const auto& [e, n] : names)
    if (e == value) return n;
  return {};
}

template <class E, std::size_t N>
std::optional<E> parse_name(const Names<E, N>& names, std::string_view text) {
  for (const auto& [e, n] : names)
    if (n == text) return e;
  return std::nullopt;
}

Attribute make(std::string name, AttributeType type, Mutability m, Returned r, bool case_exact) {
  Attribute a;
  a.name = std::move(name);
  a.type = type;
  a.mutability = m;
  a.returned = r;
  a.case_exact = case_exact;
  return a;
}

std::vector<Attribute> build_common() {
  // RFC 7643 §3.1: id is readOnly, returned always, caseExact, unique; externalId is caseExact and
  // readWrite; meta and its sub-attributes are readOnly.
  Attribute id = make("id", AttributeType::String, Mutability::ReadOnly, Returned::Always, true);
  id.uniqueness = Uniqueness::Server;
  id.description = "A unique identifier for a SCIM resource as defined by the service provider.";
  Attribute external_id =
      make("externalId", AttributeType::String, Mutability::ReadWrite, Returned::Default, true);
  external_id.description =
      "A String that is an identifier for the resource as defined by the "
      "provisioning client.";
  Attribute meta =
      make("meta", AttributeType::Complex, Mutability::ReadOnly, Returned::Default, false);
  meta.description = "A complex attribute containing resource metadata.";
  meta.sub_attributes = {
      make("resourceType", AttributeType::String, Mutability::ReadOnly, Returned::Default, true),
      make("created", AttributeType::DateTime, Mutability::ReadOnly, Returned::Default, false),
      make("lastModified", AttributeType::DateTime, Mutability::ReadOnly, Returned::Default, false),
      make("location", AttributeType::Reference, Mutability::ReadOnly, Returned::Default, true),
      make("version", AttributeType::String, Mutability::ReadOnly, Returned::Default, true)};
  meta.sub_attributes[3].reference_types = {"uri"};
  return {std::move(id), std::move(external_id), std::move(meta)};
}

// RFC 7643 §2.1: names match without case. The length is compared first, inline: most attributes
// of a schema differ from the name in length, and the default-view writer looks up every member of
// a record this way.
const Attribute* find_in(const std::vector<Attribute>& attrs, std::string_view name) {
  for (const auto& a : attrs)
    if (a.name.size() == name.size() && iequals(a.name, name)) return &a;
  return nullptr;
}

}  // namespace

std::string_view to_string(AttributeType t) {
  return name_of(kTypes, t);
}
std::string_view to_string(Mutability m) {
  return name_of(kMutability, m);
}
std::string_view to_string(Returned r) {
  return name_of(kReturned, r);
}
std::string_view to_string(Uniqueness u) {
  return name_of(kUniqueness, u);
}
std::optional<AttributeType> parse_attribute_type(std::string_view s) {
  return parse_name(kTypes, s);
}
std::optional<Mutability> parse_mutability(std::string_view s) {
  return parse_name(kMutability, s);
}
std::optional<Returned> parse_returned(std::string_view s) {
  return parse_name(kReturned, s);
}
std::optional<Uniqueness> parse_uniqueness(std::string_view s) {
  return parse_name(kUniqueness, s);
}

const Attribute* Attribute::find_sub(std::string_view sub_name) const {
  return find_in(sub_attributes, sub_name);
}

nlohmann::json Attribute::to_json() const {
  nlohmann::json j{{"name", name},
                   {"type", std::string(scim::to_string(type))},
                   {"multiValued", multi_valued},
                   {"description", description},
                   {"required", required},
                   {"caseExact", case_exact},
                   {"mutability", std::string(scim::to_string(mutability))},
                   {"returned", std::string(scim::to_string(returned))},
                   {"uniqueness", std::string(scim::to_string(uniqueness))}};
  if (!canonical_values.empty()) j["canonicalValues"] = canonical_values;
  if (!reference_types.empty()) j["referenceTypes"] = reference_types;
  if (is_complex()) {
    j["subAttributes"] = nlohmann::json::array();
    for (const auto& sub : sub_attributes) j["subAttributes"].push_back(sub.to_json());
  }
  return j;
}

const Attribute* Schema::find(std::string_view attr_name) const {
  return find_in(attributes, attr_name);
}

nlohmann::json Schema::to_json() const {
  nlohmann::json attrs = nlohmann::json::array();
  for (const auto& a : attributes) attrs.push_back(a.to_json());
  return {{"schemas", {std::string(urn::kSchema)}},
          {"id", id},
          {"name", name},
          {"description", description},
          {"attributes", std::move(attrs)},
          {"meta", {{"resourceType", "Schema"}, {"location", "/Schemas/" + id}}}};
}

const std::vector<Attribute>& common_attributes() {
  static const std::vector<Attribute> common = build_common();  // immutable after first use
  return common;
}

const Attribute* find_common_attribute(std::string_view name) {
  return find_in(common_attributes(), name);
}

}  // namespace scim
