// Parsing and validating schema (RFC 7643 §7) and resource-type (RFC 7643 §6) definitions, from
// the embedded RFC documents or user files. Characteristics left out take the RFC 7643 §2.2
// defaults; anything present but malformed, unknown or contradictory is rejected with a message
// naming the source, the attribute path and the problem.
#include "scim/protocol/schema_loader.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "embedded_schemas.hpp"
#include "scim/protocol/strings.hpp"

namespace scim {
namespace {

using nlohmann::json;

// Thrown internally while walking a definition; converted to a Result at the API boundary.
struct LoadProblem {
  std::string message;
};

[[noreturn]] void problem(std::string_view source, std::string_view where, std::string_view what) {
  std::string msg(source);
  msg += ": ";
  if (!where.empty()) msg += std::string(where) + ": ";
  msg += what;
  throw LoadProblem{std::move(msg)};
}

const std::set<std::string> kAttributeKeys{
    "name",      "type",       "multiValued", "description", "required",       "canonicalValues",
    "caseExact", "mutability", "returned",    "uniqueness",  "referenceTypes", "subAttributes"};

struct Walker {
  std::string_view source;
  // RFC 7643 §8.7.2's own "Schema" schema nests subAttributes inside attributes, contradicting
  // §2.3.8; only the embedded documents may do so.
  bool allow_nested_complex = false;

  bool boolean(const json& obj, const char* key, bool fallback, const std::string& where) const {
    auto it = obj.find(key);
    if (it == obj.end()) return fallback;
    if (!it->is_boolean()) problem(source, where, std::string("\"") + key + "\" must be a boolean");
    return it->get<bool>();
  }

  std::string string(const json& obj, const char* key, const std::string& where,
                     bool required) const {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) problem(source, where, std::string("\"") + key + "\" is required");
      return {};
    }
    if (!it->is_string()) problem(source, where, std::string("\"") + key + "\" must be a string");
    return it->get<std::string>();
  }

  std::vector<std::string> strings(const json& obj, const char* key,
                                   const std::string& where) const {
    auto it = obj.find(key);
    if (it == obj.end()) return {};
    const std::string msg = std::string("\"") + key + "\" must be an array of strings";
    if (!it->is_array()) problem(source, where, msg);
    std::vector<std::string> out;
    for (const auto& v : *it) {
      if (!v.is_string()) problem(source, where, msg);
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  template <class E, class Parse>
  E enumerated(const json& obj, const char* key, E fallback, Parse parse, const std::string& where,
               const char* allowed) const {
    auto text = string(obj, key, where, false);
    if (text.empty() && !obj.contains(key)) return fallback;
    auto value = parse(text);
    if (!value)
      problem(
          source, where,
          std::string("unknown ") + key + " \"" + text + "\" (expected one of " + allowed + ")");
    return *value;
  }

  Attribute attribute(const json& j, const std::string& parent, bool nested) const {
    const std::string where_prefix = parent.empty() ? "" : parent + ".";
    if (!j.is_object()) problem(source, "attribute under '" + parent + "'", "must be an object");
    const std::string name = string(j, "name", "attribute under '" + parent + "'", true);
    const std::string where = "attribute '" + where_prefix + name + "'";
    if (!is_valid_attribute_name(name)) problem(source, where, "invalid attribute name");
    for (const auto& [key, value] : j.items())
      if (!kAttributeKeys.count(key))
        problem(source, where, "unknown characteristic \"" + key + "\"");
    Attribute a;
    a.name = name;
    a.type = enumerated(j, "type", AttributeType::String, parse_attribute_type, where,
                        "string, boolean, decimal, integer, dateTime, binary, reference, complex");
    a.multi_valued = boolean(j, "multiValued", false, where);
    a.description = string(j, "description", where, false);
    a.required = boolean(j, "required", false, where);
    a.case_exact = boolean(j, "caseExact", false, where);
    a.mutability = enumerated(j, "mutability", Mutability::ReadWrite, parse_mutability, where,
                              "readOnly, readWrite, immutable, writeOnly");
    a.returned = enumerated(j, "returned", Returned::Default, parse_returned, where,
                            "always, never, default, request");
    a.uniqueness = enumerated(j, "uniqueness", Uniqueness::None, parse_uniqueness, where,
                              "none, server, global");
    a.canonical_values = strings(j, "canonicalValues", where);
    a.reference_types = strings(j, "referenceTypes", where);
    if (!a.reference_types.empty() && a.type != AttributeType::Reference)
      problem(source, where, "\"referenceTypes\" is only allowed on reference attributes");
    sub_attributes(j, a, where_prefix + name, nested, where);
    return a;
  }

  void sub_attributes(const json& j, Attribute& a, const std::string& path, bool nested,
                      const std::string& where) const {
    auto it = j.find("subAttributes");
    if (a.is_complex()) {
      // RFC 7643 §2.3.8: a complex attribute MUST NOT contain sub-attributes that have
      // sub-attributes.
      if (nested && !allow_nested_complex)
        problem(source, where, "complex sub-attributes are not allowed (RFC 7643 §2.3.8)");
      if (it == j.end() || !it->is_array() || it->empty())
        problem(source, where, "a complex attribute needs a non-empty \"subAttributes\" array");
      a.sub_attributes = list(*it, path, true);
    } else if (it != j.end()) {
      problem(source, where, "\"subAttributes\" is only allowed on complex attributes");
    }
  }

  std::vector<Attribute> list(const json& arr, const std::string& parent, bool nested) const {
    std::vector<Attribute> out;
    std::set<std::string> seen;
    for (const auto& item : arr) {
      Attribute a = attribute(item, parent, nested);
      if (!seen.insert(to_lower(a.name)).second)
        problem(source, "attribute '" + (parent.empty() ? "" : parent + ".") + a.name + "'",
                "defined twice (names are case-insensitive)");
      out.push_back(std::move(a));
    }
    return out;
  }
};

json read_json_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw LoadProblem{file.string() + ": cannot open file"};
  try {
    return json::parse(in);
  } catch (const json::parse_error& e) {
    throw LoadProblem{file.string() + ": invalid JSON: " + e.what()};
  }
}

template <class T, class Parse>
Result<std::vector<T>, std::string> load_many(const std::filesystem::path& file, Parse parse) {
  try {
    json doc = read_json_file(file);
    std::vector<T> out;
    const std::string source = file.filename().string();
    if (doc.is_array()) {
      for (const auto& item : doc) {
        auto one = parse(item, source);
        if (!one) return Unexpected{one.error()};
        out.push_back(std::move(*one));
      }
    } else {
      auto one = parse(doc, source);
      if (!one) return Unexpected{one.error()};
      out.push_back(std::move(*one));
    }
    return out;
  } catch (const LoadProblem& p) {
    return Unexpected{p.message};
  }
}

Result<Schema, std::string> parse_schema_impl(const json& j, std::string_view source,
                                              bool allow_nested_complex) {
  try {
    Walker w{source, allow_nested_complex};
    if (!j.is_object()) problem(source, "", "a schema must be a JSON object");
    Schema s;
    s.id = w.string(j, "id", "schema", true);
    if (!istarts_with(s.id, "urn:"))
      problem(source, "schema", "\"id\" must be a URN, got \"" + s.id + "\"");
    s.name = w.string(j, "name", "schema " + s.id, false);
    s.description = w.string(j, "description", "schema " + s.id, false);
    auto attrs = j.find("attributes");
    if (attrs == j.end() || !attrs->is_array())
      problem(source, "schema " + s.id, "\"attributes\" must be an array");
    s.attributes = w.list(*attrs, "", false);
    return s;
  } catch (const LoadProblem& p) {
    return Unexpected{p.message};
  }
}

}  // namespace

