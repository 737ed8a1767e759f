// UTF-8 validation, XML 1.0 character filtering and size clipping (see text.hpp).
#include "scim/reports/text.hpp"

#include <cstdint>

namespace scim::reports {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence starting at `i` (RFC 3629 §4 table), 0 when invalid.
// Stores the decoded code point so callers can filter characters.
std::size_t sequence_length(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlongs
    if (b0 == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(k);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

bool xml_allowed(std::uint32_t cp) {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  return cp != 0xFFFE && cp != 0xFFFF;
}

template <typename Keep>
std::string sanitize(std::string_view text, Keep keep) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t cp = 0;
    const auto len = sequence_length(text, i, cp);
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (keep(cp)) {
      out.append(text.substr(i, len));
    } else {
      out += kReplacement;
    }
    i += len;
  }
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  return sanitize(text, [](std::uint32_t) { return true; });
}

std::string xml_safe(std::string_view text) {
  return sanitize(text, xml_allowed);
}

std::string clip(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return valid_utf8(text);
  std::size_t cut = limit;
  // Step back over continuation bytes so the kept prefix ends on a character boundary.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  auto out = valid_utf8(text.substr(0, cut));
  out += "\n[... " + std::to_string(text.size() - cut) + " more bytes not shown]";
  return out;
}

}  // namespace scim::reports
