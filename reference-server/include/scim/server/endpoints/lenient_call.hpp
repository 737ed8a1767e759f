// Lenient mode with some leniencies switched off (ServiceConfig::lenient_off, a tenant's runtime
// setting, docs/mock.md): the engine's pre-pass is all or nothing (engine/lenient), so a request
// runs lenient first and, when it needed a leniency that is switched off, again in strict mode.
// The request is then answered exactly as a strict server answers it — never half lenient.
#pragma once

#include <algorithm>
#include <utility>

#include "scim/server/endpoints/service_config.hpp"
#include "scim/server/engine/lenient/lenient.hpp"

namespace scim::server {

// Whether `config` lets a request use every leniency in `used`.
inline bool leniencies_allowed(const ServiceConfig& config, const std::vector<std::string>& used) {
  return std::none_of(used.begin(), used.end(), [&](const std::string& name) {
    return std::find(config.lenient_off.begin(), config.lenient_off.end(), name) !=
           config.lenient_off.end();
  });
}

// `call(mode)` returns a Result of a front-door value with `leniencies_used` (lenient.hpp).
template <class Call>
auto lenient_call(const ServiceConfig& config, Call&& call) {
  auto result = call(engine::lenient::mode_for(config.lenient));
  if (!config.lenient || config.lenient_off.empty() || !result) return result;
  if (leniencies_allowed(config, result->leniencies_used)) return result;
  return call(engine::lenient::Mode::Strict);
}

}  // namespace scim::server
