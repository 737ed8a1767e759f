// Case-folded substring search over a record's stored bytes, for the scan pre-check of
// Query::must_contain: a record whose bytes do not contain the needle cannot match the filter,
// and is skipped without being decoded. CBOR (RFC 8949 §3.1, major type 3) keeps each text
// string's UTF-8 bytes verbatim, so a value containing the needle leaves it in the bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "scim/server/store/resource_store.hpp"

namespace scim::store {

// Boyer-Moore-Horspool over ASCII-folded bytes (the folding of RFC 7643 §2.1 that the filter
// engine applies to caseExact=false strings): found_in is true when the haystack, ASCII
// lower-cased, contains the needle, ASCII lower-cased. Sub-linear on average in the haystack.
class FoldedSearcher {
 public:
  explicit FoldedSearcher(std::string_view needle);
  bool found_in(std::span<const std::uint8_t> hay) const;
  std::string_view needle() const { return needle_; }

 private:
  std::string needle_;                 // folded
  std::array<std::size_t, 256> skip_;  // Horspool shift for each folded byte
};

}  // namespace scim::store
