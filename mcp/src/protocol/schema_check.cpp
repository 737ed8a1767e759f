// Tool-argument validation with valijson's nlohmann adapter.
#include "scim/mcp/schema_check.hpp"

#include <exception>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace scim::mcp {
namespace {

// valijson's context is a list of tokens like "<root>", "[resource]", "[0]".
std::string pointer_of(const std::vector<std::string>& context) {
  std::string path;
  for (const auto& token : context) {
    if (token == "<root>") continue;
    std::string part = token;
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
      part = part.substr(1, part.size() - 2);
    }
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
      part = part.substr(1, part.size() - 2);
    }
    path += "/" + part;
  }
  return path.empty() ? "/" : path;
}

}  // namespace

std::vector<std::string> schema_violations(const nlohmann::json& schema_json,
                                           const nlohmann::json& instance) {
  std::vector<std::string> out;
  try {
    nlohmann::json copy = schema_json;
    copy.erase("$schema");
    valijson::Schema schema;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter schema_adapter(copy);
    parser.populateSchema(schema_adapter, schema);
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(instance);
    if (validator.validate(schema, target, &results)) return out;
    valijson::ValidationResults::Error error;
    std::vector<std::string> generic;
    while (results.popError(error)) {
      auto line = pointer_of(error.context) + ": " + error.description;
      // The summary lines valijson adds for a failed object or array repeat the specific ones.
      bool summary = error.description.find("Failed to validate") != std::string::npos;
      (summary ? generic : out).push_back(std::move(line));
    }
    if (out.empty()) out = std::move(generic);
  } catch (const std::exception& e) {
    out.push_back(std::string("/: the tool's input schema could not be used: ") + e.what());
  }
  return out;
}

}  // namespace scim::mcp
