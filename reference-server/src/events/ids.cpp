// Dash-free v4 UUIDs: the shared generator's output with the separators removed.
#include "scim/server/events/ids.hpp"

#include <algorithm>

#include "scim/protocol/uuid.hpp"

namespace scim::events {

namespace {

std::string without_dashes(std::string id) {
  id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
  return id;
}

}  // namespace

std::string random_hex_id() {
  return without_dashes(new_uuid_v4());
}

std::string random_hex_id(UuidPool& pool) {
  return without_dashes(pool.next());
}

}  // namespace scim::events
