// Text hygiene: UTF-8 repair (RFC 3629), XML 1.0 character filtering, clipping.
#include "scim/reports/text.hpp"

#include <gtest/gtest.h>

#include "scim/reports/transcript.hpp"

namespace scim::reports {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(ValidUtf8, KeepsValidAndReplacesInvalidSequences) {
  EXPECT_EQ(valid_utf8("Bj\xC3\xB8rn \xF0\x9F\x98\x80"), "Bj\xC3\xB8rn \xF0\x9F\x98\x80");
  EXPECT_EQ(valid_utf8("a\xFF"
                       "b"),
            "a" + kFffd + "b");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), kFffd + kFffd);              // overlong '/'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // UTF-16 surrogate
  EXPECT_EQ(valid_utf8("\xE2\x82"), kFffd + kFffd);              // truncated
}

TEST(XmlSafe, ReplacesControlCharactersXmlForbids) {
  EXPECT_EQ(xml_safe("a\tb\nc\rd"), "a\tb\nc\rd");
  EXPECT_EQ(xml_safe(std::string("a\x00"
                                 "b\x1F",
                                 4)),
            "a" + kFffd + "b" + kFffd);
  EXPECT_EQ(xml_safe("\xEF\xBF\xBE"), kFffd);  // U+FFFE
}

TEST(Clip, CutsOnCharacterBoundaryAndSaysSo) {
  EXPECT_EQ(clip("short", 10), "short");
  EXPECT_EQ(clip("abc\xC3\xB8xyz", 4), "abc\n[... 5 more bytes not shown]");
}

TEST(Transcript, ListsRequestResponseAndTransportErrors) {
  conf::CheckResult r;
  conf::Exchange e;
  e.method = "DELETE";
  e.url = "http://h/scim/v2/Users/1";
  e.request_headers = {{"PROXY-AUTHORIZATION", "Basic dXNlcjpwYXNz"}};
  e.transport_error = "timeout";
  r.exchanges = {e};
  EXPECT_EQ(render_transcript(r),
            "> DELETE http://h/scim/v2/Users/1\n> PROXY-AUTHORIZATION: [redacted]\n"
            "! transport error: timeout\n(0 ms)\n");
}

}  // namespace
}  // namespace scim::reports
