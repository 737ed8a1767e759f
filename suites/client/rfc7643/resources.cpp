// Client checks of RFC 7643: "schemas" on every resource body (§3), "id" left to the service
// provider (§3.1), values of their data type (§2.3.2 Boolean, §2.3.8 Complex) and mutability
// (§7). Each quotes the sentence it checks.
#include <algorithm>

#include "../client_check.hpp"

namespace scim::suites::client {
namespace {

using json = nlohmann::json;
using conf::Level;

bool creates_or_replaces(const Observed& o) {
  return o.is_resource_write() && (o.method == "POST" || o.method == "PUT") && o.json &&
         o.json->is_object();
}

// The core schema a body written to a standard endpoint must list (RFC 7643 §4).
std::string core_schema(const std::string& endpoint) {
  if (endpoint == "/Users") return "urn:ietf:params:scim:schemas:core:2.0:User";
  if (endpoint == "/Groups") return "urn:ietf:params:scim:schemas:core:2.0:Group";
  return {};
}

void schemas(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (!creates_or_replaces(o)) continue;
    const json s = o.json->value("schemas", json());
    if (!s.is_array() || s.empty()) {
      out.push_back({o.index, "a resource body without a non-empty \"schemas\" array",
                     "\"schemas\": [\"<the resource's schema URN>\"]",
                     s.is_null() ? "no \"schemas\"" : s.dump()});
      continue;
    }
    const std::string core = core_schema(o.endpoint());
    if (!core.empty() && std::find(s.begin(), s.end(), json(core)) == s.end()) {
      out.push_back({o.index, "\"schemas\" lacks " + core, core, s.dump()});
    }
  }
}

bool creates(const Observed& o) {
  return o.method == "POST" && o.is_resource_write() && o.json && o.json->is_object();
}

void client_id(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (creates(o) && o.json->contains("id")) {
      out.push_back({o.index, "POST " + o.path + " names its own \"id\"",
                     "no \"id\": the service provider issues it", (*o.json)["id"].dump()});
    }
  }
}

bool writes(const Observed& o) {
  return o.is_resource_write();
}

// RFC 7643 §2.3.1: "when "canonicalValues" is specified, service providers MAY restrict accepted
// values to the specified values" - and a client MAY send others (§7: "suggested canonical values
// that MAY be used"). The strict reference server's refusal of such a value (engine/validate/
// value_types.cpp words its detail "is not one of its canonical values") is the server's choice,
// not a wrong data type.
bool non_canonical_refusal(const Observed& o) {
  const std::string detail = o.response_json ? o.response_json->value("detail", "") : "";
  return detail.find("is not one of its canonical values") != std::string::npos;
}

}  // namespace

void add_rfc7643_checks(ClientChecks& out) {
  out.push_back({client_check_info(
                     "client-rfc7643/3/schemas", "resource bodies list their schemas", Level::Must,
                     "All representations of SCIM schemas MUST include a non-empty array "
                     "with value(s) of the URIs supported by that representation.",
                     {"schemas"}),
                 creates_or_replaces,
                 schemas,
                 {"unknown-attribute"},
                 {},
                 "no POST or PUT of a resource in this session"});
  out.push_back(
      {client_check_info("client-rfc7643/3.1/no-client-id", "POST leaves \"id\" to the server",
                         Level::Must,
                         "The value of the \"id\" attribute is always issued by the service "
                         "provider and MUST NOT be specified by the client.",
                         {"schemas"}),
       creates,
       client_id,
       {},
       {},
       "no POST of a resource in this session"});
  out.push_back(
      {client_check_info("client-rfc7643/2.3.2/boolean-literal", "booleans are JSON literals",
                         Level::Must, "The literal \"true\" or \"false\".", {"values"}),
       writes,
       nullptr,
       {"boolean-string"},
       {},
       "no write in this session"});
  out.push_back(
      {client_check_info("client-rfc7643/2.3.8/complex-value", "complex values are objects",
                         Level::Must,
                         "A singular or multi-valued attribute whose value is a composition of "
                         "one or more simple attributes.",
                         {"values"}),
       writes,
       nullptr,
       {"complex-value-shorthand"},
       {},
       "no write in this session"});
  // The strict server's 400 invalidValue (RFC 7644 §3.12 Table 9: "not compatible with the
  // operation or attribute type (see Section 2.3 of [RFC7643])"); its detail names the value.
  out.push_back(
      {client_check_info("client-rfc7643/2.3/data-types", "values have their attribute's type",
                         Level::Must, "Attribute data types are derived from JSON [RFC7159].",
                         {"values"}),
       writes,
       nullptr,
       {},
       {"invalidValue"},
       "no write in this session",
       non_canonical_refusal});
  out.push_back({client_check_info("client-rfc7643/7/mutability",
                                   "no writes to readOnly attributes", Level::Must,
                                   "readOnly The attribute SHALL NOT be modified.", {"mutability"}),
                 writes,
                 nullptr,
                 {"readonly-in-input", "pathless-replace-id"},
                 {"mutability"},
                 "no write in this session"});
}

}  // namespace scim::suites::client
