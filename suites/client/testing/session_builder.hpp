// Hand-written grading sessions for the client checks' unit tests: journal entries in the admin
// API's shape (docs/mock.md), graded as the server grades them.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "scim/suites/client/grading.hpp"

namespace scim::suites::client::test_sessions {

using json = nlohmann::json;

inline const json kUser = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                           {"userName", "bjensen"}};

// One request of a well-behaved client (Accept, User-Agent, a bearer token; a JSON body labelled
// application/scim+json) and the server's answer.
inline json entry(std::string method, std::string path, json body, int status,
                  std::int64_t at_ms = 0) {
  json request = {{"method", method},
                  {"target", "/scim/v2" + path},
                  {"path", path},
                  {"headers",
                   {{"accept", "application/scim+json"},
                    {"user-agent", "unit-test/1"},
                    {"authorization", "Bearer [redacted]"}}}};
  if (!body.is_null()) {
    request["body"] = body.dump();
    request["json"] = body;
    request["headers"]["content-type"] = "application/scim+json";
  }
  return {{"kind", "request"},
          {"seq", at_ms},
          {"epochMs", at_ms},
          {"request", request},
          {"response", {{"status", status}, {"headers", json::object()}}},
          {"leniencies", json::array()}};
}

inline json patch_of(json operations) {
  return {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
          {"Operations", std::move(operations)}};
}

inline conf::RunResult grade(const json& entries, std::vector<std::string> profiles = {}) {
  return grade_session(
      {{"tenant", "t"}, {"name", "s"}, {"entries", entries}, {"profiles", profiles}}, "test");
}

inline const conf::CheckResult& result(const conf::RunResult& run, const std::string& id) {
  for (const auto& r : run.results) {
    if (r.info.id == id) return r;
  }
  throw std::runtime_error("no check " + id);
}

inline bool has_check(const conf::RunResult& run, const std::string& id) {
  for (const auto& r : run.results) {
    if (r.info.id == id) return true;
  }
  return false;
}

// For a profile check `id`: the request `bad` fails it at the MUST level, shows the offending
// request and fails no other check of the profile; the request `good` passes it.
inline void discriminates(const std::string& profile, const std::string& id, const json& bad,
                          const json& good) {
  const auto failing = grade(json::array({bad}), {profile});
  const auto& f = result(failing, id);
  EXPECT_EQ(f.outcome, conf::Outcome::Failed) << id << ": " << bad.dump();
  EXPECT_EQ(f.info.level, conf::Level::Must) << id;
  EXPECT_FALSE(f.exchanges.empty()) << id << ": the offending request is shown";
  for (const auto& r : failing.results) {
    if (r.info.id != id && r.info.spec() == "client-" + profile) {
      EXPECT_NE(r.outcome, conf::Outcome::Failed) << r.info.id << " also failed on " << bad.dump();
    }
  }
  const auto passing = grade(json::array({good}), {profile});
  EXPECT_EQ(result(passing, id).outcome, conf::Outcome::Passed) << id << ": " << good.dump();
}

}  // namespace scim::suites::client::test_sessions
