// The control plane's grading sessions (docs/client-conformance.md): each call checks the tenant,
// and every change is audited like any other admin change.
#include "scim/server/admin/control_plane.hpp"

namespace scim::admin {

Result<nlohmann::json> ControlPlane::start_session(const std::string& name,
                                                   const nlohmann::json& body,
                                                   const std::string& by) {
  if (auto st = known(name); !st) return st.error();
  auto started = parts_.journals.sessions().start(name, body);
  if (started) {
    parts_.journals.audit(name, by, "session.start", {{"session", (*started)["name"]}});
  }
  return started;
}

Result<nlohmann::json> ControlPlane::list_sessions(const std::string& name) const {
  if (auto st = known(name); !st) return st.error();
  return parts_.journals.sessions().list(name);
}

Result<nlohmann::json> ControlPlane::session(const std::string& name, const std::string& session,
                                             bool entries) const {
  if (auto st = known(name); !st) return st.error();
  auto out = parts_.journals.sessions().get(name, session, entries);
  if (out) (*out)["tenant"] = name;
  return out;
}

Result<nlohmann::json> ControlPlane::end_session(const std::string& name,
                                                 const std::string& session,
                                                 const std::string& by) {
  if (auto st = known(name); !st) return st.error();
  auto ended = parts_.journals.sessions().end(name, session);
  if (ended) parts_.journals.audit(name, by, "session.end", {{"session", session}});
  return ended;
}

Status<> ControlPlane::delete_session(const std::string& name, const std::string& session,
                                      const std::string& by) {
  if (auto st = known(name); !st) return st.error();
  auto removed = parts_.journals.sessions().remove(name, session);
  if (removed) parts_.journals.audit(name, by, "session.delete", {{"session", session}});
  return removed;
}

}  // namespace scim::admin
