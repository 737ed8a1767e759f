// Folded Boyer-Moore-Horspool (see folded_search.hpp).
#include "scim/server/store/folded_search.hpp"

namespace scim::store {
namespace {

constexpr std::uint8_t fold(std::uint8_t c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<std::uint8_t>(c - 'A' + 'a') : c;
}

}  // namespace

FoldedSearcher::FoldedSearcher(std::string_view needle) : needle_(needle) {
  for (char& c : needle_) c = static_cast<char>(fold(static_cast<std::uint8_t>(c)));
  const std::size_t m = needle_.size();
  skip_.fill(m == 0 ? 1 : m);
  for (std::size_t i = 0; i + 1 < m; ++i) {
    skip_[static_cast<std::uint8_t>(needle_[i])] = m - 1 - i;
  }
}

bool FoldedSearcher::found_in(std::span<const std::uint8_t> hay) const {
  const std::size_t m = needle_.size();
  if (m == 0) return true;
  if (hay.size() < m) return false;
  const auto* n = reinterpret_cast<const std::uint8_t*>(needle_.data());
  const std::uint8_t last = n[m - 1];
  for (std::size_t at = 0; at + m <= hay.size();) {
    const std::uint8_t c = fold(hay[at + m - 1]);
    if (c == last) {
      std::size_t i = 0;
      while (i + 1 < m && fold(hay[at + i]) == n[i]) ++i;
      if (i + 1 == m) return true;
    }
    at += skip_[c];
  }
  return false;
}

}  // namespace scim::store
