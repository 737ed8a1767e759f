// Cursor tokens (RFC 9865 §2, §5.2): round trip, unreserved characters only, unreadable, and
// every kind of tampering answered with 400 invalidCursor.
#include "scim/server/engine/query/cursor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "scim/protocol/encoding.hpp"
#include "scim/protocol/error.hpp"

namespace scim::engine {
namespace {

const std::string kKey(32, 'k');
const std::string kBinding = R"(["acme","User","userName sw \"J\""])";

CursorState sample() {
  CursorState s;
  s.backward = true;
  s.inclusive = true;
  s.anchor = {nlohmann::json("Jensen"), 2, 123456789};
  s.count = 10;
  s.issued_at = 1'780'000'000;
  return s;
}

void expect_invalid(const Result<CursorState>& r) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 400);
  EXPECT_EQ(r.error().scim_type, ScimType::InvalidCursor);
}

TEST(CursorToken, RoundTripsEveryField) {
  auto opened = open_cursor(kKey, kBinding, seal_cursor(kKey, kBinding, sample()));
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE(opened->backward);
  EXPECT_TRUE(opened->inclusive);
  EXPECT_EQ(opened->anchor.sort_value, "Jensen");
  EXPECT_EQ(opened->anchor.type_index, 2u);
  EXPECT_EQ(opened->anchor.seq, 123456789u);
  EXPECT_EQ(opened->count, 10);
  EXPECT_EQ(opened->issued_at, 1'780'000'000);
}

TEST(CursorToken, WithoutCountOrSortValue) {
  CursorState s;
  s.anchor.seq = 7;
  auto opened = open_cursor(kKey, kBinding, seal_cursor(kKey, kBinding, s));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->count, std::nullopt);
  EXPECT_TRUE(opened->anchor.sort_value.is_null());
}

// RFC 9865 §2: "This value may only contain characters from the unreserved characters set
// defined in section 2.3 of [RFC3986]".
TEST(CursorToken, Rfc9865_2_UsesOnlyUnreservedCharacters) {
  const auto token = seal_cursor(kKey, kBinding, sample());
  EXPECT_FALSE(token.empty());
  EXPECT_TRUE(std::all_of(token.begin(), token.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
           c == '~';
  })) << token;
}

// RFC 9865 §5.2: "Server providers should obfuscate cursors values to prevent clients from
// interpreting cursors". The sort value inside is not visible in the decoded bytes.
TEST(CursorToken, Rfc9865_5_2_CannotBeRead) {
  const auto raw = base64url_decode(seal_cursor(kKey, kBinding, sample()));
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->find("Jensen"), std::string::npos);
  // A fresh IV per token: the same state never gives the same token twice.
  EXPECT_NE(seal_cursor(kKey, kBinding, sample()), seal_cursor(kKey, kBinding, sample()));
}

// RFC 9865 §5.2: "Service providers should be able to easily detect forged cursor values and
// immediately return an invalidCursor".
TEST(CursorToken, Rfc9865_5_2_ForgedOrAlteredTokensAreInvalidCursor) {
  const auto token = seal_cursor(kKey, kBinding, sample());
  auto raw = *base64url_decode(token);
  for (std::size_t i : {std::size_t{0}, std::size_t{17}, raw.size() - 1}) {
    std::string flipped = raw;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
    expect_invalid(open_cursor(kKey, kBinding, base64url_encode(flipped)));
  }
  expect_invalid(open_cursor(kKey, kBinding, "VZUTiyhEQJ94IR"));  // the RFC's example value
  expect_invalid(open_cursor(kKey, kBinding, "not base64url!"));
  expect_invalid(open_cursor(kKey, kBinding, token.substr(0, token.size() - 4)));
  expect_invalid(open_cursor(kKey, kBinding, std::string(kMaxCursorLength + 1, 'A')));
}

TEST(CursorToken, AnotherKeyOrBindingIsInvalidCursor) {
  const auto token = seal_cursor(kKey, kBinding, sample());
  expect_invalid(open_cursor(std::string(32, 'x'), kBinding, token));
  expect_invalid(open_cursor(kKey, R"(["other","User","userName sw \"J\""])", token));
  expect_invalid(open_cursor(kKey, "", token));
}

TEST(CursorToken, RandomKeysDiffer) {
  const auto a = random_cursor_key();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, random_cursor_key());
}

}  // namespace
}  // namespace scim::engine