Result<Schema, std::string> parse_schema(const json& j, std::string_view source) {
  return parse_schema_impl(j, source, false);
}

Result<ResourceType, std::string> parse_resource_type(const json& j, std::string_view source) {
  try {
    Walker w{source};
    if (!j.is_object()) problem(source, "", "a resource type must be a JSON object");
    ResourceType t;
    t.name = w.string(j, "name", "resource type", true);
    const std::string where = "resource type " + t.name;
    t.id = w.string(j, "id", where, false);
    if (t.id.empty()) t.id = t.name;
    t.description = w.string(j, "description", where, false);
    t.endpoint = w.string(j, "endpoint", where, true);
    t.schema = w.string(j, "schema", where, true);
    if (auto ext = j.find("schemaExtensions"); ext != j.end()) {
      if (!ext->is_array()) problem(source, where, "\"schemaExtensions\" must be an array");
      for (const auto& e : *ext) {
        if (!e.is_object()) problem(source, where, "each schema extension must be an object");
        SchemaExtension se{w.string(e, "schema", where + " extension", true),
                           w.boolean(e, "required", false, where + " extension")};
        t.extensions.push_back(std::move(se));
      }
    }
    return t;
  } catch (const LoadProblem& p) {
    return Unexpected{p.message};
  }
}

Result<std::vector<Schema>, std::string> load_schema_file(const std::filesystem::path& file) {
  return load_many<Schema>(file, parse_schema);
}

Result<std::vector<ResourceType>, std::string> load_resource_type_file(
    const std::filesystem::path& file) {
  return load_many<ResourceType>(file, parse_resource_type);
}

std::string_view builtin_schema_document(std::string_view file_name) {
  return protocol_data::embedded(file_name);
}

std::vector<std::string_view> builtin_schema_files() {
  auto names = protocol_data::embedded_names();
  return {names.begin(), names.end()};
}

std::vector<Schema> builtin_schemas() {
  std::vector<Schema> out;
  for (auto name : builtin_schema_files()) {
    auto parsed = parse_schema_impl(json::parse(builtin_schema_document(name)), name, true);
    // The embedded documents are part of the build; failing to parse them is a bug.
    if (!parsed) throw std::logic_error("embedded schema invalid: " + parsed.error());
    out.push_back(std::move(*parsed));
  }
  return out;
}

}  // namespace scim
