// Reports committed writes to the EventSink (api/write_event.hpp), once per write and only after
// the store committed it, including groups changed as a side effect of a delete.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "scim/server/endpoints/context.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::server {

struct WriteFacts {
  WriteEvent::Kind kind = WriteEvent::Kind::Create;
  const nlohmann::json* patch_ops = nullptr;  // PatchOp "Operations" for Kind::Patch
  std::optional<bool> active_before;
};

// A resource's "active" value when it is a boolean (the before/after facts of an activation event).
std::optional<bool> active_of(const nlohmann::json& resource);

void notify_write(const Context& ctx, const ResourceType& type, const store::WriteOutcome& outcome,
                  const WriteFacts& facts);

}  // namespace scim::server
