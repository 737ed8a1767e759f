// JSON or YAML input files (structured_file.hpp).
#include "scim/conformance/cli/structured_file.hpp"

#include <yaml-cpp/yaml.h>

namespace scim::conf::cli {
namespace {

// Refuses what could nest deeper than the limit: flow collections ([ {) beyond it, or block
// indentation beyond two spaces per level. Conservative on purpose: these files are shallow.
bool shallow_enough(std::string_view text) {
  std::size_t flow = 0, indent = 0;
  bool line_start = true;
  for (const char c : text) {
    if (c == '\n') {
      line_start = true;
      indent = 0;
      continue;
    }
    if (line_start && (c == ' ' || c == '-')) {
      if (++indent > 2 * kMaxStructuredDepth) return false;
      continue;
    }
    line_start = false;
    if (c == '[' || c == '{') {
      if (++flow > kMaxStructuredDepth) return false;
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
    }
  }
  return true;
}

nlohmann::json to_json(const YAML::Node& node, std::size_t depth) {
  if (depth > kMaxStructuredDepth)
    throw YAML::Exception(YAML::Mark::null_mark(), "nested too deeply");
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      auto out = nlohmann::json::array();
      for (const auto& item : node) out.push_back(to_json(item, depth + 1));
      return out;
    }
    case YAML::NodeType::Map: {
      auto out = nlohmann::json::object();
      for (const auto& item : node)
        out[item.first.as<std::string>()] = to_json(item.second, depth + 1);
      return out;
    }
    case YAML::NodeType::Scalar:
      return node.as<std::string>();
    default:
      return nullptr;
  }
}

}  // namespace

bool is_yaml_path(std::string_view path) {
  return path.ends_with(".yaml") || path.ends_with(".yml");
}

Result<nlohmann::json, std::string> parse_structured(std::string_view text, std::string_view path) {
  if (!is_yaml_path(path)) {
    auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return std::string("not valid JSON");
    return doc;
  }
  if (!shallow_enough(text)) return std::string("YAML nested too deeply");
  try {
    return to_json(YAML::Load(std::string(text)), 0);
  } catch (const YAML::Exception& e) {
    return std::string("not valid YAML: ") + e.what();
  }
}

}  // namespace scim::conf::cli
