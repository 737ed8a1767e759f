// The /admin/ page is one self-contained file: nothing in it points at another
// origin, and it links the operator endpoints. (Its behaviour is tested in
// Chromium: dashboard_browser.)
#include "scim/server/observe/dashboard_page.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace scim::observe {
namespace {

TEST(DashboardPage, IsEmbeddedAndSelfContained) {
  const std::string page(dashboard_page());
  ASSERT_GT(page.size(), 1000u);
  EXPECT_EQ(page.rfind("<!doctype html>", 0), 0u);
  // No CDN, no external fonts or scripts: no absolute URL, no protocol-relative
  // one, no @import.
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_FALSE(std::regex_search(page, std::regex(R"((src|href)\s*=\s*["']//)")));
  EXPECT_EQ(page.find("@import"), std::string::npos);
  EXPECT_EQ(page.find("<script src"), std::string::npos);
  EXPECT_NE(page.find("href=\"/metrics\""), std::string::npos);
  EXPECT_NE(page.find("href=\"/openapi.json\""), std::string::npos);
}

TEST(DashboardPage, WritesServerDataAsTextOnly) {
  // Journal entries carry whatever clients sent: the page never assigns HTML
  // from data.
  const std::string page(dashboard_page());
  EXPECT_EQ(page.find("innerHTML"), std::string::npos);
  EXPECT_EQ(page.find("outerHTML"), std::string::npos);
  EXPECT_EQ(page.find("insertAdjacentHTML"), std::string::npos);
  EXPECT_EQ(page.find("document.write"), std::string::npos);
}

}  // namespace
}  // namespace scim::observe
