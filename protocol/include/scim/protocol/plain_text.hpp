// Text that nlohmann's serializer writes as it is between quotes (RFC 8259 §7; ensure_ascii off):
// printable ASCII but '"' and '\\'. It escapes control characters and checks bytes from 0x7F up as
// UTF-8 (replacing invalid sequences), so strings holding those go through it. The default-view
// writer (the reference server's endpoints/resource_text.cpp) and the access log
// (observe/server_log.cpp) copy plain text themselves; these check it eight bytes at a time.
//
// Each test of has_special_byte is exact for "some byte of the word is ..." (a borrow or carry can
// only spread from a byte that is itself caught), so a word may hold bytes checked already: the
// bytes after the last whole word are checked in the word that ends with them, and a string of
// four to seven bytes as its first four and its last four.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace scim::plain_text {

inline bool has_special_byte(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  const std::uint64_t quote = w ^ (kOnes * '"');
  const std::uint64_t backslash = w ^ (kOnes * '\\');
  const std::uint64_t control = (w - kOnes * 0x20) & ~w;       // a byte below 0x20
  const std::uint64_t high = (w + kOnes * (0x7F - 0x7E)) | w;  // a byte above 0x7E
  const std::uint64_t quotes = (quote - kOnes) & ~quote;       // a '"' (a zero byte of `quote`)
  const std::uint64_t backslashes = (backslash - kOnes) & ~backslash;
  return ((control | high | quotes | backslashes) & kHigh) != 0;
}

inline bool is_special_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b < 0x20 || b > 0x7E || b == '"' || b == '\\';
}

template <class Word>
Word load(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

template <class Word>
void store(char* p, Word w) {
  std::memcpy(p, &w, sizeof w);
}

// Whether `s` is plain text.
inline bool is_plain(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n >= 8) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      if (has_special_byte(load<std::uint64_t>(p + i))) return false;
    }
    return i == n || !has_special_byte(load<std::uint64_t>(p + n - 8));
  }
  if (n >= 4) {
    return !has_special_byte(load<std::uint32_t>(p) | std::uint64_t{load<std::uint32_t>(p + n - 4)}
                                                          << 32);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (is_special_byte(p[i])) return false;
  }
  return true;
}

// Copies the `n` bytes of `from` to `to`, word by word, when they are plain text (every word
// checked unless `known_plain`); false, with `to` partly written, when they are not.
inline bool copy_plain(const char* from, std::size_t n, char* to, bool known_plain) {
  if (n >= 8) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      const auto w = load<std::uint64_t>(from + i);
      if (!known_plain && has_special_byte(w)) return false;
      store(to + i, w);
    }
    if (i == n) return true;
    const auto last = load<std::uint64_t>(from + n - 8);
    if (!known_plain && has_special_byte(last)) return false;
    store(to + n - 8, last);
    return true;
  }
  if (n >= 4) {
    const auto first = load<std::uint32_t>(from);
    const auto last = load<std::uint32_t>(from + n - 4);
    if (!known_plain && has_special_byte(first | std::uint64_t{last} << 32)) return false;
    store(to, first);
    store(to + n - 4, last);
    return true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!known_plain && is_special_byte(from[i])) return false;
    to[i] = from[i];
  }
  return true;
}

}  // namespace scim::plain_text
