// Defensive redaction in reports: secret headers and credential query parameters.
#include "scim/reports/redact.hpp"

#include <gtest/gtest.h>

namespace scim::reports {
namespace {

TEST(Redact, SecretHeadersAreCaseInsensitive) {
  EXPECT_TRUE(is_secret_header("Authorization"));
  EXPECT_TRUE(is_secret_header("authorization"));
  EXPECT_TRUE(is_secret_header("Set-Cookie"));
  EXPECT_TRUE(is_secret_header("COOKIE"));
  EXPECT_FALSE(is_secret_header("Content-Type"));
  EXPECT_FALSE(is_secret_header("Authorization-Hint"));
  EXPECT_EQ(report_header_value("Authorization", "Bearer abc"), "[redacted]");
  EXPECT_EQ(report_header_value("ETag", "W/\"1\""), "W/\"1\"");
}

TEST(Redact, CredentialQueryParametersAreRedacted) {
  EXPECT_EQ(redact_url("https://h/scim?access_token=abc&count=1"),
            "https://h/scim?access_token=[redacted]&count=1");
  EXPECT_EQ(redact_url("https://h/scim?filter=a&Token=x#frag&token=y"),
            "https://h/scim?filter=a&Token=[redacted]#frag&token=y");
  EXPECT_EQ(redact_url("https://h/scim/v2/Users"), "https://h/scim/v2/Users");
}

}  // namespace
}  // namespace scim::reports
