// Dash-free v4 UUIDs: the shared generator's output with the separators removed.
#include "scim/server/events/ids.hpp"

#include <algorithm>

#include "scim/protocol/uuid.hpp"

namespace scim::events {

std::string random_hex_id() {
  std::string id = new_uuid_v4();
  id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
  return id;
}

}  // namespace scim::events
