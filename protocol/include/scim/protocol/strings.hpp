// Case-insensitive helpers: SCIM attribute names, URNs and operators compare without case
// (RFC 7643 §2.1, RFC 7644 §3.4.2.2). ASCII folding only, as the grammar is ASCII.
#pragma once

#include <string>
#include <string_view>

namespace scim {

bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);
std::string to_lower(std::string_view text);
std::string to_upper(std::string_view text);  // HTTP methods (tokens, RFC 9110 §9.1)

// Transparent hash/equality for case-insensitive unordered containers.
struct IHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const;
};
struct IEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return iequals(a, b); }
};

}  // namespace scim
