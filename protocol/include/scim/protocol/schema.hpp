// The schema model of RFC 7643 §2.2 and §7: attributes with every characteristic, schemas, and
// case-insensitive lookup. Serialises to and from the §7 JSON representation.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scim {

// RFC 7643 §2.3 data types.
enum class AttributeType {
  String,
  Boolean,
  Decimal,
  Integer,
  DateTime,
  Binary,
  Reference,
  Complex
};
// RFC 7643 §7 "mutability".
enum class Mutability { ReadOnly, ReadWrite, Immutable, WriteOnly };
// RFC 7643 §7 "returned".
enum class Returned { Always, Never, Default, Request };
// RFC 7643 §7 "uniqueness".
enum class Uniqueness { None, Server, Global };

std::string_view to_string(AttributeType t);
std::string_view to_string(Mutability m);
std::string_view to_string(Returned r);
std::string_view to_string(Uniqueness u);
// Parsers accept the RFC spelling exactly (case-sensitive, as §7 lists canonical values).
std::optional<AttributeType> parse_attribute_type(std::string_view s);
std::optional<Mutability> parse_mutability(std::string_view s);
std::optional<Returned> parse_returned(std::string_view s);
std::optional<Uniqueness> parse_uniqueness(std::string_view s);

// One attribute definition. Defaults are those of RFC 7643 §2.2 for unspecified characteristics.
struct Attribute {
  std::string name;
  AttributeType type = AttributeType::String;
  bool multi_valued = false;
  std::string description;
  bool required = false;
  bool case_exact = false;
  Mutability mutability = Mutability::ReadWrite;
  Returned returned = Returned::Default;
  Uniqueness uniqueness = Uniqueness::None;
  std::vector<std::string> canonical_values;
  std::vector<std::string> reference_types;
  std::vector<Attribute> sub_attributes;  // only for AttributeType::Complex

  // Case-insensitive lookup of a sub-attribute (RFC 7643 §2.1); nullptr when absent.
  const Attribute* find_sub(std::string_view sub_name) const;
  bool is_complex() const { return type == AttributeType::Complex; }

  nlohmann::json to_json() const;
};

// A schema (RFC 7643 §7): URN id, name, description, attributes.
struct Schema {
  std::string id;
  std::string name;
  std::string description;
  std::vector<Attribute> attributes;

  // Case-insensitive lookup of a top-level attribute; nullptr when absent.
  const Attribute* find(std::string_view attr_name) const;

  // The §8.7.1 representation, including "schemas" and "meta" (location relative: /Schemas/<id>).
  nlohmann::json to_json() const;
};

// The common attributes of RFC 7643 §3.1 (id, externalId, meta with its sub-attributes) modelled as
// a schema-less attribute set. They belong to every resource but to no schema.
const std::vector<Attribute>& common_attributes();
const Attribute* find_common_attribute(std::string_view name);

}  // namespace scim
