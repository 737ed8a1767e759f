// FoldedSearcher: ASCII-folded substring search over stored bytes (the scan pre-check).
#include "scim/server/store/folded_search.hpp"

#include <gtest/gtest.h>

#include <string>

namespace scim::store {
namespace {

bool found(std::string_view needle, std::string_view hay) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(hay.data());
  return FoldedSearcher(needle).found_in(std::span<const std::uint8_t>(p, hay.size()));
}

TEST(FoldedSearcher, FindsTheNeedleWhateverTheAsciiCaseOfEitherSide) {
  EXPECT_TRUE(found("Jensen", "bjensen@example.com"));
  EXPECT_TRUE(found("jensen", "BJENSEN@EXAMPLE.COM"));
  EXPECT_TRUE(found("@example.com", "bjensen@Example.Com"));
  EXPECT_TRUE(found("b", "b"));
  EXPECT_TRUE(found("", "anything"));
}

TEST(FoldedSearcher, MissesWhatIsNotThere) {
  EXPECT_FALSE(found("jensen", "jense"));
  EXPECT_FALSE(found("jensen", "jensxn jense"));  // near misses only
  EXPECT_TRUE(found("jensen", "jensxn jensen"));  // a near miss, then the real one
  EXPECT_FALSE(found("x", ""));
  // Folding is ASCII only, as in the filter engine: no Unicode case mapping.
  EXPECT_FALSE(found("\xc3\xa9", "\xc3\x89"));  // é vs É
}

TEST(FoldedSearcher, FindsAtEveryPositionAndWithRepeatedPrefixes) {
  const std::string hay = "aaaaabaaaab";
  EXPECT_TRUE(found("aaaab", hay));
  EXPECT_TRUE(found("baaaab", hay));
  EXPECT_FALSE(found("aaaaaa", hay));
  const std::string text = "0123456789";
  for (std::size_t at = 0; at < text.size(); ++at) {
    for (std::size_t len = 1; at + len <= text.size(); ++len) {
      EXPECT_TRUE(found(text.substr(at, len), text)) << at << "+" << len;
    }
  }
}

}  // namespace
}  // namespace scim::store
