// Store specs derived from the registry's schemas (RFC 7643 §7 "uniqueness", §3.1, §4.1, §4.2).
#include "scim/server/endpoints/service.hpp"

namespace scim::server {
namespace {

bool is_reference_list(const Attribute* a) {
  return a && a->is_complex() && a->multi_valued && a->find_sub("value");
}

// RFC 7643 §2.3 uniqueness "server"/"global" on simple single-valued attributes; `prefix` is an
// extension's "<URN>:" (e.g. RFC 9944's BLE deviceMacAddress).
void add_unique(const Schema& schema, const std::string& prefix, store::TypeSpec& spec) {
  for (const auto& a : schema.attributes) {
    if (a.uniqueness != Uniqueness::None && !a.is_complex() && !a.multi_valued) {
      spec.unique.push_back({prefix + a.name, a.case_exact});
    }
  }
}

// The attributes identity providers search by substring (Entra ID and Okta look users up by
// userName, displayName, name and emails): each record keeps their text in a compact search
// column, so `co`/`sw`/`ew` scans on them read a few dozen bytes per resource (issue 19).
void add_searched(const Schema& core, store::TypeSpec& spec) {
  for (const char* name : {"userName", "displayName", "name", "emails"}) {
    if (core.find(name)) spec.searched.emplace_back(name);
  }
}

}  // namespace

std::vector<store::TypeSpec> store_specs(const Registry& registry) {
  std::vector<store::TypeSpec> specs;
  for (const ResourceType* type : registry.resource_types()) {
    store::TypeSpec spec;
    spec.name = type->id;
    // RFC 7643 §3.1: externalId is caseExact.
    spec.indexed.push_back({"externalId", true});
    if (const Schema* core = registry.find_schema(type->schema)) {
      add_unique(*core, "", spec);
      add_searched(*core, spec);
      const Attribute* members = core->find("members");
      const Attribute* groups = core->find("groups");
      spec.holds_members = is_reference_list(members);
      spec.exposes_groups = is_reference_list(groups) && groups->mutability == Mutability::ReadOnly;
      if (spec.holds_members && core->find("displayName")) {
        spec.display_attribute = "displayName";
        spec.indexed.push_back({"displayName", core->find("displayName")->case_exact});
      }
    }
    for (const auto& ext : type->extensions) {
      if (const Schema* schema = registry.find_schema(ext.schema)) {
        add_unique(*schema, schema->id + ":", spec);
      }
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

}  // namespace scim::server
