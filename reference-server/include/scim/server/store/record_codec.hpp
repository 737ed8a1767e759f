// The compact stored form of a resource. A parsed nlohmann::json object costs several times its
// text size in heap nodes; CBOR (RFC 8949) bytes cost about its text size, which is what makes a
// million users practical in memory (numbers in docs/store.md). Decoding is paid on every read.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace scim::store {

std::vector<std::uint8_t> encode_record(const nlohmann::json& resource);
// The bytes always come from encode_record, so a decoding failure is a bug (it throws).
nlohmann::json decode_record(const std::vector<std::uint8_t>& bytes);

}  // namespace scim::store
