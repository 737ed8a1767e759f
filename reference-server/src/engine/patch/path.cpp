// PATCH path parsing (RFC 7644 §3.5.2, §3.10; valuePath grammar of §3.4.2.2).
#include "scim/server/engine/patch/path.hpp"

#include "scim/protocol/attribute_path.hpp"
#include "scim/protocol/error.hpp"

namespace scim::engine {

namespace {

ScimError bad_path(std::string_view text, std::string_view why) {
  return invalid_path("invalid path \"" + std::string(text.substr(0, 200)) +
                      "\": " + std::string(why));
}

// "emails[type eq \"work\"].value": the filter and optional sub-attribute after the attrPath.
Status<> parse_value_path(PatchPath& out, std::string_view text, std::size_t open,
                          const Registry& registry, const ResourceType& type) {
  const Attribute* attr = out.target.attribute;
  if (attr == nullptr || out.target.sub_attribute != nullptr || !attr->multi_valued) {
    return bad_path(text, "a value filter \"[...]\" applies only to a multi-valued attribute");
  }
  const std::size_t close = find_closing_bracket(text, open);
  if (close == std::string_view::npos) return bad_path(text, "missing closing ']'");
  out.filter_text = std::string(text.substr(open + 1, close - open - 1));
  auto filter = parse_value_filter(out.filter_text, registry, type, *attr);
  if (!filter) return bad_path(text, filter.error().detail);
  out.filter = std::move(*filter);
  const std::string_view rest = text.substr(close + 1);
  if (rest.empty()) return Ok{};
  if (rest[0] != '.' || !is_valid_attribute_name(rest.substr(1))) {
    return bad_path(text, "only \".subAttribute\" may follow ']'");
  }
  out.sub = attr->find_sub(rest.substr(1));
  if (out.sub == nullptr) {
    return bad_path(
        text, "'" + attr->name + "' has no sub-attribute '" + std::string(rest.substr(1)) + "'");
  }
  return Ok{};
}

}  // namespace

std::size_t find_closing_bracket(std::string_view text, std::size_t open) {
  bool in_string = false;
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == ']') {
      return i;
    }
  }
  return std::string_view::npos;
}

Result<PatchPath> parse_patch_path(std::string_view text, const Registry& registry,
                                   const ResourceType& type, std::size_t max_length) {
  if (text.empty()) return bad_path(text, "the path is empty");
  if (text.size() > max_length) {
    return bad_path(text, "longer than the limit of " + std::to_string(max_length) + " characters");
  }
  PatchPath out;
  out.text = std::string(text);
  const std::size_t open = text.find('[');
  auto resolved = registry.resolve(type, text.substr(0, open));
  if (!resolved) return bad_path(text, resolved.error().detail);
  out.target = std::move(*resolved);
  out.sub = out.target.sub_attribute;
  if (open != std::string_view::npos) {
    if (auto st = parse_value_path(out, text, open, registry, type); !st) return st.error();
  }
  return out;
}

}  // namespace scim::engine
