// Fuzz target: what the conformance runner reads from a target it does not trust. The first
// byte picks the parser: 'S' a Security Event Token in JWS compact serialization (RFC 7515 §7.1,
// RFC 8417: decoded, HS256-verified); 'D' discovery documents (RFC 7644 §4): up to three JSON
// texts separated by a line "---" (ServiceProviderConfig, ResourceTypes, Schemas) turned into
// Capabilities; anything else: an HTTP response body read with the runner's JSON limits.
#include "fuzz_support.hpp"
#include "scim/conformance/core/discovery.hpp"
#include "scim/conformance/json_limits.hpp"
#include "scim/conformance/set_token.hpp"

namespace {

void discovery(std::string_view text) {
  nlohmann::json docs[3];
  for (auto& doc : docs) {
    const auto cut = text.find("\n---\n");
    doc = scim::conf::parse_json_limited(text.substr(0, cut)).value_or(nlohmann::json());
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 5);
  }
  (void)scim::conf::capabilities_from(docs[0], docs[1], docs[2]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto text = scim::fuzz::as_text(data + 1, size - 1);
  if (data[0] == 'S') {
    if (auto set = scim::conf::decode_set(text)) (void)set->claims.dump();
    (void)scim::conf::verify_hs256(text, "fuzz-key");
  } else if (data[0] == 'D') {
    discovery(text);
  } else {
    (void)scim::conf::parse_json_limited(text);
  }
  return 0;
}
