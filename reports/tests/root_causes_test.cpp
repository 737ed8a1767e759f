// The severity model (issue 13): failures grouped by root cause, most consequential first; checks
// skipped because of a failure counted under it; errors of one harness cause grouped once; each
// root says whom its sentence binds.
#include "scim/reports/root_causes.hpp"

#include <gtest/gtest.h>

#include "sample_run.hpp"

namespace scim::reports {
namespace {

using conf::Outcome;

conf::CheckResult check(const std::string& id, Outcome outcome, std::string cause = {}) {
  conf::CheckResult r;
  r.info.id = id;
  r.info.title = id;
  r.outcome = outcome;
  r.cause = std::move(cause);
  r.message = "because";
  return r;
}

TEST(RootCauses, AFailureWithDependentsComesFirstAndCountsThem) {
  conf::RunResult run;
  run.results = {
      check("rfc7644/3.6/lonely-failure", Outcome::Failed),
      check("rfc7643/4.1.1/user-username-required", Outcome::Skipped, "rfc7644/4/schema-by-urn"),
      check("rfc7644/4/schema-by-urn", Outcome::Failed),
      check("rfc7643/4.1.1/user-active-boolean", Outcome::Skipped, "rfc7644/4/schema-by-urn"),
      check("rfc7644/3.3/skipped-alone", Outcome::Skipped),
      check("rfc7644/3.1/a-warning", Outcome::Warning)};
  const auto causes = root_causes(run);
  ASSERT_EQ(causes.size(), 3u);
  EXPECT_EQ(causes[0].key, "rfc7644/4/schema-by-urn");
  EXPECT_EQ(causes[0].dependents.size(), 2u);
  EXPECT_EQ(causes[0].affected(), 3u);
  EXPECT_EQ(causes[1].key, "rfc7644/3.6/lonely-failure");
  EXPECT_EQ(causes[2].key, "rfc7644/3.1/a-warning") << "warnings after what fails the gate";
}

TEST(RootCauses, ErrorsOfOneHarnessCauseAreOneGroup) {
  conf::RunResult run;
  for (int i = 0; i < 5; ++i)
    run.results.push_back(
        check("rfc7644/3.5.1/c" + std::to_string(i), Outcome::Error, "fixture:User"));
  run.results.push_back(check("rfc7644/3.5.1/timeout", Outcome::Error));
  const auto causes = root_causes(run);
  ASSERT_EQ(causes.size(), 2u);
  EXPECT_EQ(causes[0].key, "fixture:User");
  EXPECT_TRUE(causes[0].harness());
  EXPECT_EQ(causes[0].checks.size(), 5u);
  EXPECT_EQ(causes[0].headline().rfind("cannot create a User fixture: because", 0), 0u);
  EXPECT_FALSE(causes[1].harness());
}

TEST(RootCauses, BindingSaysWhomTheSentenceBinds) {
  conf::CheckInfo must;
  must.level = conf::Level::Must;
  EXPECT_EQ(binding_of(must), "MUST: binds the service provider");
  conf::CheckInfo robust;
  robust.level = conf::Level::Should;
  robust.tags = {"patch", "robustness"};
  EXPECT_NE(binding_of(robust).find("binds the client"), std::string::npos);
  conf::CheckInfo client = must;
  client.tags = {"client"};  // client conformance: the mock grades the client
  EXPECT_EQ(binding_of(client), "MUST: binds the client");
  client.level = conf::Level::May;
  EXPECT_EQ(binding_of(client), "MAY: an option of the client");
}

TEST(RootCauses, TheSampleRunGroupsItsCascade) {
  const auto run = testing::sample_run();
  const auto causes = root_causes(run);
  ASSERT_FALSE(causes.empty());
  EXPECT_EQ(causes[0].key, "rfc7644/3.4.2.2/unknown-operator-is-invalid-filter");
  EXPECT_EQ(causes[0].dependents.size(), 2u);
}

}  // namespace
}  // namespace scim::reports
