// xsd:dateTime timestamps as SCIM uses them (RFC 7643 §2.3.5, "meta.created"/"lastModified"):
// formatting in UTC with millisecond precision, and parsing to epoch milliseconds so that the
// lastModified index orders instants rather than spellings ("...34Z" and "...34.000Z" are equal).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scim::store {

// "2026-11-23T15:01:16.123Z"
std::string format_timestamp(std::chrono::system_clock::time_point t);
// The same text through gmtime_r and snprintf: format_timestamp's spelling for years outside
// 0000-9999, and its tests' reference.
std::string format_timestamp_printf(std::chrono::system_clock::time_point t);
std::int64_t to_epoch_ms(std::chrono::system_clock::time_point t);
// Accepts "YYYY-MM-DDTHH:MM:SS", optional fraction, and "Z" or "+HH:MM"/"-HH:MM"; nullopt
// otherwise.
std::optional<std::int64_t> parse_timestamp_ms(std::string_view text);

}  // namespace scim::store
