// Completing the bodies the runner POSTs with what the target's schemas mark "required" (RFC 7643
// §7). RFC 7643 requires only userName of a User (§4.1.1) and displayName of a Group (§4.2), but
// a provider may require more and says so in /Schemas (§8.7.1: "service providers MAY ...
// require"): one real server requires "active". Each missing required attribute gets a valid
// value of its type: the first canonical value where the schema lists some, a unique string
// (values may have to be unique), true, 1, a dateTime, base64, an external URL. What cannot be
// invented (a reference to another resource) is reported, once per run, as unsatisfied.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/capabilities.hpp"

namespace scim::conf {

struct FixtureFill {
  nlohmann::json body;
  // "User.manager.value: a required reference to a User resource cannot be invented"
  std::vector<std::string> unsatisfied;
  // Attributes that were added ("User.active"), for the run's notes.
  std::vector<std::string> added;
};

// A fresh unique string for an attribute (the run's fixture prefix plus a counter).
using UniqueValue = std::function<std::string(std::string_view hint)>;

// `body` with every required, writable attribute of resource type `type` that it lacks filled in,
// in the core schema, in required extensions and in extensions the body already uses; required
// sub-attributes are filled inside complex values the body already carries. Paths listed in
// `omit` ("userName", "name.familyName") are left out, for checks about missing attributes.
FixtureFill fill_required(const Capabilities& caps, std::string_view type, nlohmann::json body,
                          const UniqueValue& unique, const std::vector<std::string>& omit = {});

}  // namespace scim::conf
