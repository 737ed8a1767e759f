// Sorting (RFC 7644 §3.4.2.3): sortBy resolves to one simple value per resource (the primary or
// first element of a multi-valued attribute); resources without a value go last ascending and
// first descending; strings honour caseExact; the sort is stable.
#include <algorithm>
#include <optional>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/filter/compare.hpp"
#include "scim/server/engine/filter/datetime.hpp"
#include "scim/server/engine/filter/json.hpp"
#include "scim/server/engine/query/query.hpp"

namespace scim::engine {
namespace {

ScimError bad_sort_by(std::string_view sort_by, std::string_view why) {
  return invalid_path("sortBy \"" + std::string(sort_by) + "\" " + std::string(why));
}

// §3.4.2.3: "If the attribute is complex, the attribute name must be a path to a sub-attribute".
// A multi-valued complex attribute with a "value" sub-attribute sorts by that value, as filters
// do for "emails co ...".
Status<> require_simple(ResolvedAttribute& r, std::string_view sort_by) {
  if (!r.attribute) return bad_sort_by(sort_by, "names a schema, not an attribute");
  if (r.sub_attribute || !r.attribute->is_complex()) return Ok{};
  const Attribute* value = r.attribute->multi_valued ? r.attribute->find_sub("value") : nullptr;
  if (!value) return bad_sort_by(sort_by, "is complex; name a sub-attribute (e.g. name.givenName)");
  r.sub_attribute = value;
  r.path.sub_attribute = value->name;
  return Ok{};
}

// The value a resource sorts by, already typed; nullopt when it has none.
struct SortKey {
  const nlohmann::json* value = nullptr;
  std::optional<Instant> instant;  // dateTime attributes
};

// §3.4.2.3: the primary element if any, else the first one that is not null.
const nlohmann::json* pick_element(const nlohmann::json& v) {
  if (!v.is_array()) return &v;
  for (const auto& e : v) {
    const nlohmann::json* primary = find_member(e, "primary");
    if (primary && primary->is_boolean() && primary->get<bool>()) return &e;
  }
  for (const auto& e : v)
    if (!e.is_null()) return &e;
  return nullptr;
}

bool has_type(const nlohmann::json& v, AttributeType t) {
  switch (t) {
    case AttributeType::Boolean:
      return v.is_boolean();
    case AttributeType::Integer:
    case AttributeType::Decimal:
      return v.is_number();
    case AttributeType::Complex:
      return false;
    default:
      return v.is_string() && !v.get_ref<const std::string&>().empty();
  }
}

const Attribute& target_of(const SortSpec& spec) {
  return spec.attribute.sub_attribute ? *spec.attribute.sub_attribute : *spec.attribute.attribute;
}

// The typed key of an extracted value (null or absent: no key).
SortKey key_of_value(const nlohmann::json* v, const Attribute& target) {
  if (!v || !has_type(*v, target.type)) return {};
  SortKey key{v, std::nullopt};
  if (target.type == AttributeType::DateTime) {
    key.instant = parse_datetime(v->get_ref<const std::string&>());
    if (!key.instant) return {};  // unparseable: no usable value
  }
  return key;
}

// The value `resource` sorts by, before typing: the primary (or first) element, then the
// sub-attribute; nullptr when absent.
const nlohmann::json* value_of(const nlohmann::json& resource, const SortSpec& spec) {
  const ResolvedAttribute& r = spec.attribute;
  const nlohmann::json* holder = &resource;
  if (r.is_extension) holder = find_member(resource, r.schema->id);
  const nlohmann::json* v = holder ? find_member(*holder, r.attribute->name) : nullptr;
  if (v) v = pick_element(*v);
  if (v && r.sub_attribute) v = find_member(*v, r.sub_attribute->name);
  if (v && v->is_array()) v = pick_element(*v);  // defensive: arrays where a value belongs
  return v;
}

SortKey key_of(const nlohmann::json& resource, const SortSpec& spec) {
  return key_of_value(value_of(resource, spec), target_of(spec));
}

// Three-way comparison of two present keys of the target type.
std::weak_ordering compare_keys(const SortKey& a, const SortKey& b, const Attribute& target) {
  switch (target.type) {
    case AttributeType::Boolean:
      return a.value->get<bool>() <=> b.value->get<bool>();
    case AttributeType::Integer:
    case AttributeType::Decimal: {
      const auto c = compare_numbers(*a.value, *b.value);
      if (!c || *c == 0) return std::weak_ordering::equivalent;
      return *c < 0 ? std::weak_ordering::less : std::weak_ordering::greater;
    }
    case AttributeType::DateTime:
      return *a.instant <=> *b.instant;
    default:
      return compare_text(a.value->get_ref<const std::string&>(),
                          b.value->get_ref<const std::string&>(),
                          target.case_exact || target.type == AttributeType::Binary);
  }
}

// Three-way comparison in the listing order: ascending with missing values last; descending is
// the exact mirror (missing first). Negative when `a` comes first.
int in_sort_order(const SortKey& a, const SortKey& b, const Attribute& target, bool descending) {
  int c = 0;
  if (!a.value || !b.value) {
    c = (a.value ? 0 : 1) - (b.value ? 0 : 1);  // present before missing
  } else {
    const auto o = compare_keys(a, b, target);
    c = o < 0 ? -1 : (o > 0 ? 1 : 0);
  }
  return descending ? -c : c;
}

}  // namespace

Result<std::optional<SortSpec>> parse_sort(const std::optional<std::string>& sort_by,
                                           const std::optional<std::string>& sort_order,
                                           const Registry& registry, const ResourceType& type) {
  bool descending = false;
  if (sort_order && !sort_order->empty()) {
    if (iequals(*sort_order, "descending")) {
      descending = true;
    } else if (!iequals(*sort_order, "ascending")) {
      return invalid_value("sortOrder must be \"ascending\" or \"descending\", not \"" +
                           sort_order->substr(0, 64) + "\"");
    }
  }
  // §3.4.2.3: sortOrder only orders a sortBy; without sortBy there is nothing to sort.
  if (!sort_by || sort_by->empty()) return std::optional<SortSpec>{};
  auto resolved = registry.resolve(type, *sort_by);
  if (!resolved) return resolved.error();
  if (auto s = require_simple(*resolved, *sort_by); !s) return s.error();
  return std::optional<SortSpec>{SortSpec{std::move(*resolved), descending}};
}

void sort_resources(std::vector<const nlohmann::json*>& resources, const SortSpec& spec) {
  if (!spec.attribute.attribute || resources.size() < 2) return;
  const Attribute& target = target_of(spec);
  std::vector<std::pair<SortKey, const nlohmann::json*>> keyed;
  keyed.reserve(resources.size());
  for (const auto* r : resources) keyed.emplace_back(r ? key_of(*r, spec) : SortKey{}, r);
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
    return in_sort_order(x.first, y.first, target, spec.descending) < 0;
  });
  for (std::size_t i = 0; i < keyed.size(); ++i) resources[i] = keyed[i].second;
}

nlohmann::json sort_value(const nlohmann::json& resource, const SortSpec& spec) {
  if (!spec.attribute.attribute) return nullptr;
  const SortKey key = key_of(resource, spec);
  return key.value ? *key.value : nlohmann::json();
}

int compare_sort_values(const nlohmann::json& a, const nlohmann::json& b, const SortSpec& spec) {
  if (!spec.attribute.attribute) return 0;
  const Attribute& target = target_of(spec);
  return in_sort_order(key_of_value(&a, target), key_of_value(&b, target), target, spec.descending);
}

}  // namespace scim::engine
