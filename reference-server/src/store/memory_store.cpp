// In-memory tenant store: writes, membership consistency and queries (see memory_store.hpp).
#include "scim/server/store/memory_store.hpp"

#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "scim/protocol/strings.hpp"
#include "scim/server/store/record_codec.hpp"
#include "scim/server/store/search_column.hpp"
#include "scim/server/store/timestamp.hpp"

namespace scim::store {
namespace {

ScimError error(int status, ScimType type, std::string detail) {
  return ScimError{status, type, std::move(detail)};
}

ScimError missing(std::string_view type, std::string_view id) {
  return error(404, ScimType::None, std::string(type) + " \"" + std::string(id) + "\" not found");
}

std::uint64_t version_of(const Record& r) {
  return r.version();
}

// The members[].value strings of a group resource, with each member's stored "type" (views into
// `r`, which must outlive them). Empty for null or a resource without members.
std::unordered_map<std::string_view, std::string_view> member_types(const nlohmann::json* r) {
  std::unordered_map<std::string_view, std::string_view> out;
  if (!r || !r->contains("members") || !(*r)["members"].is_array()) return out;
  out.reserve((*r)["members"].size());
  for (const auto& m : (*r)["members"]) {
    if (!m.is_object()) continue;
    auto v = m.find("value");
    if (v == m.end() || !v->is_string()) continue;
    auto t = m.find("type");
    out.emplace(v->get_ref<const std::string&>(),
                t != m.end() && t->is_string() ? std::string_view(t->get_ref<const std::string&>())
                                               : std::string_view());
  }
  return out;
}

// RFC 7643 §4.2: the referenced resource's type, or the error naming members[i]. A member the
// stored group already lists (`known`) was checked when it was written, and a deleted resource
// leaves every group (drop_memberships), so only its type is compared: adding one member to a
// 10,000-member group looks one member up, not 10,000.
template <class Lookup>
Result<std::string> member_type(std::size_t i, const nlohmann::json& m,
                                const std::unordered_map<std::string_view, std::string_view>& known,
                                const Lookup& type_of) {
  const std::string& value = m["value"].get_ref<const std::string&>();
  auto was = known.find(value);
  std::optional<std::string> actual;
  if (was != known.end() && !was->second.empty()) {
    actual = std::string(was->second);
  } else {
    actual = type_of(value);
  }
  const std::string where = "members[" + std::to_string(i) + "]";
  if (!actual) {
    return error(400, ScimType::InvalidValue,
                 where + ".value \"" + value + "\" does not name an existing resource");
  }
  auto type = m.find("type");
  if (type != m.end() &&
      (!type->is_string() || !iequals(type->get_ref<const std::string&>(), *actual))) {
    return error(400, ScimType::InvalidValue,
                 where + ".type does not match resource \"" + value + "\" (a " + *actual + ")");
  }
  return *actual;
}

// RFC 7643 §4.2: every member must name an existing resource of the tenant; the member "type"
// is normalised to the referenced resource's type. Duplicates collapse to one entry. `old` is the
// stored version of the group (null on create); `type_of` finds the type of a resource id.
template <class Lookup>
Status<> check_group_members(nlohmann::json& resource, const nlohmann::json* old,
                             std::size_t max_members, const Lookup& type_of) {
  if (!resource.contains("members")) return Ok{};
  auto& members = resource["members"];
  if (!members.is_array()) return error(400, ScimType::InvalidValue, "members must be an array");
  if (members.size() > max_members) {
    return error(400, ScimType::InvalidValue,
                 "a group holds at most " + std::to_string(max_members) + " members");
  }
  const std::string self = resource.value("id", "");
  const auto known = member_types(old);
  // Views into the kept members' strings: moving a JSON object moves its storage, not its strings.
  std::unordered_set<std::string_view> seen;
  seen.reserve(members.size());
  nlohmann::json kept = nlohmann::json::array();
  for (std::size_t i = 0; i < members.size(); ++i) {
    auto& m = members[i];
    if (!m.is_object() || !m.contains("value") || !m["value"].is_string()) {
      return error(400, ScimType::InvalidValue,
                   "members[" + std::to_string(i) + "].value is required");
    }
    const std::string& value = m["value"].get_ref<const std::string&>();
    if (value == self) return error(400, ScimType::InvalidValue, "a group cannot contain itself");
    auto type = member_type(i, m, known, type_of);
    if (!type) return type.error();
    if (!m.contains("type") || m["type"] != *type) m["type"] = std::move(*type);
    if (seen.insert(value).second) kept.push_back(std::move(m));
  }
  members = std::move(kept);
  return Ok{};
}

}  // namespace

std::string format_etag(std::uint64_t version) {
  return "W/\"" + std::to_string(version) + "\"";
}

std::string StoredResource::etag() const {
  return format_etag(version);
}

InMemoryStore::InMemoryStore(std::vector<TypeSpec> types, StoreOptions options)
    : specs_(std::move(types)), options_(std::move(options)) {
  if (!options_.clock) options_.clock = [] { return std::chrono::system_clock::now(); };
  for (const auto& t : specs_) tables_.push_back(std::make_unique<TypeTable>(t));
}

InMemoryStore::~InMemoryStore() = default;

TypeTable* InMemoryStore::table(std::string_view type) const {
  for (const auto& t : tables_) {
    if (iequals(t->spec().name, type)) return t.get();
  }
  return nullptr;
}

std::optional<std::string> InMemoryStore::type_of_locked(std::string_view id) const {
  for (const auto& t : tables_) {
    if (t->find(id)) return t->spec().name;
  }
  return std::nullopt;
}

std::optional<std::string> InMemoryStore::type_of(std::string_view id) const {
  std::shared_lock lock(mu_);
  return type_of_locked(id);
}

std::size_t InMemoryStore::size(std::string_view type) const {
  std::shared_lock lock(mu_);
  const auto* t = table(type);
  return t ? t->size() : 0;
}

std::size_t InMemoryStore::membership_edges() const {
  std::shared_lock lock(mu_);
  return members_.edge_count();
}

// Adds the computed "groups" (RFC 7643 §4.1.2) from the reverse index.
void InMemoryStore::attach_groups(const TypeTable& t, nlohmann::json& resource) const {
  if (!t.spec().exposes_groups) return;
  auto groups = groups_json(computed_groups(resource.value("id", "")));
  if (!groups.is_null()) resource["groups"] = std::move(groups);
}

std::vector<GroupRef> InMemoryStore::computed_groups(std::string_view id) const {
  auto memberships = members_.groups_of(id, options_.max_groups_per_member);
  std::vector<GroupRef> groups;
  groups.reserve(memberships.size());
  for (auto& m : memberships) {
    GroupRef& g = groups.emplace_back(GroupRef{std::move(m.group_id), {}, m.direct});
    for (const auto& each : tables_) {  // the group's record, in whichever type holds it
      if (const Record* r = each->find(g.id)) {
        g.display = r->display();
        break;
      }
    }
  }
  return groups;
}

nlohmann::json InMemoryStore::decode(const TypeTable& t, const Record& record) const {
  nlohmann::json resource = decode_record(record.bytes());
  if (const MemberList* members = t.members_of(record.id())) {
    resource["members"] = members->to_json();
  }
  return resource;
}

nlohmann::json InMemoryStore::materialize(const TypeTable& t, const Record& record) const {
  nlohmann::json resource = decode(t, record);
  attach_groups(t, resource);
  return resource;
}

Result<StoredResource> InMemoryStore::get(std::string_view type, std::string_view id) const {
  std::shared_lock lock(mu_);
  const auto* t = table(type);
  const Record* r = t ? t->find(id) : nullptr;
  if (!r) return missing(type, id);
  return StoredResource{materialize(*t, *r), version_of(*r)};
}

std::optional<StoredRecord> InMemoryStore::get_record(std::string_view type,
                                                      std::string_view id) const {
  std::shared_lock lock(mu_);
  const auto* t = table(type);
  const Record* r = t ? t->find(id) : nullptr;
  if (!r) return std::nullopt;
  return stored_form(*t, *r);
}

std::optional<StoredRecord> InMemoryStore::stored_form(const TypeTable& t, const Record& r) const {
  // A group's members are kept beside its bytes (MemberList): those answers come from the tree.
  if (t.members_of(r.id())) return std::nullopt;
  const auto bytes = r.bytes();
  StoredRecord out{std::string(r.id()), {bytes.begin(), bytes.end()}, version_of(r), {}};
  if (t.spec().exposes_groups) out.groups = computed_groups(r.id());
  return out;
}

// RFC 7643 §4.2: every member must name an existing resource of the tenant.
Status<> InMemoryStore::check_members(const TypeSpec& spec, nlohmann::json& resource) const {
  if (!spec.holds_members) return Ok{};
  return check_group_members(resource, nullptr, options_.max_members_per_group,
                             [this](std::string_view id) { return type_of_locked(id); });
}

void InMemoryStore::stamp(const TypeSpec& spec, nlohmann::json& resource,
                          const nlohmann::json* old) {
  const std::string now = format_timestamp(options_.clock());
  std::string created = now;
  if (old && old->contains("meta") && (*old)["meta"].contains("created")) {
    created = (*old)["meta"]["created"].get<std::string>();
  }
  if (spec.exposes_groups) resource.erase("groups");  // computed on read, never stored
  // Built member by member: an initializer list would copy every value once more.
  nlohmann::json meta(nlohmann::json::value_t::object);
  auto& members = meta.get_ref<nlohmann::json::object_t&>();
  members.emplace("resourceType", spec.name);
  members.emplace("created", std::move(created));
  members.emplace("lastModified", now);
  members.emplace("version", format_etag(++last_version_));
  resource["meta"] = std::move(meta);
}

StoredResource InMemoryStore::commit(TypeTable& t, nlohmann::json resource,
                                     const nlohmann::json* old) {
  stamp(t.spec(), resource, old);
  return put_record(t, std::move(resource), last_version_, old);
}

// A group's members are kept beside its record (member_list.hpp), so that a PATCH of one member
// does not rewrite the group (edit_members); the record holds the rest.
StoredResource InMemoryStore::put_record(TypeTable& t, nlohmann::json resource,
                                         std::uint64_t version, const nlohmann::json* old) {
  std::optional<MemberList> members;
  if (t.spec().holds_members) {
    if (auto it = resource.find("members"); it != resource.end()) {
      members.emplace(*it);
      nlohmann::json list = std::move(*it);
      resource.erase("members");
      put_rest(t, resource, version, old);
      t.set_members(resource.at("id").get_ref<const std::string&>(), std::move(members));
      resource["members"] = std::move(list);
      return StoredResource{std::move(resource), version};
    }
    t.set_members(resource.at("id").get_ref<const std::string&>(), std::nullopt);
  }
  put_rest(t, resource, version, old);
  return StoredResource{std::move(resource), version};
}

void InMemoryStore::put_rest(TypeTable& t, nlohmann::json& rest, std::uint64_t version,
                             const nlohmann::json* old) {
  std::string_view display;
  if (!t.spec().display_attribute.empty()) {
    auto it = rest.find(t.spec().display_attribute);
    if (it != rest.end() && it->is_string()) display = it->get_ref<const std::string&>();
  }
  // The column and the bytes are written into the store's reused buffers: the record copies
  // them into its one block, so a write allocates that block and nothing else for them.
  make_search_column_into(t.spec(), rest, scratch_column_);
  encode_record_into(rest, scratch_bytes_);
  Record record(version, rest.at("id").get_ref<const std::string&>(), display, scratch_column_,
                scratch_bytes_);
  if (scratch_bytes_.capacity() > kScratchKept) std::vector<std::uint8_t>().swap(scratch_bytes_);
  if (scratch_column_.capacity() > kScratchKept) std::string().swap(scratch_column_);
  t.put(rest, std::move(record), old);
}

// Moves the reverse-index edges of a group from its `old` members to its `now` members. Only the
// edges that change are touched, so a PATCH adding one member to a big group costs one edge.
void InMemoryStore::relink(const TypeSpec& spec, const nlohmann::json* old,
                           const nlohmann::json* now) {
  if (!spec.holds_members) return;
  const std::string id = (now ? *now : *old).at("id").get<std::string>();
  const auto before = member_types(old);
  const auto after = member_types(now);
  for (const auto& member : before) {
    if (!after.count(member.first)) members_.remove(id, member.first);
  }
  for (const auto& member : after) {
    if (!before.count(member.first)) members_.add(id, member.first);
  }
}

Result<WriteOutcome> InMemoryStore::create(std::string_view type, nlohmann::json resource) {
  return insert(type, std::move(resource), false);
}

Result<WriteOutcome> InMemoryStore::insert(std::string_view type, nlohmann::json resource,
                                           bool keep) {
  std::unique_lock lock(mu_);
  auto* t = table(type);
  if (!t) return missing("resource type", type);
  if (!resource.contains("id") || !resource["id"].is_string()) {
    return error(500, ScimType::None, "store: resource to create has no id");
  }
  std::size_t total = 0;
  for (const auto& each : tables_) total += each->size();
  if (total >= options_.max_resources) {
    return error(507, ScimType::None, "the tenant holds its maximum number of resources");
  }
  const std::string id = resource["id"].get<std::string>();
  if (type_of_locked(id)) return error(409, ScimType::Uniqueness, "id \"" + id + "\" is taken");
  if (auto clash = t->unique_conflict(resource, id))
    return error(409, ScimType::Uniqueness, *clash);
  if (auto st = check_members(t->spec(), resource); !st) return st.error();
  WriteOutcome out;
  if (keep) {
    const std::uint64_t version = keep_meta(t->spec(), resource);
    out.resource = put_record(*t, std::move(resource), version, nullptr);
  } else {
    out.resource = commit(*t, std::move(resource), nullptr);
  }
  relink(t->spec(), nullptr, &out.resource.resource);
  attach_groups(*t, out.resource.resource);
  return out;
}

Result<nlohmann::json> InMemoryStore::current(const TypeTable& t, std::string_view id,
                                              std::optional<std::uint64_t> expected) const {
  const Record* r = t.find(id);
  if (!r) return missing(t.spec().name, id);
  if (expected && *expected != r->version()) {
    // RFC 7644 §3.14: the resource changed since the client's version.
    return error(412, ScimType::None,
                 "version mismatch: the resource is at " + format_etag(r->version()));
  }
  return decode(t, *r);
}

Result<WriteOutcome> InMemoryStore::replace(std::string_view type, std::string_view id,
                                            nlohmann::json resource,
                                            std::optional<std::uint64_t> expected_version) {
  std::unique_lock lock(mu_);
  auto* t = table(type);
  if (!t) return missing("resource type", type);
  auto old = current(*t, id, expected_version);
  if (!old) return old.error();
  resource["id"] = std::string(id);
  if (auto clash = t->unique_conflict(resource, id))
    return error(409, ScimType::Uniqueness, *clash);
  if (t->spec().holds_members) {
    auto st =
        check_group_members(resource, &*old, options_.max_members_per_group,
                            [this](std::string_view member) { return type_of_locked(member); });
    if (!st) return st.error();
  }
  WriteOutcome out{commit(*t, std::move(resource), &*old), {}};
  relink(t->spec(), &*old, &out.resource.resource);
  attach_groups(*t, out.resource.resource);
  return out;
}

// Removes `id` from every group listing it (RFC 7644 §3.6: a deleted resource's memberships go
// with it). Each changed group gets a new version and lastModified.
std::vector<StoredResource> InMemoryStore::drop_memberships(std::string_view id) {
  std::vector<StoredResource> changed;
  for (const auto& group_id : members_.parents(id)) {
    members_.remove(group_id, id);
    auto owner = type_of_locked(group_id);
    if (!owner) continue;
    auto* t = table(*owner);
    nlohmann::json group = decode(*t, *t->find(group_id));
    const nlohmann::json old = group;
    auto& list = group["members"];
    for (auto it = list.begin(); it != list.end();) {
      it = (it->is_object() && it->value("value", "") == id) ? list.erase(it) : it + 1;
    }
    if (list.empty()) group.erase("members");
    changed.push_back(commit(*t, std::move(group), &old));
  }
  return changed;
}

Result<WriteOutcome> InMemoryStore::remove(std::string_view type, std::string_view id,
                                           std::optional<std::uint64_t> expected_version) {
  std::unique_lock lock(mu_);
  auto* t = table(type);
  if (!t) return missing("resource type", type);
  auto old = current(*t, id, expected_version);
  if (!old) return old.error();
  const std::uint64_t version = t->find(id)->version();
  relink(t->spec(), &*old, nullptr);
  t->erase(*old);
  WriteOutcome out{StoredResource{std::move(*old), version}, drop_memberships(id)};
  return out;
}

}  // namespace scim::store
