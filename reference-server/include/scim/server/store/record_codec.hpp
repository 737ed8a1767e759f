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
#include <vector>

namespace scim::store {

std::vector<std::uint8_t> encode_record(const nlohmann::json& resource);
// The bytes always come from encode_record, so a decoding failure is a bug (it throws).
nlohmann::json decode_record(std::span<const std::uint8_t> bytes);

}  // namespace scim::store
