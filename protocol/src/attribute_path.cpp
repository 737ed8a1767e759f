// Attribute path parsing (RFC 7644 §3.10, RFC 7643 §2.1):
//   attrPath = [URI ":"] ATTRNAME *1subAttr ;  subAttr = "." ATTRNAME
#include "scim/protocol/attribute_path.hpp"

#include <cctype>

#include "scim/protocol/strings.hpp"

namespace scim {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

ScimError bad(std::string_view text, std::string_view why) {
  return invalid_path("invalid attribute path \"" + std::string(text) + "\": " + std::string(why));
}

// Splits "name.sub" into the path; validates both names.
Status<> split_names(std::string_view full, std::string_view rest, AttributePath& out) {
  const auto dot = rest.find('.');
  std::string_view attr = rest.substr(0, dot);
  std::string_view sub = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
  if (!is_valid_attribute_name(attr))
    return bad(full, "\"" + std::string(attr) + "\" is not a valid attribute name");
  if (dot != std::string_view::npos && !is_valid_attribute_name(sub))
    return bad(full, "\"" + std::string(sub) + "\" is not a valid sub-attribute name");
  out.attribute = std::string(attr);
  out.sub_attribute = std::string(sub);
  return Ok{};
}

// The longest known URN that prefixes `text` and is followed by ':' or the end.
const std::string* known_prefix(std::string_view text, const std::vector<std::string>& urns) {
  const std::string* best = nullptr;
  for (const auto& u : urns) {
    if (!istarts_with(text, u)) continue;
    if (text.size() != u.size() && text[u.size()] != ':') continue;
    if (!best || u.size() > best->size()) best = &u;
  }
  return best;
}

}  // namespace

bool is_name_char(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_valid_attribute_name(std::string_view name) {
  if (name == "$ref") return true;
  if (name.empty() || !is_alpha(name.front())) return false;
  for (char c : name)
    if (!is_name_char(c)) return false;
  return true;
}

std::string AttributePath::to_string() const {
  std::string out = schema_urn;
  if (!attribute.empty()) {
    if (!out.empty()) out += ':';
    out += attribute;
    if (!sub_attribute.empty()) out += '.' + sub_attribute;
  }
  return out;
}

Result<AttributePath> parse_attribute_path(std::string_view text,
                                           const std::vector<std::string>& known_schema_urns) {
  if (text.empty()) return bad(text, "empty");
  if (text.size() > 1024) return bad(text.substr(0, 64), "longer than 1024 characters");
  AttributePath path;
  std::string_view rest = text;
  if (istarts_with(text, "urn:")) {
    if (const std::string* urn = known_prefix(text, known_schema_urns)) {
      path.schema_urn = *urn;
      rest = text.size() == urn->size() ? std::string_view{} : text.substr(urn->size() + 1);
      if (rest.empty()) return path;  // a bare schema URN
    } else {
      const auto colon = text.rfind(':');
      path.schema_urn = std::string(text.substr(0, colon));
      rest = text.substr(colon + 1);
      if (rest.empty()) return bad(text, "nothing after the schema URN");
    }
  }
  auto status = split_names(text, rest, path);
  if (!status) return status.error();
  return path;
}

}  // namespace scim
