// CBOR encoding of stored resources with short attribute names (see record_codec.hpp for why).
#include "scim/server/store/record_codec.hpp"

#include <iterator>
#include <string_view>
#include <unordered_map>

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

// nlohmann's DOM builder, with each object key turned back into its full name as it is read.
class ExpandingParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
 public:
  using json_sax_dom_parser::json_sax_dom_parser;
  bool key(std::string& key) {
    expand(key);
    return json_sax_dom_parser::key(key);
  }
};

// Forwards the events of a stored record to another handler with the keys, and the URNs of the
// top-level "schemas", expanded as decode_record expands them.
class ExpandingForwarder {
 public:
  using json = nlohmann::json;
  explicit ExpandingForwarder(nlohmann::json_sax<json>& to) : to_(to) {}

  bool null() { return to_.null(); }
  bool boolean(bool v) { return to_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return to_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return to_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const std::string& s) { return to_.number_float(v, s); }
  bool string(std::string& v) {
    if (depth_ == 2 && in_schemas_) expand(v);
    return to_.string(v);
  }
  bool binary(json::binary_t& v) { return to_.binary(v); }
  bool start_object(std::size_t n) {
    ++depth_;
    return to_.start_object(n);
  }
  bool key(std::string& k) {
    expand(k);
    schemas_next_ = depth_ == 1 && k == "schemas";
    return to_.key(k);
  }
  bool end_object() {
    --depth_;
    return to_.end_object();
  }
  bool start_array(std::size_t n) {
    ++depth_;
    in_schemas_ = depth_ == 2 && schemas_next_;
    return to_.start_array(n);
  }
  bool end_array() {
    if (depth_ == 2) in_schemas_ = false;
    --depth_;
    return to_.end_array();
  }
  bool parse_error(std::size_t at, const std::string& token, const nlohmann::detail::exception& e) {
    return to_.parse_error(at, token, e);
  }

 private:
  nlohmann::json_sax<json>& to_;
  int depth_ = 0;
  bool schemas_next_ = false;  // the last key at depth 1 was "schemas"
  bool in_schemas_ = false;    // inside the top-level "schemas" array
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
  ExpandingParser parser(out);
  nlohmann::json::sax_parse(bytes.data(), bytes.data() + bytes.size(), &parser,
                            nlohmann::json::input_format_t::cbor);
  if (out.is_object()) {
    auto schemas = out.find("schemas");
    if (schemas != out.end() && schemas->is_array()) {
      for (auto& urn : *schemas) {
        if (urn.is_string()) expand(urn.get_ref<std::string&>());
      }
    }
  }
  return out;
}

bool visit_record(std::span<const std::uint8_t> bytes, nlohmann::json_sax<nlohmann::json>& sax) {
  ExpandingForwarder forwarder(sax);
  return nlohmann::json::sax_parse(bytes.data(), bytes.data() + bytes.size(), &forwarder,
                                   nlohmann::json::input_format_t::cbor);
}

}  // namespace scim::store
