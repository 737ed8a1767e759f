// Subset JSON Schema validator for tests (see schema_subset.hpp).
#include "schema_subset.hpp"

#include <algorithm>
#include <set>

namespace scim::reports::testing {
namespace {

using nlohmann::json;

const std::set<std::string> kAnnotations{"$schema", "$id", "title", "description", "$defs"};

bool has_type(const json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return false;
}

class Validator {
 public:
  explicit Validator(const json& root) : root_(root) {}

  void check(const json& schema, const json& value, const std::string& path) {
    for (const auto& [keyword, arg] : schema.items()) {
      if (kAnnotations.count(keyword) > 0) continue;
      if (keyword == "$ref") {
        check(resolve(arg.get<std::string>(), path), value, path);
      } else if (keyword == "type") {
        if (!has_type(value, arg.get<std::string>())) fail(path, "not of type " + arg.dump());
      } else if (keyword == "const") {
        if (value != arg) fail(path, "is not " + arg.dump());
      } else if (keyword == "enum") {
        if (std::find(arg.begin(), arg.end(), value) == arg.end()) fail(path, "not in enum");
      } else if (keyword == "minimum") {
        if (value.is_number() && value.get<double>() < arg.get<double>())
          fail(path, "below minimum");
      } else if (keyword == "required") {
        for (const auto& name : arg) {
          if (value.is_object() && !value.contains(name.get<std::string>())) {
            fail(path, "missing required " + name.dump());
          }
        }
      } else if (keyword == "properties") {
        if (!value.is_object()) continue;
        for (const auto& [name, sub] : arg.items()) {
          if (value.contains(name)) check(sub, value[name], path + "/" + name);
        }
      } else if (keyword == "items") {
        if (!value.is_array()) continue;
        for (std::size_t i = 0; i < value.size(); ++i)
          check(arg, value[i], path + "/" + std::to_string(i));
      } else {
        fail(path, "schema uses unsupported keyword " + keyword);
      }
    }
  }

  std::vector<std::string> errors;

 private:
  const json& resolve(const std::string& ref, const std::string& path) {
    static const json kEmpty = json::object();
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0 || !root_["$defs"].contains(ref.substr(prefix.size()))) {
      fail(path, "unresolvable $ref " + ref);
      return kEmpty;
    }
    return root_["$defs"][ref.substr(prefix.size())];
  }

  void fail(const std::string& path, const std::string& message) {
    errors.push_back((path.empty() ? "/" : path) + ": " + message);
  }

  const json& root_;
};

}  // namespace

std::vector<std::string> validate_subset(const json& schema, const json& instance) {
  Validator validator(schema);
  validator.check(schema, instance, "");
  return validator.errors;
}

}  // namespace scim::reports::testing
