// HTML reporter: self-contained page, verdict and summary, one entry per check, and everything the
// target sent shown as text (a hostile response must not inject markup or script).
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <regex>
#include <sstream>

#include "sample_run.hpp"
#include "scim/reports/html_template.hpp"
#include "scim/reports/reporter.hpp"

namespace scim::reports {
namespace {

std::string render_html(const conf::RunResult& run) {
  std::ostringstream out;
  make_html_reporter()->write(run, out);
  return out.str();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) ++n;
  return n;
}

TEST(HtmlReporter, ShowsVerdictSummaryAndEveryCheck) {
  const auto html = render_html(testing::sample_run());
  EXPECT_TRUE(contains(html, "<body class=\"verdict-fail\">"));
  EXPECT_TRUE(contains(html, "<div class=\"verdict\" id=\"verdict\">FAIL</div>"));
  EXPECT_TRUE(contains(html, "2 failed, 3 errors"));
  EXPECT_EQ(occurrences(html, "<details class=\"check "), 12u);
  EXPECT_TRUE(contains(html, "<div class=\"tile failed\"><span class=\"count\">2</span>"));
  EXPECT_TRUE(contains(html, "data-section=\"rfc7644.3.4.2.2\">rfc7644 §3.4.2.2</a>"));
  EXPECT_TRUE(contains(html,
                       "<th scope=\"row\">authenticationSchemes</th><td "
                       "class=\"cap-value\">oauthbearertoken</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"cap-yes\">yes (maxResults: 200)</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"cap-no\">no (maxOperations: 0, maxPayloadSize: 0)</td>"));
  EXPECT_TRUE(contains(html, ">endpoint: /Users, name: User; endpoint: /Groups, name: Group</td>"));
  EXPECT_TRUE(contains(html, "<th scope=\"row\">asyncModes</th><td class=\"cap-value\">none</td>"));
  EXPECT_TRUE(contains(render_html(testing::passing_run()), "id=\"verdict\">PASS</div>"));
}

// Issue 13: the page opens with the failures grouped by root cause, most consequential first; the
// summary and the per-section matrix follow.
TEST(HtmlReporter, OpensWithFailuresByRootCause) {
  const auto html = render_html(testing::sample_run());
  const auto causes = html.find("<section id=\"causes\">");
  ASSERT_NE(causes, std::string::npos);
  EXPECT_LT(causes, html.find("<section id=\"summary\">"));
  EXPECT_LT(causes, html.find("<section id=\"coverage\">"));
  EXPECT_EQ(occurrences(html, "<article class=\"cause "), 6u);
  const auto first = html.find("<article class=\"cause failed\" id=\"cause-1\">");
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(html.find("rfc7644/3.4.2.2/unknown-operator-is-invalid-filter", first),
            html.find("id=\"cause-2\""));
  EXPECT_TRUE(contains(html, "<p class=\"affected\">2 checks depend on it</p>"));
  EXPECT_TRUE(contains(html, "<p class=\"binding\">MUST: binds the service provider</p>"));
  EXPECT_TRUE(contains(html,
                       "<a class=\"check-link\" href=\"#check-rfc7644/3.4.2.2/ne-excludes"
                       "-identical-value\">"));
  EXPECT_TRUE(contains(html, "2 checks could not be judged"));
  EXPECT_TRUE(contains(html, "<div class=\"run-notes\">"));
}

TEST(HtmlReporter, FailuresShowRequirementExpectedActualAndExchanges) {
  const auto html = render_html(testing::sample_run());
  EXPECT_TRUE(contains(html, "returns 400 with scimType &quot;invalidFilter&quot;."));
  EXPECT_TRUE(
      contains(html, "<h4>Expected</h4><pre>HTTP 400 with scimType &quot;invalidFilter&quot;"));
  EXPECT_TRUE(
      contains(html, "<h4>Actual</h4><pre>HTTP 200 with a ListResponse of 1 resource</pre>"));
  // JSON bodies are pretty-printed at render time, in the server's member order, and marked for
  // highlighting by report.js.
  EXPECT_TRUE(contains(html,
                       "<pre class=\"body json\">{\n  &quot;schemas&quot;: [\n    "
                       "&quot;urn:ietf:params:scim:api:messages:2.0:ListResponse&quot;"));
  EXPECT_TRUE(contains(html, "Authorization: [redacted]"));
  EXPECT_FALSE(contains(html, testing::kSecretToken));
}

TEST(HtmlReporter, HostileResponseIsEscapedEverywhere) {
  const auto html = render_html(testing::sample_run());
  EXPECT_FALSE(contains(html, testing::kInjectedScript));
  EXPECT_FALSE(contains(html, testing::kInjectedImage));
  EXPECT_FALSE(contains(html, "<b>bold"));
  EXPECT_TRUE(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(contains(html, "&lt;img src=x onerror=alert(2) id=pwned&gt;"));
  // Only our own <script> element, and the injected closing tags stay text.
  EXPECT_EQ(occurrences(html, "<script"), 1u);
  EXPECT_EQ(occurrences(html, "</pre></details>"), 0u);
  EXPECT_EQ(html.find('\x01'), std::string::npos);  // control bytes become U+FFFD
}

TEST(HtmlReporter, IsSelfContainedWithHashPinnedInlineCode) {
  const auto html = render_html(testing::sample_run());
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)=["']?(https?:)?//)")));
  EXPECT_FALSE(contains(html, "<link"));
  EXPECT_TRUE(contains(html, "default-src 'none'"));
  // The CSP hash must match the inline script exactly, or browsers would refuse to run it.
  const auto start = html.find("<script>") + 8;
  const auto script = html.substr(start, html.find("</script>") - start);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  ASSERT_EQ(EVP_Digest(script.data(), script.size(), digest, &length, EVP_sha256(), nullptr), 1);
  unsigned char b64[64];
  const int n = EVP_EncodeBlock(b64, digest, static_cast<int>(length));
  const std::string hash(reinterpret_cast<const char*>(b64), static_cast<std::size_t>(n));
  EXPECT_TRUE(contains(html, "script-src 'sha256-" + hash + "'"));
}

TEST(HtmlReporter, PrintableAndFilterable) {
  const auto html = render_html(testing::sample_run());
  EXPECT_TRUE(contains(html, "@media print"));
  EXPECT_TRUE(contains(html, "<input type=\"search\" id=\"search\""));
  // Failures, errors and warnings start expanded; passed and skipped checks start collapsed.
  // The sample: 2 failed, 3 errors (one of them its own cause, two sharing fixture:User), 2
  // warnings.
  EXPECT_EQ(occurrences(html, "\" open>"), 7u);
}

TEST(HtmlReporter, DeeplyNestedJsonBodyIsShownAsText) {
  auto run = testing::passing_run();
  run.results[0].exchanges[0].response_body = std::string(5000, '[') + std::string(5000, ']');
  const auto html = render_html(run);
  EXPECT_TRUE(contains(html, "<pre class=\"body text\">[[[["));
}

TEST(HtmlTemplate, EscapesByDefaultAndInsertsTrustedFragmentsRaw) {
  EXPECT_EQ(fill_template("<p>{{a}}</p>{{{b}}}", {{"a", "<i>&\"'"}, {"b", "<hr>"}}),
            "<p>&lt;i&gt;&amp;&quot;&#39;</p><hr>");
  EXPECT_THROW(fill_template("{{missing}}", {}), std::logic_error);
  EXPECT_THROW(fill_template("{{open", {}), std::logic_error);
}

}  // namespace
}  // namespace scim::reports
