// Base64url (RFC 7515 §2, RFC 4648 §10 test vectors) and v4 UUID shape (RFC 4122 §4.4).
#include "events/base64url.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "events/ids.hpp"

namespace scim::events {
namespace {

TEST(Base64url, Rfc4648Section10VectorsWithoutPadding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64url, UsesUrlSafeAlphabet) {
  const std::string bytes("\xfb\xff\xbf", 3);  // "+/+/" in the standard alphabet
  EXPECT_EQ(base64url_encode(bytes), "-_-_");
  EXPECT_EQ(base64url_decode("-_-_"), bytes);
}

TEST(Base64url, Rfc8417Figure6HeaderEncoding) {
  // RFC 8417 §2.4: {"typ":"secevent+jwt","alg":"none"} encodes to this exact text.
  EXPECT_EQ(base64url_encode(R"({"typ":"secevent+jwt","alg":"none"})"),
            "eyJ0eXAiOiJzZWNldmVudCtqd3QiLCJhbGciOiJub25lIn0");
}

TEST(Base64url, RoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 70; ++i) {
    EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes) << "length " << i;
    bytes.push_back(static_cast<char>(i * 37));
  }
}

TEST(Base64url, RejectsForeignCharactersAndImpossibleLengths) {
  EXPECT_FALSE(base64url_decode("Zm9v+g"));
  EXPECT_FALSE(base64url_decode("Zm9v/g"));
  EXPECT_FALSE(base64url_decode("Zm9vYg=="));
  EXPECT_FALSE(base64url_decode("Zm9vY"));  // 5 chars: remainder 1 cannot encode whole bytes
  EXPECT_FALSE(base64url_decode("Zm9v!g"));
}

TEST(Ids, UuidV4HasVersionAndVariantBits) {
  const std::regex shape("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto id = uuid_v4();
    EXPECT_TRUE(std::regex_match(id, shape)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_TRUE(std::regex_match(random_hex_id(), std::regex("^[0-9a-f]{12}4[0-9a-f]{19}$")));
}

}  // namespace
}  // namespace scim::events
