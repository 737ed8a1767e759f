// Per-type tables from a stored name's code to its attribute (see coded_names.hpp).
#include "scim/server/endpoints/coded_names.hpp"

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/query/query.hpp"
#include "scim/server/store/record_codec.hpp"

namespace scim::server {
namespace {

// Room for every code, 0 (a name stored as text) included.
std::size_t table_size() {
  return std::size_t(store::name_codes()) + 1;
}

std::unique_ptr<CodedNames::Scope> new_scope(bool top) {
  auto scope = std::make_unique<CodedNames::Scope>();
  scope->attribute.assign(table_size(), nullptr);
  scope->inner.assign(table_size(), nullptr);
  scope->facts.assign(table_size(), 0);
  if (top) {
    scope->common.assign(table_size(), nullptr);
    scope->extension.assign(table_size(), nullptr);
  }
  return scope;
}

}  // namespace

std::uint8_t CodedNames::attribute_facts(const Attribute* a, std::string_view name, bool returned) {
  if (!a) return 0;
  return (a->name == name ? kSpelt : 0) | (returned ? kReturned : 0);
}

std::uint8_t CodedNames::top_name_facts(std::string_view name) {
  if (name == "schemas") return kSchemas;
  if (iequals(name, "schemas") || name == "members" || name == "groups") return kTreeOnly;
  return 0;
}

CodedNames::CodedNames(const Registry& registry) {
  for (const ResourceType* type : registry.resource_types()) {
    auto top = new_scope(true);
    top->schema = registry.find_schema(type->schema);
    for (std::size_t code = 1; code < table_size(); ++code) {
      const std::string_view name = store::coded_name(static_cast<std::uint8_t>(code));
      // The lookups DefaultViewWriter::top_member makes, in its order.
      const Attribute* common = find_common_attribute(name);
      const Attribute* core = top->schema ? top->schema->find(name) : nullptr;
      const Schema* extension = istarts_with(name, "urn:") && type->has_extension(name)
                                    ? registry.find_schema(name)
                                    : nullptr;
      top->common[code] = common;
      top->attribute[code] = core;
      top->extension[code] = extension;
      top->facts[code] = top_name_facts(name);
      if (const Attribute* held = common ? common : core) {
        top->inner[code] = held->is_complex() ? scope_of(*held) : nullptr;
        top->facts[code] |= attribute_facts(held, name, engine::returned_by_default(*held));
      } else if (extension) {
        top->inner[code] = scope_of(*extension);
        if (extension->id == name) top->facts[code] |= kSpelt;
      }
    }
    tops_.emplace_back(type, top.get());
    scopes_.push_back(std::move(top));
  }
}

const CodedNames::Scope* CodedNames::top(const ResourceType& type) const {
  for (const auto& [t, scope] : tops_) {
    if (t == &type) return scope;
  }
  return nullptr;
}

// A complex attribute's sub-attributes (the writer copies whatever a sub-attribute holds, so
// these scopes have no inner scopes).
const CodedNames::Scope* CodedNames::scope_of(const Attribute& complex) {
  if (auto it = built_.find(&complex); it != built_.end()) return it->second;
  auto scope = new_scope(false);
  for (std::size_t code = 1; code < table_size(); ++code) {
    const std::string_view name = store::coded_name(static_cast<std::uint8_t>(code));
    const Attribute* sub = complex.find_sub(name);
    scope->attribute[code] = sub;
    scope->facts[code] =
        attribute_facts(sub, name, sub && engine::sub_returned_by_default(complex, *sub));
  }
  const Scope* out = scope.get();
  built_.emplace(&complex, out);
  scopes_.push_back(std::move(scope));
  return out;
}

// An extension's attributes, with the scopes of its complex ones.
const CodedNames::Scope* CodedNames::scope_of(const Schema& extension) {
  if (auto it = built_.find(&extension); it != built_.end()) return it->second;
  auto scope = new_scope(false);
  for (std::size_t code = 1; code < table_size(); ++code) {
    const std::string_view name = store::coded_name(static_cast<std::uint8_t>(code));
    const Attribute* a = extension.find(name);
    scope->attribute[code] = a;
    scope->facts[code] = attribute_facts(a, name, a && engine::returned_by_default(*a));
    scope->inner[code] = a && a->is_complex() ? scope_of(*a) : nullptr;
  }
  const Scope* out = scope.get();
  built_.emplace(&extension, out);
  scopes_.push_back(std::move(scope));
  return out;
}

}  // namespace scim::server
