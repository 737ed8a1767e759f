// A scripted target for unit tests of checks: a conf::Context whose HTTP answers come from a
// handler, with capabilities built from discovery documents the test writes. Runs one check of the
// real catalog and reports how it ended, the way the runner grades it.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/context.hpp"

namespace scim::suites::testing {

using Handler = std::function<conf::HttpResponse(const std::string& method, const std::string& path,
                                                 const nlohmann::json& body)>;

class FakeTarget final : public conf::Context {
 public:
  // `schemas`: the /Schemas list; `types`: the /ResourceTypes list (User and Group by default).
  FakeTarget(Handler handler, const nlohmann::json& schemas,
             nlohmann::json types = default_types());

  static nlohmann::json default_types();
  // The RFC 7643 User schema reduced to the attributes named (userName is always kept).
  static nlohmann::json user_schema_with(const std::vector<std::string>& attributes);

  conf::HttpResponse send(std::string method, std::string path, std::optional<std::string> body,
                          conf::Headers extra_headers = {}, bool authenticate = true) override;
  std::string unique_name(std::string_view hint) override;
  nlohmann::json create_user(const nlohmann::json& overrides = nlohmann::json::object()) override;
  nlohmann::json create_group(const nlohmann::json& overrides = nlohmann::json::object()) override;
  conf::HttpResponse create_raw(std::string endpoint, const nlohmann::json& body) override;
  void track(std::string) override {}
  void untrack(std::string_view) override {}
  const conf::Capabilities& caps() const override { return caps_; }
  void note(std::string) override {}

  conf::Capabilities& mutable_caps() { return caps_; }
  std::vector<std::pair<std::string, std::string>> requests;  // method, path

 private:
  Handler handler_;
  conf::Capabilities caps_;
  int counter_ = 0;
};

struct Ending {
  conf::Outcome outcome = conf::Outcome::Passed;  // Failed here means "the check failed"
  std::string message;
  std::string cause;
};

// Runs the catalog check `id` against `target`.
Ending run_check(const std::string& id, conf::Context& target);

// A JSON answer, or a SCIM error (RFC 7644 §3.12) with `scim_type`.
conf::HttpResponse answer(int status, const nlohmann::json& body);
conf::HttpResponse scim_error(int status, const std::string& scim_type = "");

}  // namespace scim::suites::testing
