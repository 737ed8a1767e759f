// Context: what one endpoint call may use — the registry, the live configuration (the tenant's,
// when the control plane changed it), the tenant's store, the event sink and the request.
// Endpoint functions are plain functions of a Context; they report the leniencies and behaviour
// variants a request needed into `notes`, which the journal records.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/uuid.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/api/write_event.hpp"
#include "scim/server/endpoints/service_config.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::server {

class CodedNames;
class JsonParsers;  // api/json_parsers.hpp

struct Context {
  const Registry& registry;
  const ServiceConfig& config;
  store::ResourceStore& store;
  EventSink* sink;
  const Request& request;
  ResponseNotes* notes = nullptr;  // null: nobody listens (seed data, imports)
  UuidPool* ids = nullptr;         // where new ids come from; null: a RAND_bytes call each
  // The registry's attributes by the codes of stored names (coded_names.hpp), for the answers
  // written from stored bytes; null: they look every name up by its text, with the same result.
  const CodedNames* names = nullptr;
  // The request-body fast path (api/json_parsers.hpp); null: the reference parse alone, with
  // the same result.
  const JsonParsers* parsers = nullptr;

  // A new random id (RFC 4122 §4.4 v4 UUID): resource ids, transaction ids.
  std::string new_id() const { return ids ? ids->next() : new_uuid_v4(); }

  // Records leniencies a request used (engine/lenient names), each once, sorted.
  void used(const std::vector<std::string>& leniencies) const {
    if (notes == nullptr || leniencies.empty()) return;
    auto& all = notes->leniencies;
    all.insert(all.end(), leniencies.begin(), leniencies.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
  }

  // Records a behaviour variant (docs/mock.md) that changed the answer, each once.
  void variant(std::string name) const {
    if (notes == nullptr) return;
    auto& all = notes->variants;
    if (std::find(all.begin(), all.end(), name) == all.end()) all.push_back(std::move(name));
  }

  // Absolute URL of a resource: base URL + endpoint + "/" + id (RFC 7644 §3.1 meta.location).
  std::string location(const ResourceType& type, std::string_view id) const {
    return request.base_url + type.endpoint + "/" + std::string(id);
  }
};

}  // namespace scim::server
