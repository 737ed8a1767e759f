// Client checks of RFC 7644: media types (§3.8), filters (§3.4.2.2), PATCH (§3.5.2), bulk (§3.7),
// ETags (§3.14) and what a URI discloses (§7.5.2). Each quotes the sentence it checks.
#include <algorithm>
#include <cctype>
#include <set>

#include "../client_check.hpp"

namespace scim::suites::client {
namespace {

using json = nlohmann::json;
using conf::Level;

constexpr const char* kPatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

// RFC 7231 §3.1.1.5 makes Content-Type a SHOULD for any payload; RFC 7644 §3.8 a MUST for
// "other encodings". The check judges at the SHOULD level.
void content_type(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (!writes_body(o)) continue;
    const std::string* ct = o.header("content-type");
    if (ct == nullptr) {
      out.push_back({o.index, "a request body without Content-Type",
                     "Content-Type: application/scim+json", "no Content-Type"});
    } else if (auto t = media_type(*ct); t != "application/scim+json" && t != "application/json") {
      out.push_back({o.index, "a JSON body labelled " + *ct, "application/scim+json", *ct});
    }
  }
}

void accept_json(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (o.status == 406 && o.header("accept") != nullptr) {
      out.push_back({o.index, "Accept names no JSON type the server can send",
                     "Accept: application/scim+json", *o.header("accept")});
    }
  }
}

void patchop_schema(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (!is_patch(o)) continue;
    const json schemas = o.json->value("schemas", json());
    const bool ok = schemas.is_array() &&
                    std::find(schemas.begin(), schemas.end(), json(kPatchOp)) != schemas.end();
    if (!ok) {
      out.push_back({o.index, "a PATCH body without the PatchOp schema", kPatchOp,
                     schemas.is_null() ? "no \"schemas\"" : schemas.dump()});
    }
  }
}

void op_values(const std::vector<Observed>& all, std::vector<Finding>& out) {
  static const std::set<std::string> kOps = {"add", "remove", "replace"};
  for (const auto& o : all) {
    const json* ops = is_patch(o) ? patch_operations(o) : nullptr;
    if (ops == nullptr) continue;
    for (const auto& op : *ops) {
      const json v = op.is_object() ? op.value("op", json()) : json();
      if (!v.is_string() || kOps.count(v.get<std::string>()) == 0) {
        out.push_back({o.index, "PATCH operation \"op\": " + v.dump(),
                       "\"add\", \"remove\" or \"replace\"", v.dump()});
        break;
      }
    }
  }
}

void remove_has_path(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    const json* ops = is_patch(o) ? patch_operations(o) : nullptr;
    if (ops == nullptr) continue;
    for (const auto& op : *ops) {
      if (op.is_object() && op.value("op", "") == "remove" && !op.contains("path")) {
        out.push_back(
            {o.index, "a remove operation without \"path\"", "\"path\" on remove", op.dump()});
        break;
      }
    }
  }
}

bool has_filter(const Observed& o) {
  return filter_of(o).has_value();
}

void bulk_ids(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (o.method != "POST" || o.path != "/Bulk") continue;
    const json* ops = patch_operations(o);
    if (ops == nullptr) continue;
    for (const auto& op : *ops) {
      if (op.is_object() && op.value("method", "") == "POST" && !op.contains("bulkId")) {
        out.push_back({o.index, "a bulk POST operation without \"bulkId\"", "\"bulkId\"",
                       op.value("path", std::string("?"))});
        break;
      }
    }
  }
}

// Only once the server has shown it versions resources (an ETag in an earlier answer).
bool etag_seen_before(const std::vector<Observed>& all, std::size_t index) {
  for (std::size_t i = 0; i < index; ++i) {
    if (all[i].response_headers.count("etag") > 0) return true;
  }
  return false;
}

bool replaces_resource(const Observed& o) {
  return (o.method == "PUT" || o.method == "PATCH") && o.is_resource_write();
}

void if_match(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (!replaces_resource(o) || !etag_seen_before(all, o.index)) continue;
    if (o.header("if-match") == nullptr) {
      out.push_back({o.index, o.method + " without If-Match although the server sends ETags",
                     "If-Match: <the ETag last read>", "no If-Match"});
    }
  }
}

bool is_secret_name(const std::string& name) {
  static const std::set<std::string> kSecrets = {
      "access_token",  "token",   "bearer",   "password",     "secret",
      "client_secret", "api_key", "apikey",   "key",          "auth",
      "authorization", "code",    "id_token", "refresh_token"};
  std::string n = name;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  return kSecrets.count(n) > 0;
}

