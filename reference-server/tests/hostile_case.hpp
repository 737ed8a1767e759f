// The hostile-input catalogue (docs/reliability.md): bad requests sent as raw bytes over a real
// connection to the scim-reference-server binary, each with the one SCIM error (RFC 7644 §3.12
// status and, for 400/409, the Table 9 scimType) it must get. Cases are grouped by class, one
// file per group of classes; hostile_catalogue_test.cpp runs them all and checks that the stored
// data is byte-for-byte unchanged afterwards.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scim::test::hostile {

struct Case {
  std::string klass;  // "malformed-json", "wrong-type", ... (docs/reliability.md)
  std::string name;   // unique within the class
  std::string bytes;  // what the client sends, request line to last body byte
  int status = 400;
  std::string scim_type;  // required for 400 and 409; empty for other statuses (none expected)
};

// What the catalogue runs against: resources created before the first case.
struct Seeded {
  std::string user_id;    // userName "bjensen"
  std::string user_etag;  // its ETag, W/"..."
  std::string other_id;   // userName "jsmith"
  std::string group_id;   // displayName "Tour Guides", member bjensen
};

// An HTTP/1.1 request with Host, "Authorization: Bearer secret" (unless `headers` names an
// Authorization line or "-authorization" asks for none), Content-Length for a body, and
// "Connection: close" so that the server ends the exchange. `target` is under /scim/v2.
std::string request(const std::string& method, const std::string& target,
                    const std::string& body = "", std::vector<std::string> headers = {});
// A SCIM JSON request: Content-Type application/scim+json.
std::string scim(const std::string& method, const std::string& target, const std::string& body,
                 std::vector<std::string> headers = {});

// A minimal valid User body with `extra` members merged in (to make one attribute wrong).
std::string user_with(const nlohmann::json& extra);
// A PatchOp body with the given Operations.
std::string patch_ops(const nlohmann::json& operations);

std::vector<Case> json_cases(const Seeded& seeded);      // malformed, types, sizes, nesting
std::vector<Case> protocol_cases(const Seeded& seeded);  // paths, filters, PATCH, bulk, media
std::vector<Case> http_cases(const Seeded& seeded);      // framing, Host, codings, credentials

}  // namespace scim::test::hostile
