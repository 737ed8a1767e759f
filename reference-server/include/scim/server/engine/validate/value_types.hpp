// Type checks and normalisation of simple attribute values (RFC 7643 §2.3): string, boolean,
// decimal, integer, dateTime (xsd:dateTime), binary (base64 / base64url), reference (URI), plus
// canonicalValues (§7). Complex and multi-valued shapes are handled in value_shape.hpp.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "scim/protocol/result.hpp"
#include "scim/protocol/schema.hpp"
#include "scim/server/engine/validate/validate.hpp"

namespace scim::engine {

// The path of an attribute in error details ("emails.type", "<extension URN>:employeeNumber"),
// kept as views and joined only when an error is written, so a valid value costs no string. It
// refers to its parts (and to the name it extends): use it within the call it is made for.
class AttrName {
 public:
  AttrName(std::string_view leaf) : leaf_(leaf) {}    // NOLINT: implicit, as the names it replaces
  AttrName(const std::string& leaf) : leaf_(leaf) {}  // NOLINT
  AttrName(const char* leaf) : leaf_(leaf) {}         // NOLINT
  // `head` + `separator` + `leaf`, e.g. ("emails", ".", "type").
  AttrName(const AttrName& head, std::string_view separator, std::string_view leaf)
      : head_(&head), separator_(separator), leaf_(leaf) {}
  std::string str() const;

 private:
  const AttrName* head_ = nullptr;
  std::string_view separator_;
  std::string_view leaf_;
};

// What value checks need besides the value: the options, and what the request needed of them.
struct ValueContext {
  const ValueOptions& options;
  bool accepted_non_canonical_value = false;
};

// Checks one simple value of `attr` (never complex). `name` is the attribute path used in error
// details, e.g. "emails.type". Errors: 400 invalidValue.
Result<nlohmann::json> normalize_simple_value(const Attribute& attr, const nlohmann::json& value,
                                              const AttrName& name, ValueContext& ctx);
// The same for a value the caller gives up: the result is the value moved, not copied (a string
// keeps its buffer). On an error `value` is left as it was.
Result<nlohmann::json> normalize_simple_value(const Attribute& attr, nlohmann::json&& value,
                                              const AttrName& name, ValueContext& ctx);

// xsd:dateTime with a mandatory time part (RFC 7643 §2.3.5), e.g. "2008-01-23T04:56:22Z".
bool is_xsd_datetime(std::string_view text);
// Base64 (RFC 4648 §4) or base64url (§5), padding optional (RFC 7643 §2.3.6).
bool is_base64(std::string_view text);
// A URI reference (RFC 7643 §2.3.7): no whitespace or control characters; when `absolute`, it
// must start with a scheme ("https:", "urn:").
bool is_uri_reference(std::string_view text, bool absolute);

}  // namespace scim::engine
