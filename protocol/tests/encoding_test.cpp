// Base64 / base64url (RFC 4648): the §10 test vectors, both alphabets, and strict rejection.
#include "scim/protocol/encoding.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace scim {
namespace {

// RFC 4648 §10.
const std::vector<std::pair<std::string, std::string>> kVectors = {{"", ""},
                                                                   {"f", "Zg=="},
                                                                   {"fo", "Zm8="},
                                                                   {"foo", "Zm9v"},
                                                                   {"foob", "Zm9vYg=="},
                                                                   {"fooba", "Zm9vYmE="},
                                                                   {"foobar", "Zm9vYmFy"}};

TEST(Base64, Rfc4648Section10Vectors) {
  for (const auto& [plain, encoded] : kVectors) {
    EXPECT_EQ(base64_encode(plain), encoded) << plain;
    EXPECT_EQ(base64_decode(encoded), plain) << encoded;
  }
}

TEST(Base64Url, Rfc4648Section10VectorsWithoutPadding) {
  for (const auto& [plain, encoded] : kVectors) {
    std::string unpadded = encoded.substr(0, encoded.find('='));
    EXPECT_EQ(base64url_encode(plain), unpadded) << plain;
    EXPECT_EQ(base64url_decode(unpadded), plain) << unpadded;
  }
}

TEST(Base64Url, UsesTheUrlSafeAlphabet) {
  const std::string bytes("\xfb\xff\xbf", 3);
  EXPECT_EQ(base64_encode(bytes), "+/+/");
  EXPECT_EQ(base64url_encode(bytes), "-_-_");
  EXPECT_EQ(base64url_decode("-_-_"), bytes);
  EXPECT_EQ(base64_decode("+/+/"), bytes);
}

TEST(Base64Url, Rfc8417Figure6HeaderEncoding) {
  // RFC 8417 §2.4: {"typ":"secevent+jwt","alg":"none"} encodes to this exact text.
  EXPECT_EQ(base64url_encode(R"({"typ":"secevent+jwt","alg":"none"})"),
            "eyJ0eXAiOiJzZWNldmVudCtqd3QiLCJhbGciOiJub25lIn0");
}

TEST(Base64, Rfc7617BasicCredentials) {
  EXPECT_EQ(base64_encode("Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");  // §2
  EXPECT_EQ(base64_decode("QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), "Aladdin:open sesame");
}

TEST(Base64, RoundTripsEveryLengthAndByte) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes) << "length " << i;
    EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes) << "length " << i;
    bytes.push_back(static_cast<char>(255 - i));
  }
}

TEST(Base64, RejectsInvalidInput) {
  EXPECT_FALSE(base64_decode("Zm9"));       // not a multiple of 4
  EXPECT_FALSE(base64_decode("Zm9vY"));     // not a multiple of 4
  EXPECT_FALSE(base64_decode("Zm9v!mFy"));  // outside the alphabet
  EXPECT_FALSE(base64_decode("Zm9v-_8="));  // base64url characters
  EXPECT_FALSE(base64_decode("Zm=v"));      // padding inside a quantum
  EXPECT_FALSE(base64_decode("Zg==Zm9v"));  // padding before the end
  EXPECT_FALSE(base64_decode("Z==="));      // at most two padding characters
  EXPECT_FALSE(base64_decode(" Zm9v"));     // whitespace, which OpenSSL would skip
  EXPECT_FALSE(base64_decode("Zm9v\n"));    // line breaks
  EXPECT_FALSE(base64_decode(std::string("Zm\0v", 4)));
}

TEST(Base64Url, RejectsInvalidInput) {
  EXPECT_FALSE(base64url_decode("Zm9v+g"));  // standard alphabet
  EXPECT_FALSE(base64url_decode("Zm9v/g"));
  EXPECT_FALSE(base64url_decode("Zm9vYg=="));  // padding is not part of unpadded base64url
  EXPECT_FALSE(base64url_decode("Zm9vY"));     // remainder 1 cannot encode whole bytes
  EXPECT_FALSE(base64url_decode("Zm9v!g"));
  EXPECT_FALSE(base64url_decode("Zm 9v"));
}

}  // namespace
}  // namespace scim
