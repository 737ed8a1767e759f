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

bool visit_record(std::span<const std::uint8_t> bytes, nlohmann::json_sax<nlohmann::json>& sax) {
  ExpandingForwarder forwarder(sax);
  return nlohmann::json::sax_parse(bytes.data(), bytes.data() + bytes.size(), &forwarder,
                                   nlohmann::json::input_format_t::cbor);
}

}  // namespace scim::store
