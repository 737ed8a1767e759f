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

std::string short_key(const std::string& key) {
  static const auto codes = [] {
    std::unordered_map<std::string_view, char> m;
    for (std::size_t i = 0; i < std::size(kKeyNames); ++i) m.emplace(kKeyNames[i], char(i + 1));
    return m;
  }();
  if (auto it = codes.find(key); it != codes.end()) return {kCoded, it->second};
  if (!key.empty() && key.front() == kCoded) return std::string{kCoded, kVerbatim} + key;
  return key;
}

nlohmann::json shortened(const nlohmann::json& value);

// The top-level "schemas" (RFC 7643 §3): its URNs, two of which are most of a hundred bytes on
// every user, are coded like keys. The scan pre-check (scan_pre_check.cpp) knows that a needle
// on "schemas" cannot be looked for in the bytes.
nlohmann::json shortened_schemas(const nlohmann::json& schemas) {
  if (!schemas.is_array()) return shortened(schemas);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& urn : schemas) {
    out.push_back(urn.is_string() ? nlohmann::json(short_key(urn.get_ref<const std::string&>()))
                                  : shortened(urn));
  }
  return out;
}

nlohmann::json shortened(const nlohmann::json& value) {
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, item] : value.items()) out.emplace(short_key(key), shortened(item));
    return out;
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) out.push_back(shortened(item));
    return out;
  }
  return value;
}

// The full text of a key (or schemas URN) that short_key wrote.
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

// nlohmann's DOM builder, with each object key turned back into its full name as it is read.
class ExpandingParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
 public:
  using json_sax_dom_parser::json_sax_dom_parser;
  bool key(std::string& key) {
    expand(key);
    return json_sax_dom_parser::key(key);
  }
};

}  // namespace

std::vector<std::uint8_t> encode_record(const nlohmann::json& resource) {
  nlohmann::json top = shortened(resource);
  if (resource.is_object() && resource.contains("schemas")) {
    top[short_key("schemas")] = shortened_schemas(resource["schemas"]);
  }
  auto bytes = nlohmann::json::to_cbor(top);
  bytes.shrink_to_fit();
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

}  // namespace scim::store
