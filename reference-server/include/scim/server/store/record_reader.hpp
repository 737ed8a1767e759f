// Reading a stored record (record_codec.hpp) in place: its CBOR (RFC 8949) items are decoded by
// libcbor's streaming decoder, which hands out each string as a pointer into the bytes, and are
// reported as events with views instead of strings. nlohmann's reader builds a std::string of
// every key and value a byte at a time (docs/performance.md, item 17); this reads a record with
// no allocation of its own beyond a small stack of open containers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace scim::store {

// The events of one record, in document order. Every view is valid during the call only. Each
// returns false to stop the walk.
class RecordVisitor {
 public:
  virtual ~RecordVisitor() = default;
  virtual bool null() = 0;
  virtual bool boolean(bool value) = 0;
  virtual bool number_integer(std::int64_t value) = 0;  // negative integers (RFC 8949 major 1)
  virtual bool number_unsigned(std::uint64_t value) = 0;
  virtual bool number_float(double value) = 0;
  virtual bool string(std::string_view value) = 0;
  // An object's member name, expanded to its full text (record_codec.hpp codes known names), and
  // its code when it was stored coded (name == coded_name(code)), else 0.
  virtual bool key(std::string_view name, std::uint8_t code) = 0;
  virtual bool start_object(std::size_t members) = 0;
  virtual bool end_object() = 0;
  virtual bool start_array(std::size_t elements) = 0;
  virtual bool end_array() = 0;
};

// Reports the items of `bytes` to `visitor`, with the member names and the URNs of the top-level
// "schemas" expanded: the events nlohmann's SAX parse of the decoded resource's CBOR would give.
// False when the visitor stopped the walk, or when the bytes are not one whole item of what
// encode_record writes (definite-length maps with text keys, arrays, text strings, integers,
// floats, booleans and null): truncated or trailing bytes, a map key that is not text, a
// container longer than the bytes left, byte strings, tags, indefinite lengths, undefined. The
// walk never reads outside `bytes`, and its stack of open containers is bounded by their size.
bool walk_record(std::span<const std::uint8_t> bytes, RecordVisitor& visitor);

}  // namespace scim::store
