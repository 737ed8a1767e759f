// The control plane's fault operations (see control_plane.hpp, faults.hpp): each checks the
// tenant, parses every fault before changing anything, and audits the change.
#include "scim/protocol/error.hpp"
#include "scim/server/admin/control_plane.hpp"
#include "scim/server/admin/json_number.hpp"

namespace scim::admin {

using json = nlohmann::json;

Result<json> ControlPlane::list_faults(const std::string& name) const {
  if (auto st = known(name); !st) return st.error();
  auto set = parts_.faults.tenant(name, false);
  return set ? set->to_json() : json{{"seed", nullptr}, {"faults", json::array()}};
}

Result<json> ControlPlane::get_fault(const std::string& name, const std::string& id) const {
  if (auto st = known(name); !st) return st.error();
  auto set = parts_.faults.tenant(name, false);
  auto found = set ? set->find_json(id) : std::nullopt;
  if (!found) return not_found("fault \"" + id + "\" not found");
  return *found;
}

Result<json> ControlPlane::add_fault(const std::string& name, const json& body,
                                     const std::string& by) {
  auto spec = parse_fault(body, parts_.faults.limits());
  if (!spec) return spec.error();
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  auto added = parts_.faults.tenant(name, true)->add(std::move(*spec), parts_.faults.limits());
  if (!added) return added.error();
  json out = to_json(*added);
  parts_.journals.audit(name, by, "fault.add", out);
  return out;
}

Result<json> ControlPlane::replace_faults(const std::string& name, const json& body,
                                          const std::string& by) {
  if (!body.is_object()) return invalid_value("the body must be {\"seed\": n, \"faults\": [...]}");
  for (const auto& [key, value] : body.items()) {
    if (key != "seed" && key != "faults") return invalid_value("unknown member \"" + key + "\"");
  }
  std::optional<std::uint64_t> seed;
  if (auto it = body.find("seed"); it != body.end() && !it->is_null()) {
    seed = non_negative_integer(*it);
    if (!seed) return invalid_value("seed must be a non-negative integer");
  }
  const json list = body.value("faults", json::array());
  if (!list.is_array()) return invalid_value("faults must be an array");
  // Everything is parsed and checked on a scratch set first: a bad fault changes nothing.
  FaultSet scratch;
  std::vector<FaultSpec> specs;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto spec = parse_fault(list[i], parts_.faults.limits());
    if (spec) spec = scratch.add(std::move(*spec), parts_.faults.limits());
    if (!spec) {
      ScimError e = spec.error();
      e.detail = "faults[" + std::to_string(i) + "]: " + e.detail;
      return e;
    }
    specs.push_back(std::move(*spec));
  }
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  auto set = parts_.faults.tenant(name, true);
  set->clear();
  set->set_seed(seed);
  for (auto& spec : specs) (void)set->add(std::move(spec), parts_.faults.limits());
  json out = set->to_json();
  parts_.journals.audit(name, by, "faults.replace", out);
  return out;
}

Status<> ControlPlane::remove_fault(const std::string& name, const std::string& id,
                                    const std::string& by) {
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  auto set = parts_.faults.tenant(name, false);
  if (!set || !set->remove(id)) return not_found("fault \"" + id + "\" not found");
  parts_.journals.audit(name, by, "fault.remove", {{"id", id}});
  return Ok{};
}

Status<> ControlPlane::clear_faults(const std::string& name, const std::string& by) {
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  if (auto set = parts_.faults.tenant(name, false)) set->clear();
  parts_.journals.audit(name, by, "faults.clear", json::object());
  return Ok{};
}

}  // namespace scim::admin
