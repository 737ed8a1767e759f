// The ASCII case helpers of scim/protocol/strings.hpp: what std::tolower and std::toupper give in
// the "C" locale, byte for byte, and nothing outside A-Z / a-z changes.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "scim/protocol/strings.hpp"

namespace scim {
namespace {

std::string every_byte() {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  return all;
}

TEST(AsciiCase, ToUpperAndToLowerAreTheCLocalesOnEveryByte) {
  const std::string all = every_byte();
  const std::string upper = to_upper(all);
  const std::string lower = to_lower(all);
  ASSERT_EQ(upper.size(), all.size());
  ASSERT_EQ(lower.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto c = static_cast<unsigned char>(all[i]);
    EXPECT_EQ(static_cast<unsigned char>(upper[i]), std::toupper(c)) << "byte " << i;
    EXPECT_EQ(static_cast<unsigned char>(lower[i]), std::tolower(c)) << "byte " << i;
  }
}

TEST(AsciiCase, HttpMethods) {
  EXPECT_EQ(to_upper("patch"), "PATCH");
  EXPECT_EQ(to_upper("Delete"), "DELETE");
  EXPECT_EQ(to_upper(""), "");
}

}  // namespace
}  // namespace scim
