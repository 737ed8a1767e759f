// The seam between resource endpoints and the events subsystem (src/events): every successful
// write is reported once, after it is committed, so SETs (RFC 9967 §2.4) can be
// built and delivered without the endpoints knowing about feeds, signing or delivery.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace scim::server {

struct WriteEvent {
  enum class Kind { Create, Put, Patch, Delete };
  Kind kind = Kind::Create;
  std::string tenant;
  std::string resource_type;  // "User", "Group", ...
  std::string id;
  std::optional<std::string> external_id;
  std::string location;  // absolute URL of the resource
  std::string version;   // ETag after the write (empty for delete)
  // The resource after the write as presented (meta.location, "$ref"s); null on delete, and when
  // the sink does not want it (EventSink::wants_resource). A PATCH of a group's members applied
  // to its member set (endpoints/member_patch.hpp) leaves "members" out unless the answer shows
  // them: a PATCH's SET carries the operations or the attribute names, not the resource
  // (RFC 9967 §2.4.2).
  nlohmann::json resource;
  // The resource after the write as stored, valid only during on_write; null on delete.
  const nlohmann::json* stored = nullptr;
  nlohmann::json patch_ops;  // the PatchOp "Operations" array for Kind::Patch; null otherwise
  std::optional<bool> active_before;  // User.active before/after, to emit activate/deactivate
  std::optional<bool> active_after;
  std::string txn;  // transaction id (Set-Txn for async requests; generated otherwise)
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Must not block request handling (bounded queues, drop-with-counter when full).
  virtual void on_write(const WriteEvent& event) = 0;
  // Whether on_write reads WriteEvent::resource, the presented copy of the resource; when not,
  // the write is spared making that copy.
  virtual bool wants_resource() const { return true; }
};

}  // namespace scim::server