void secrets_in_uri(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    for (const auto& [name, value] : o.query) {
      if (is_secret_name(name)) {
        out.push_back({o.index, "a credential in the query string (" + name + "=…)",
                       "credentials in the Authorization header", name + " in the URI"});
        break;
      }
    }
  }
}

}  // namespace

void add_rfc7644_checks(ClientChecks& out) {
  out.push_back(
      {client_check_info(
           "client-rfc7644/3.8/content-type", "a request body names its media type", Level::Should,
           "Clients using other encodings MUST specify the format in which the data is "
           "submitted via an HTTP \"Content-Type\" header as specified in Section 3.1.1.5 "
           "of [RFC7231]",
           {"media-type"}),
       writes_body,
       content_type,
       {},
       {},
       "no request with a body in this session"});
  out.push_back(
      {client_check_info("client-rfc7644/3.8/accept", "Accept asks for JSON", Level::May,
                         "MAY specify the desired response data format via an HTTP \"Accept\" "
                         "header (Section 5.3.2 of [RFC7231]), e.g., \"Accept: "
                         "application/scim+json\"",
                         {"media-type"}),
       [](const Observed& o) { return o.header("accept") != nullptr; },
       accept_json,
       {},
       {},
       "no request with an Accept header in this session"});
  out.push_back(
      {client_check_info("client-rfc7644/3.4.2.2/filter-grammar", "filters follow the grammar",
                         Level::Must,
                         "The filter parameter MUST contain at least one valid expression (see "
                         "Table 3).",
                         {"filter"}),
       has_filter,
       nullptr,
       {"value-path-sub-attribute"},
       {"invalidFilter"},
       "no filtered query in this session"});
  out.push_back(
      {client_check_info("client-rfc7644/3.5.2/patchop-schema", "PATCH bodies name PatchOp",
                         Level::Must,
                         "The body of each request MUST contain the \"schemas\" attribute with "
                         "the URI value of \"urn:ietf:params:scim:api:messages:2.0:PatchOp\".",
                         {"patch"}),
       is_patch,
       patchop_schema,
       {},
       {},
       "no PATCH in this session"});
  out.push_back(
      {client_check_info("client-rfc7644/3.5.2/op-values", "PATCH ops are add, remove, replace",
                         Level::Must,
                         "Each PATCH operation object MUST have exactly one \"op\" member, whose "
                         "value indicates the operation to perform and MAY be one of \"add\", "
                         "\"remove\", or \"replace\".",
                         {"patch"}),
       is_patch,
       op_values,
       {"op-case"},
       {},
       "no PATCH in this session"});
  out.push_back(
      {client_check_info("client-rfc7644/3.5.2/paths", "PATCH operations target valid paths",
                         Level::Must,
                         "The \"path\" attribute is OPTIONAL for \"add\" and \"replace\" and is "
                         "REQUIRED for \"remove\" operations.",
                         {"patch"}),
       is_patch,
       remove_has_path,
       {"pathless-value-paths", "remove-with-value", "null-as-unassigned", "filter-creates-value",
        "remove-unmatched-filter"},
       {"invalidPath", "noTarget"},
       "no PATCH in this session"});
  out.push_back(
      {client_check_info("client-rfc7644/3.7/bulk-id", "bulk POST operations carry a bulkId",
                         Level::Must, "REQUIRED when \"method\" is \"POST\".", {"bulk"}),
       [](const Observed& o) { return o.method == "POST" && o.path == "/Bulk"; },
       bulk_ids,
       {},
       {},
       "no bulk request in this session"});
  out.push_back(
      {client_check_info(
           "client-rfc7644/3.14/if-match", "replacements carry If-Match", Level::May,
           "If the service provider supports versioning of resources, the client MAY supply "
           "an If-Match header (Section 3.1 of [RFC7232]) for PUT and PATCH operations to "
           "ensure that the requested operation succeeds only if the supplied ETag matches "
           "the latest service provider resource",
           {"etag"}),
       replaces_resource,
       if_match,
       {},
       {},
       "no PUT or PATCH of a resource in this session"});
  out.push_back(
      {client_check_info("client-rfc7644/7.5.2/no-secrets-in-uri", "no credentials in URIs",
                         Level::Should,
                         "SCIM clients requesting information using query filters that use HTTP "
                         "GET SHOULD give consideration to the information content of the "
                         "filters and whether or not their exposure in a URI would represent a "
                         "breach of security or confidentiality through leakage in web "
                         "browsers or server logs.",
                         {"security"}),
       [](const Observed&) { return true; },
       secrets_in_uri,
       {},
       {},
       "no request in this session"});
}

}  // namespace scim::suites::client
