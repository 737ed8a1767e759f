// CBOR encoding of stored resources (see record_codec.hpp for why).
#include "scim/server/store/record_codec.hpp"

namespace scim::store {

std::vector<std::uint8_t> encode_record(const nlohmann::json& resource) {
  auto bytes = nlohmann::json::to_cbor(resource);
  bytes.shrink_to_fit();
  return bytes;
}

nlohmann::json decode_record(const std::vector<std::uint8_t>& bytes) {
  return nlohmann::json::from_cbor(bytes);
}

}  // namespace scim::store
