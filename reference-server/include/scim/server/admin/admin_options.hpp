// Options of the control plane (docs/mock.md): the request journal's bounds and its JSON-lines
// file, and the limits of what the admin API accepts. The admin tokens themselves are
// credentials, kept with the others in http::AuthOptions::admin_tokens. Filled by app/ from
// --journal-size, --journal-file, ... and the config file's "admin" section.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "scim/server/admin/control_plane.hpp"
#include "scim/server/admin/faults.hpp"
#include "scim/server/admin/journal.hpp"
#include "scim/server/admin/journal_file.hpp"

namespace scim::admin {

struct AdminOptions {
  JournalLimits journal;
  JournalFileOptions journal_file;  // path "" = no file
  ControlPlaneLimits limits;
  FaultLimits fault_limits;
  // Faults from the config file ("admin.faults"): each a fault object (faults.hpp) with a
  // "tenant" member (default "default"); checked when the server is built.
  std::vector<nlohmann::json> faults;
  std::optional<std::uint64_t> fault_seed;  // "admin.faultSeed": the config faults' seed
};

}  // namespace scim::admin
