// The SCIM 2.0 Interoperability Profile's narrower PATCH rules (PatchOptions::interop): every
// operation names a "path" (§6.5.1.1), and a path or value naming an attribute the resource type
// does not define is 400 invalidSyntax (§5.3), where RFC 7644 strict mode answers invalidPath or
// invalidValue.
#include <string>

#include "scim/protocol/attribute_path.hpp"
#include "scim/protocol/error.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/validate/defined.hpp"

namespace scim::engine {
namespace {

// "emails[type eq \"work\"].value" -> "emails.value": the attribute path without its filter.
std::string without_filter(std::string_view text) {
  const auto open = text.find('[');
  if (open == std::string_view::npos) return std::string(text);
  const auto close = find_closing_bracket(text, open);
  if (close == std::string_view::npos) return std::string(text);
  return std::string(text.substr(0, open)) + std::string(text.substr(close + 1));
}

}  // namespace

Status<> interop_require_path(const PatchOptions& options, const nlohmann::json* path) {
  if (!options.interop.patch_requires_path || path != nullptr) return Ok{};
  return invalid_syntax(
      "every operation needs a \"path\"; path-less operations are refused (SCIM 2.0 "
      "Interoperability Profile §6.5.1.1)");
}

ScimError interop_path_error(const PatchContext& ctx, std::string_view path_text,
                             ScimError parse_error) {
  if (!ctx.options.interop.undefined_is_invalid_syntax) return parse_error;
  // Only an undefined attribute becomes invalidSyntax: a path that is well formed (RFC 7644
  // §3.5.2 attrPath) but does not resolve. A malformed path stays invalidPath.
  const std::string attribute = without_filter(path_text);
  if (attribute.empty() || !parse_attribute_path(attribute) ||
      ctx.registry.resolve(ctx.type, attribute))
    return parse_error;
  return invalid_syntax("path \"" + std::string(path_text.substr(0, 200)) +
                        "\" names an attribute this service provider does not define (SCIM 2.0 "
                        "Interoperability Profile §5.3)");
}

Status<> interop_check_value(const PatchContext& ctx, const PatchPath& path,
                             const nlohmann::json& value) {
  if (!ctx.options.interop.undefined_is_invalid_syntax) return Ok{};
  if (path.attribute() == nullptr || path.sub != nullptr) return Ok{};
  return check_defined_value(value, *path.attribute());
}

}  // namespace scim::engine
