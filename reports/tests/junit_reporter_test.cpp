// JUnit reporter: structure and counts as Jenkins/GitLab/GitHub consumers read them, parsed back
// with pugixml from the reporter's own output.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <sstream>

#include "sample_run.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

class JunitReporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    make_junit_reporter()->write(testing::sample_run(), xml_);
    const auto parsed = doc_.load_string(xml_.str().c_str());
    ASSERT_TRUE(parsed) << parsed.description();
  }

  pugi::xml_node suite(const char* name) const {
    return doc_.child("testsuites").find_child_by_attribute("testsuite", "name", name);
  }
  pugi::xml_node testcase(const char* id) const {
    return doc_.child("testsuites")
        .select_node((std::string("testsuite/testcase[@name='") + id + "']").c_str())
        .node();
  }

  std::ostringstream xml_;
  pugi::xml_document doc_;
};

TEST_F(JunitReporterTest, RootCarriesTotals) {
  const auto root = doc_.child("testsuites");
  EXPECT_EQ(root.attribute("tests").as_int(), 12);
  EXPECT_EQ(root.attribute("failures").as_int(), 2);
  EXPECT_EQ(root.attribute("errors").as_int(), 3);
  EXPECT_EQ(root.attribute("skipped").as_int(), 3);
  EXPECT_STREQ(root.attribute("time").value(), "2.500");
}

TEST_F(JunitReporterTest, OneSuitePerSectionInNaturalOrder) {
  std::vector<std::string> names;
  for (auto s : doc_.child("testsuites").children("testsuite")) {
    names.emplace_back(s.attribute("name").value());
  }
  const std::vector<std::string> expected{"rfc7643.8.7.1", "rfc7644.3.4.2.2", "rfc7644.3.5.1",
                                          "rfc7644.3.5.2", "rfc7644.3.7",     "rfc7644.3.10",
                                          "rfc7644.3.12"};
  EXPECT_EQ(names, expected);
  const auto filter = suite("rfc7644.3.4.2.2");
  EXPECT_EQ(filter.attribute("tests").as_int(), 4);  // two of them skipped as dependents
  EXPECT_EQ(filter.attribute("failures").as_int(), 1);
  EXPECT_EQ(filter.attribute("errors").as_int(), 0);
  EXPECT_STREQ(filter.attribute("time").value(), "0.035");
}

// RFC 7644 §3.4.2.2 check that failed: <failure> with message, level as type, expected/actual.
TEST_F(JunitReporterTest, FailedMustCheckHasFailureWithExpectedAndActual) {
  const auto tc = testcase("rfc7644/3.4.2.2/unknown-operator-is-invalid-filter");
  ASSERT_TRUE(tc);
  EXPECT_STREQ(tc.attribute("classname").value(), "rfc7644.3.4.2.2");
  EXPECT_STREQ(tc.attribute("time").value(), "0.015");
  const auto failure = tc.child("failure");
  ASSERT_TRUE(failure);
  EXPECT_STREQ(failure.attribute("message").value(), "expected HTTP 400 invalidFilter, got 200");
  EXPECT_STREQ(failure.attribute("type").value(), "MUST");
  const std::string text = failure.text().get();
  EXPECT_NE(text.find("Expected: HTTP 400 with scimType \"invalidFilter\""), std::string::npos);
  EXPECT_NE(text.find("Actual: HTTP 200 with a ListResponse"), std::string::npos);
}

TEST_F(JunitReporterTest, FailingCheckTranscriptIsRedacted) {
  const std::string out =
      testcase("rfc7644/3.4.2.2/unknown-operator-is-invalid-filter").child_value("system-out");
  EXPECT_NE(out.find("> GET http://127.0.0.1:8080/scim/v2/Users?filter="), std::string::npos);
  EXPECT_NE(out.find("> Authorization: [redacted]"), std::string::npos);
  EXPECT_NE(out.find("< 200"), std::string::npos);
  EXPECT_EQ(xml_.str().find(testing::kSecretToken), std::string::npos)
      << "a credential leaked into the JUnit file";
}

TEST_F(JunitReporterTest, ErrorSkipAndWarningUseTheirElements) {
  const auto error = testcase("rfc7643/8.7.1/schemas-endpoint-lists-user");
  EXPECT_STREQ(error.child("error").attribute("message").value(),
               "connection refused while fetching /Schemas");
  EXPECT_FALSE(error.child("failure"));
  const auto skipped = testcase("rfc7644/3.7/bulk-max-operations");
  EXPECT_STREQ(skipped.child("skipped").attribute("message").value(),
               "capability \"bulk\" not advertised in /ServiceProviderConfig");
  // A SHOULD broken is a warning: not a failure (the run's exit code ignores it), but visible.
  const auto warning = testcase("rfc7644/3.5.2/patch-returns-200-or-204");
  EXPECT_FALSE(warning.child("failure"));
  EXPECT_TRUE(warning.select_node("properties/property[@name='outcome'][@value='warning']"));
  EXPECT_NE(std::string(warning.child_value("system-err")).find("WARNING (SHOULD not met)"),
            std::string::npos);
  EXPECT_EQ(suite("rfc7644.3.5.2")
                .select_node("properties/property[@name='warnings']")
                .node()
                .attribute("value")
                .as_int(),
            2);
}

TEST_F(JunitReporterTest, PassedChecksCarryNoTranscript) {
  const auto passed = testcase("rfc7644/3.4.2.2/eq-is-case-insensitive");
  ASSERT_TRUE(passed);
  EXPECT_FALSE(passed.child("system-out"));
  EXPECT_FALSE(passed.child("failure"));
}

// XML 1.0 §2.2 forbids most C0 controls; a hostile body must not make the file unparseable.
TEST_F(JunitReporterTest, HostileBytesStayWellFormed) {
  const auto tc = testcase("rfc7644/3.12/error-is-scim-json");
  const std::string out = tc.child_value("system-out");
  EXPECT_NE(out.find(testing::kInjectedScript), std::string::npos);  // as text, escaped on disk
  EXPECT_EQ(xml_.str().find('\x01'), std::string::npos);
  EXPECT_NE(std::string(tc.child_value("system-err")).find("Leftover fixture: /Users/5d48a0a8"),
            std::string::npos);
}

}  // namespace
}  // namespace scim::reports
