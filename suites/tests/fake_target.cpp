// The scripted target of the suites' unit tests (see fake_target.hpp).
#include "fake_target.hpp"

#include <algorithm>

#include "scim/protocol/schema_loader.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/suites.hpp"

namespace scim::suites::testing {

using nlohmann::json;

conf::HttpResponse answer(int status, const json& body) {
  conf::HttpResponse r;
  r.status = status;
  r.body = body.is_null() ? std::string() : body.dump();
  r.headers = {{"Content-Type", "application/scim+json"}};
  return r;
}

conf::HttpResponse scim_error(int status, const std::string& scim_type) {
  json body = {{"schemas", {std::string(urn::kError)}}, {"status", std::to_string(status)}};
  if (!scim_type.empty()) body["scimType"] = scim_type;
  return answer(status, body);
}

json FakeTarget::default_types() {
  return {{{"id", "User"},
           {"name", "User"},
           {"endpoint", "/Users"},
           {"schema", std::string(urn::kUser)},
           {"schemaExtensions", json::array()}},
          {{"id", "Group"},
           {"name", "Group"},
           {"endpoint", "/Groups"},
           {"schema", std::string(urn::kGroup)},
           {"schemaExtensions", json::array()}}};
}

json FakeTarget::user_schema_with(const std::vector<std::string>& attributes) {
  json schema = json::parse(builtin_schema_document("user.json"));
  json kept = json::array();
  for (const auto& a : schema["attributes"]) {
    const std::string name = a.value("name", "");
    if (name == "userName" ||
        std::find(attributes.begin(), attributes.end(), name) != attributes.end())
      kept.push_back(a);
  }
  schema["attributes"] = kept;
  return schema;
}

FakeTarget::FakeTarget(Handler handler, const json& schemas, json types)
    : handler_(std::move(handler)) {
  caps_.filter = caps_.patch = true;
  caps_.schemas = conf::TargetSchemas::from_json(schemas);
  for (const auto& t : types) {
    conf::ResourceTypeInfo info{
        t.value("id", ""), t.value("name", ""), t.value("endpoint", ""), t.value("schema", ""), {}};
    caps_.resource_types.push_back(info);
  }
}

conf::HttpResponse FakeTarget::send(std::string method, std::string path,
                                    std::optional<std::string> body, conf::Headers, bool) {
  requests.emplace_back(method, path);
  json parsed = body ? json::parse(*body, nullptr, false) : json();
  return handler_(method, path, parsed);
}

std::string FakeTarget::unique_name(std::string_view hint) {
  return "scimconf-test-" + std::string(hint) + "-" + std::to_string(++counter_);
}

conf::HttpResponse FakeTarget::create_raw(std::string endpoint, const json& body) {
  return send("POST", std::move(endpoint), body.dump());
}

json FakeTarget::create_user(const json& overrides) {
  json body = {{"schemas", {std::string(urn::kUser)}}, {"userName", unique_name("user")}};
  body.update(overrides);
  auto r = create_raw("/Users", body);
  if (r.status != 201) throw conf::CheckError{"could not create fixture User", "fixture:User"};
  return json::parse(r.body);
}

json FakeTarget::create_group(const json& overrides) {
  json body = {{"schemas", {std::string(urn::kGroup)}}, {"displayName", unique_name("group")}};
  body.update(overrides);
  auto r = create_raw("/Groups", body);
  if (r.status != 201) throw conf::CheckError{"could not create fixture Group", "fixture:Group"};
  return json::parse(r.body);
}

Ending run_check(const std::string& id, conf::Context& target) {
  static const conf::Catalog catalog = [] {
    conf::Catalog c;
    register_all(c);
    return c;
  }();
  for (const auto* check : catalog.all()) {
    if (check->info.id != id) continue;
    try {
      check->run(target);
      return {conf::Outcome::Passed, {}, {}};
    } catch (const conf::CheckFailed& f) {
      return {conf::Outcome::Failed, f.message, {}};
    } catch (const conf::CheckSkipped& s) {
      return {conf::Outcome::Skipped, s.reason, s.cause};
    } catch (const conf::CheckError& e) {
      return {conf::Outcome::Error, e.message, e.cause};
    }
  }
  throw std::logic_error("no check " + id);
}

}  // namespace scim::suites::testing
