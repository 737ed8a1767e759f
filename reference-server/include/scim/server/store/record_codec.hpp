// The compact stored form of a resource. A parsed nlohmann::json object costs several times its
// text size in heap nodes; CBOR (RFC 8949) bytes cost about its text size, which is what makes a
// million users practical in memory (numbers in docs/store.md and docs/performance.md). The
// attribute names of RFC 7643's schemas, a third of a typical user's bytes, are stored as
// three-byte codes; every string value stays verbatim (RFC 8949 §3.1, major type 3), which the
// scan pre-check (folded_search.hpp) relies on. Decoding is paid on every read.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace scim::store {

// Written from the resource as it is, without a copy with the stored names (record_codec.cpp,
// RecordWriter). Throws std::invalid_argument for a binary value, which no resource holds.
std::vector<std::uint8_t> encode_record(const nlohmann::json& resource);
// The same bytes, written into `out` (cleared first) so that a writer can reuse one buffer.
void encode_record_into(const nlohmann::json& resource, std::vector<std::uint8_t>& out);
// The bytes always come from encode_record, so a decoding failure is a bug (it throws). Read with
// walk_record (record_reader.hpp).
nlohmann::json decode_record(std::span<const std::uint8_t> bytes);
// Reads the bytes as SAX events, with every key and top-level "schemas" URN in its full text:
// the events a parse of the decoded resource's CBOR would give. False when `sax` stopped the
// walk or the bytes are malformed (walk_record); parse_error is never called.
bool visit_record(std::span<const std::uint8_t> bytes, nlohmann::json_sax<nlohmann::json>& sax);
// The full text of a stored key or top-level "schemas" URN: a view of the names table for a
// coded one, else of `stored` itself (without the escape of a name that began with the code).
std::string_view expanded_name(std::string_view stored);
// The code of a stored key or top-level "schemas" URN: 1 to name_codes() for a coded name (whose
// full text is coded_name(code), as expanded_name gives it), 0 for a name stored as text. Lets a
// reader look a name up by an index instead of by its text (resource_text.cpp, CodedNames).
std::uint8_t name_code(std::string_view stored);
// The highest code.
std::uint8_t name_codes();
// The full text of a code from 1 to name_codes(); empty for any other.
std::string_view coded_name(std::uint8_t code);

}  // namespace scim::store
