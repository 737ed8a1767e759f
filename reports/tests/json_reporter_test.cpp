// JSON reporter: the output validates against reports/results.schema.json (format version 1) and
// carries the numbers and redactions the other reports show.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sample_run.hpp"
#include "schema_subset.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

using nlohmann::json;

json render_json(const conf::RunResult& run) {
  std::ostringstream out;
  make_json_reporter()->write(run, out);
  return json::parse(out.str());  // throws (fails the test) if the output is not JSON
}

json load_schema() {
  std::ifstream in(SCIM_REPORTS_SCHEMA);
  return json::parse(in);
}

TEST(JsonReporter, OutputValidatesAgainstTheSchema) {
  const auto errors = testing::validate_subset(load_schema(), render_json(testing::sample_run()));
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
  const auto passing = testing::validate_subset(load_schema(), render_json(testing::passing_run()));
  EXPECT_TRUE(passing.empty()) << ::testing::PrintToString(passing);
}

// Guards the validator itself: a document missing fields or with a wrong enum must be rejected.
TEST(JsonReporter, SchemaCheckRejectsBrokenDocuments) {
  auto doc = render_json(testing::sample_run());
  doc.erase("summary");
  doc["checks"][0]["level"] = "OPTIONAL";
  doc["version"] = "2";
  const auto errors = testing::validate_subset(load_schema(), doc);
  const std::vector<std::string> expected{"/checks/0/level: not in enum", "/version: is not \"1\"",
                                          "/: missing required \"summary\""};
  EXPECT_EQ(errors, expected);
}

TEST(JsonReporter, VersionVerdictAndCounts) {
  const auto doc = render_json(testing::sample_run());
  EXPECT_EQ(doc["version"], "1");
  EXPECT_EQ(doc["verdict"], "FAIL");
  EXPECT_EQ(doc["exitCode"], 1);
  EXPECT_EQ(doc["summary"]["counts"]["total"], 12);
  EXPECT_EQ(doc["summary"]["counts"]["failed"], 2);
  EXPECT_EQ(doc["summary"]["byLevel"]["SHOULD"]["warning"], 2);
  EXPECT_EQ(doc["summary"]["sections"][0]["key"], "rfc7643.8.7.1");
  EXPECT_EQ(doc["durationUs"], 2500000);
  EXPECT_EQ(render_json(testing::passing_run())["verdict"], "PASS");
}

TEST(JsonReporter, CredentialsAreRedactedEverywhere) {
  std::ostringstream out;
  make_json_reporter()->write(testing::sample_run(), out);
  EXPECT_EQ(out.str().find(testing::kSecretToken), std::string::npos);
  const auto doc = json::parse(out.str());
  const auto& hostile = doc["checks"][6]["exchanges"][0];
  EXPECT_EQ(hostile["url"], "http://127.0.0.1:8080/scim/v2/Users?access_token=[redacted]");
  EXPECT_EQ(hostile["requestHeaders"][1]["value"], "[redacted]");
  EXPECT_EQ(hostile["responseHeaders"][1]["value"], "[redacted]");
}

TEST(JsonReporter, InvalidUtf8BecomesReplacementCharacter) {
  const auto doc = render_json(testing::sample_run());
  const std::string actual = doc["checks"][6]["actual"];
  EXPECT_NE(actual.find("\xEF\xBF\xBD invalid"), std::string::npos);
}

TEST(JsonReporter, ExchangesPerCheckAreBounded) {
  auto run = testing::passing_run();
  run.results[0].exchanges.resize(75, run.results[0].exchanges[0]);
  const auto doc = render_json(run);
  EXPECT_EQ(doc["checks"][0]["exchanges"].size(), 50u);
  EXPECT_EQ(doc["checks"][0]["exchangesOmitted"], 25);
}

}  // namespace
}  // namespace scim::reports
