// Shared by the fuzz targets: the libFuzzer entry point's signature, the input as text, and the
// fixtures the targets run against (the RFC 7643 registry, an RFC 7643 §8.2-shaped User, a whole
// reference server built from its default configuration). Built with clang's libFuzzer in the
// `fuzz` preset, and with replay_main.cpp everywhere else, so the checked-in inputs run as tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "scim/protocol/resource_type.hpp"

namespace scim::app {
class ReferenceServer;
}

namespace scim::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

const Registry& registry();
const ResourceType& user_type();
const ResourceType& group_type();
// A full User after RFC 7643 §8.2 (names, emails, addresses, phone numbers, groups, enterprise).
const nlohmann::json& sample_user();

// A reference server built from the default configuration and never started: its middleware
// chain answers requests without sockets. Rebuilt every `kRequestsPerServer` calls so that what
// fuzzed requests store cannot grow without bound over a long run.
app::ReferenceServer& reference_server();

}  // namespace scim::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
