// The attributes behind the coded member names of stored records, per resource type, for the
// default-view writer (resource_text.cpp). A stored record names RFC 7643's attributes by one-byte
// codes (store/record_codec.hpp, name_code), and the writer looks each name up in the schema of
// the object that holds it: the common attributes and the core schema at the top, an extension's
// schema, a complex attribute's sub-attributes (case-insensitive lookups, RFC 7643 §2.1). These
// tables hold, for every code, what those lookups give for the code's name, so a coded name costs
// one indexed load instead of a search. Built once from the registry, which is read-only after
// start-up, by its owner (the Service, beside its discovery documents); read-only afterwards, so
// shared by every request without a lock. Names stored as text (custom schemas) are still looked
// up by name.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scim/protocol/resource_type.hpp"

namespace scim::server {

class CodedNames {
 public:
  // What the writer would otherwise learn by comparing a member's name (Scope::facts), as bits.
  enum Fact : std::uint8_t {
    // The attribute the lookups found (at the top: the common one, else the core schema's, else
    // the extension) is spelt as the name (RFC 7643 §2.1: another spelling is answered under the
    // schema's, by the tree path).
    kSpelt = 1,
    // That attribute is returned by default (RFC 7643 §7): returned_by_default, or for a complex
    // attribute's sub-attribute sub_returned_by_default.
    kReturned = 2,
    // Top only: the name is "schemas".
    kSchemas = 4,
    // Top only: another spelling of "schemas", or "members" or "groups" (present() adds their
    // $ref): members only the tree path writes.
    kTreeOnly = 8,
  };
  // kSchemas and kTreeOnly of a resource's member name, from its text.
  static std::uint8_t top_name_facts(std::string_view name);
  // kSpelt and kReturned of `a`, the attribute the lookups found for `name` (none: null), which
  // is returned by default when `returned`.
  static std::uint8_t attribute_facts(const Attribute* a, std::string_view name, bool returned);

  // What the lookups of one object's member names give for each code (index: the code; 0 and
  // codes past the table are names stored as text).
  struct Scope {
    // Schema::find or Attribute::find_sub of the code's name (an extension's or a complex
    // attribute's object); at the top of a resource, the core schema's find.
    std::vector<const Attribute*> attribute;
    // Top of a resource only: find_common_attribute of the code's name.
    std::vector<const Attribute*> common;
    // Top of a resource only: the schema of the type's extension whose URN is the code's name
    // (ResourceType::has_extension and Registry::find_schema).
    std::vector<const Schema*> extension;
    // Top of a resource only: the type's core schema (Registry::find_schema of
    // ResourceType::schema).
    const Schema* schema = nullptr;
    // The scope of the object a member holds: the sub-attributes of the complex attribute above
    // (common first, as the writer looks), or the extension's schema; null when none.
    std::vector<const Scope*> inner;
    // The Facts of each code's name in this object.
    std::vector<std::uint8_t> facts;

    const Attribute* attribute_of(std::uint8_t code) const { return at(attribute, code); }
    const Attribute* common_of(std::uint8_t code) const { return at(common, code); }
    const Schema* extension_of(std::uint8_t code) const { return at(extension, code); }
    const Scope* inner_of(std::uint8_t code) const { return at(inner, code); }
    std::uint8_t facts_of(std::uint8_t code) const { return code < facts.size() ? facts[code] : 0; }

   private:
    template <class T>
    static T at(const std::vector<T>& v, std::uint8_t code) {
      return code < v.size() ? v[code] : nullptr;
    }
  };

  // Tables for every resource type of `registry`, which must outlive this object.
  explicit CodedNames(const Registry& registry);
  CodedNames(const CodedNames&) = delete;
  CodedNames& operator=(const CodedNames&) = delete;

  // The scope of a resource of `type` (a type of the registry given); null for another type.
  const Scope* top(const ResourceType& type) const;

 private:
  const Scope* scope_of(const Attribute& complex);
  const Scope* scope_of(const Schema& extension);

  std::vector<std::unique_ptr<Scope>> scopes_;  // every scope, owned here; pointers stay put
  std::vector<std::pair<const ResourceType*, const Scope*>> tops_;
  std::unordered_map<const void*, const Scope*> built_;  // by Attribute or Schema: one scope each
};

}  // namespace scim::server
