// CBOR encoding of stored resources with short attribute names (see record_codec.hpp for why).
#include "scim/server/store/record_codec.hpp"

#include <iterator>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "scim/server/store/record_reader.hpp"

namespace scim::store {
namespace {

// The attribute names of RFC 7643's User, Group and Enterprise User schemas and the common
// attributes (§3.1, §4.1, §4.2, §4.3); a stored key that is one of them is written as
// "\x01" + (index + 1), three CBOR bytes instead of one plus its length. The list only grows at
// its end: records are never kept across processes, but tests pin codes through decoding.
constexpr std::string_view kKeyNames[] = {
    "schemas",
    "id",
    "externalId",
    "meta",
    "resourceType",
    "created",
    "lastModified",
    "location",
    "version",
    "userName",
    "name",
    "formatted",
    "familyName",
    "givenName",
    "middleName",
    "honorificPrefix",
    "honorificSuffix",
    "displayName",
    "nickName",
    "profileUrl",
    "title",
    "userType",
    "preferredLanguage",
    "locale",
    "timezone",
    "active",
    "password",
    "emails",
    "value",
    "display",
    "type",
    "primary",
    "phoneNumbers",
    "ims",
    "photos",
    "addresses",
    "streetAddress",
    "locality",
    "region",
    "postalCode",
    "country",
    "groups",
    "entitlements",
    "roles",
    "x509Certificates",
    "$ref",
    "members",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    "employeeNumber",
    "costCenter",
    "organization",
    "division",
    "department",
    "manager",
    "urn:ietf:params:scim:schemas:core:2.0:User",
    "urn:ietf:params:scim:schemas:core:2.0:Group",
    "description",
    "owner",
    "subject",
    "expires"};
static_assert(std::size(kKeyNames) < 255, "a code is one byte, 0 is reserved");
constexpr char kCoded = '\x01';   // first byte of a coded key
constexpr char kVerbatim = '\0';  // after kCoded: the rest is a key that itself began with kCoded

const std::unordered_map<std::string_view, char>& key_codes() {
  static const auto codes = [] {
    std::unordered_map<std::string_view, char> m;
    for (std::size_t i = 0; i < std::size(kKeyNames); ++i) m.emplace(kKeyNames[i], char(i + 1));
    return m;
  }();
  return codes;
}

// Writes the stored name of a key (or top-level schemas URN) over it: a known name becomes its
// code, a name that itself begins with kCoded is escaped, any other stays as it is. A string
// keeps its capacity, so expand() writes the full name back without allocating.
void shorten(std::string& key) {
  if (auto it = key_codes().find(key); it != key_codes().end()) {
    key.assign({kCoded, it->second});
  } else if (!key.empty() && key.front() == kCoded) {
    key.insert(0, {kCoded, kVerbatim});
  }
}

// The full text of a key (or schemas URN) that shorten wrote.
void expand(std::string& key) {
  if (key.size() >= 2 && key.front() == kCoded) {
    const auto code = static_cast<unsigned char>(key[1]);
    if (code == kVerbatim) {
      key.erase(0, 2);
    } else if (code <= std::size(kKeyNames)) {
      key.assign(kKeyNames[code - 1]);
    }
  }
}

// Renames every member of every object in `value` with `rename`, in place: each object's nodes
// are taken out, renamed and put back (std::map node handles), so no value is copied. All of an
// object's nodes are out before any goes back, so a new name never meets an old one.
template <class Rename>
void rename_keys(nlohmann::json& value, Rename rename) {
  if (value.is_object()) {
    auto& members = value.get_ref<nlohmann::json::object_t&>();
    std::vector<nlohmann::json::object_t::node_type> nodes;
    nodes.reserve(members.size());
    while (!members.empty()) nodes.push_back(members.extract(members.begin()));
    for (auto& node : nodes) {
      rename(node.key());
      rename_keys(node.mapped(), rename);
      members.insert(std::move(node));
    }
  } else if (value.is_array()) {
    for (auto& item : value) rename_keys(item, rename);
  }
}

// The top-level "schemas" (RFC 7643 §3): its URNs, two of which are most of a hundred bytes on
// every user, are coded like keys. The scan pre-check (scan_pre_check.cpp) knows that a needle
// on "schemas" cannot be looked for in the bytes.
void rename_schemas(nlohmann::json& resource, void (*rename)(std::string&)) {
  if (!resource.is_object()) return;
  auto schemas = resource.find("schemas");
  if (schemas == resource.end() || !schemas->is_array()) return;
  for (auto& urn : *schemas) {
    if (urn.is_string()) rename(urn.get_ref<std::string&>());
  }
}

// Hands a record's events (record_reader.hpp) to a nlohmann SAX handler, which takes strings as
// std::string&: each view is assigned to one reused string (a copy, not nlohmann's byte loop).
template <class Sax>
class SaxForwarder final : public RecordVisitor {
 public:
  explicit SaxForwarder(Sax& to) : to_(to) {}

  bool null() override { return to_.null(); }
  bool boolean(bool v) override { return to_.boolean(v); }
  bool number_integer(std::int64_t v) override { return to_.number_integer(v); }
  bool number_unsigned(std::uint64_t v) override { return to_.number_unsigned(v); }
  bool number_float(double v) override { return to_.number_float(v, no_text_); }
  bool string(std::string_view v) override {
    text_.assign(v);
    return to_.string(text_);
  }
  bool key(std::string_view name) override {
    text_.assign(name);
    return to_.key(text_);
  }
  bool start_object(std::size_t n) override { return to_.start_object(n); }
  bool end_object() override { return to_.end_object(); }
  bool start_array(std::size_t n) override { return to_.start_array(n); }
  bool end_array() override { return to_.end_array(); }

 private:
  Sax& to_;
  std::string text_;
  const std::string no_text_;  // a float's source text: CBOR has none (nlohmann passes "")
};

}  // namespace

std::vector<std::uint8_t> encode_record(const nlohmann::json& resource) {
  nlohmann::json copy = resource;
  return encode_record_in_place(copy);
}

std::vector<std::uint8_t> encode_record_in_place(nlohmann::json& resource) {
  rename_schemas(resource, shorten);
  rename_keys(resource, shorten);
  auto bytes = nlohmann::json::to_cbor(resource);
  bytes.shrink_to_fit();
  rename_keys(resource, expand);
  rename_schemas(resource, expand);
  return bytes;
}

nlohmann::json decode_record(std::span<const std::uint8_t> bytes) {
  nlohmann::json out;
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> dom(out);
  SaxForwarder forwarder(dom);
  if (!walk_record(bytes, forwarder)) {
    throw std::runtime_error("a stored record is not what encode_record writes");
  }
  return out;
}

bool visit_record(std::span<const std::uint8_t> bytes, nlohmann::json_sax<nlohmann::json>& sax) {
  SaxForwarder forwarder(sax);
  return walk_record(bytes, forwarder);
}

std::string_view expanded_name(std::string_view stored) {
  if (stored.size() >= 2 && stored.front() == kCoded) {
    const auto code = static_cast<unsigned char>(stored[1]);
    if (code == kVerbatim) return stored.substr(2);
    if (code <= std::size(kKeyNames)) return kKeyNames[code - 1];
  }
  return stored;
}

}  // namespace scim::store
