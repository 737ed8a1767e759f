// LeniencyLog: gate and record named leniencies (docs/lenient.md).
#include "scim/server/engine/lenient/lenient.hpp"

namespace scim::engine {

bool LeniencyLog::allow(std::string_view name) {
  if (!lenient_) return false;
  used_.emplace(name);
  return true;
}

void LeniencyLog::observe(std::string_view name) {
  if (lenient_) used_.emplace(name);
}

}  // namespace scim::engine
