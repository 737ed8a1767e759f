// Runtime settings onto ServiceConfig (see tenant_settings.hpp): one setter per key, each
// checking its value, so an unknown key or a bad value is refused with its name.
#include "scim/server/admin/tenant_settings.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/server/admin/json_number.hpp"
#include "scim/server/endpoints/lenient_call.hpp"
#include "scim/server/engine/lenient/names.hpp"

namespace scim::admin {
namespace {

using Setter = std::function<Status<>(const nlohmann::json&, server::ServiceConfig&)>;

constexpr std::size_t kMaxMaxResults = 1'000'000;
constexpr std::size_t kMaxBulkOperations = 100'000;

Result<std::size_t> bounded(const nlohmann::json& v, const std::string& key, std::size_t max) {
  const auto n = non_negative_integer(v);
  if (!n || *n < 1 || *n > max) {
    return invalid_value(key + " must be an integer from 1 to " + std::to_string(max));
  }
  return static_cast<std::size_t>(*n);
}

// false: bulk switched off for the tenant (Features::bulk, as --no-bulk: 404, "bulk.supported":
// false); true: the server's limits; an object: limits of the tenant's own. A server started
// without bulk has no /Bulk route, so it cannot be switched on per tenant.
Status<> set_bulk(const nlohmann::json& v, server::ServiceConfig& c, const SettingsBounds& b) {
  if (v.is_boolean() && !v.get<bool>()) {
    c.features.bulk = false;
    return Ok{};
  }
  if (!c.bulk || !c.features.bulk) return invalid_value("bulk: this server does not serve /Bulk");
  if (v.is_boolean()) return Ok{};
  if (!v.is_object()) return invalid_value("bulk must be false, true or an object of limits");
  for (const auto& [key, value] : v.items()) {
    if (key == "maxOperations") {
      auto n = bounded(value, "bulk.maxOperations", kMaxBulkOperations);
      if (!n) return n.error();
      c.bulk->max_operations = *n;
    } else if (key == "maxPayloadSize") {
      auto n = bounded(value, "bulk.maxPayloadSize", b.max_bulk_payload);
      if (!n) return n.error();
      c.bulk->max_payload_bytes = *n;
    } else {
      return invalid_value("unknown setting bulk." + key + " (maxOperations, maxPayloadSize)");
    }
  }
  return Ok{};
}

// {"boolean-string": false, "unknown-attribute": true, ...}: each named leniency (docs/lenient.md)
// on or off; names left out follow "mode". One switched on in strict mode is on alone. The engine's
// lenient mode is all or nothing, so the tenant runs lenient with every other name switched off
// (endpoints/lenient_call.hpp answers a request that needs one of those as strict mode does).
Status<> set_leniencies(const nlohmann::json& v, server::ServiceConfig& c) {
  if (!v.is_object()) return invalid_value("leniencies must be an object of name: true|false");
  const auto& names = engine::lenient::kAllNames;
  for (const auto& [name, on] : v.items()) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      return invalid_value("unknown leniency \"" + name + "\" (docs/lenient.md)");
    }
    if (!on.is_boolean()) return invalid_value("leniencies." + name + " must be true or false");
  }
  std::vector<std::string> off;
  for (std::string_view name : names) {
    const std::string key(name);
    const bool on =
        v.contains(key) ? v[key].get<bool>() : c.lenient && server::leniencies_allowed(c, {key});
    if (!on) off.push_back(key);
  }
  c.lenient = off.size() < names.size();
  c.lenient_off = c.lenient ? std::move(off) : std::vector<std::string>{};
  return Ok{};
}

// An optional feature of server::Features (issue 13's switches, docs/server.md "Optional
// features"), on or off for the tenant.
Setter feature_switch(bool server::Features::*member, const std::string& key) {
  return [member, key](const nlohmann::json& v, server::ServiceConfig& c) -> Status<> {
    if (!v.is_boolean()) return invalid_value(key + " must be true or false");
    c.features.*member = v.get<bool>();
    return Ok{};
  };
}

// ["eq", "and"]: the filter operators the tenant's queries may use; [] allows all.
Status<> set_filter_operators(const nlohmann::json& v, server::ServiceConfig& c) {
  if (!v.is_array()) return invalid_value("filterOperators must be an array of operator names");
  std::vector<std::string> ops;
  for (const auto& op : v) {
    const auto& names = server::kFilterOperatorNames;
    if (!op.is_string() ||
        std::find(names.begin(), names.end(), op.get<std::string>()) == names.end()) {
      return invalid_value("filterOperators: unknown operator " + op.dump() +
                           " (eq ne co sw ew pr gt ge lt le and or not)");
    }
    ops.push_back(op.get<std::string>());
  }
  c.features.filter_operators = std::move(ops);
  return Ok{};
}

std::map<std::string, Setter> setters(const SettingsBounds& bounds) {
  return {
      {"mode",
       [](const nlohmann::json& v, server::ServiceConfig& c) -> Status<> {
         if (v != "strict" && v != "lenient") {
           return invalid_value("mode must be \"strict\" or \"lenient\"");
         }
         c.lenient = v == "lenient";
         return Ok{};
       }},
      {"maxResults",
       [](const nlohmann::json& v, server::ServiceConfig& c) -> Status<> {
         auto n = bounded(v, "maxResults", kMaxMaxResults);
         if (!n) return n.error();
         c.max_results = *n;
         return Ok{};
       }},
      {"bulk", [bounds](const nlohmann::json& v,
                        server::ServiceConfig& c) { return set_bulk(v, c, bounds); }},
      {"sort", feature_switch(&server::Features::sort, "sort")},
      {"me", feature_switch(&server::Features::me, "me")},
      {"rootQuery", feature_switch(&server::Features::root_query, "rootQuery")},
      {"nestedGroups", feature_switch(&server::Features::nested_groups, "nestedGroups")},
      {"patch", feature_switch(&server::Features::patch, "patch")},
      {"filter", feature_switch(&server::Features::filter, "filter")},
      {"changePassword", feature_switch(&server::Features::change_password, "changePassword")},
      // RFC 7644 §3.5.2: a successful PATCH answers 200 with the resource or "MAY return" 204.
      {"patchStatus",
       [](const nlohmann::json& v, server::ServiceConfig& c) -> Status<> {
         if (v != 200 && v != 204) return invalid_value("patchStatus must be 200 or 204");
         c.patch_no_content = v == 204;
         return Ok{};
       }},
      {"filterOperators", set_filter_operators},
      // RFC 7644 §3.14: ETags are optional; off, no ETag header and If-Match is not evaluated.
      {"etag",
       [](const nlohmann::json& v, server::ServiceConfig& c) -> Status<> {
         if (!v.is_boolean()) return invalid_value("etag must be true or false");
         c.etag = v.get<bool>();
         return Ok{};
       }},
  };
}

}  // namespace

Result<server::ServiceConfig> apply_settings(const nlohmann::json& settings,
                                             server::ServiceConfig base,
                                             const SettingsBounds& bounds) {
  if (settings.is_null()) return base;
  if (!settings.is_object()) return invalid_value("settings must be a JSON object");
  const auto table = setters(bounds);
  for (const auto& [key, value] : settings.items()) {
    if (key == "leniencies") continue;  // last: names left out follow "mode"
    auto it = table.find(key);
    if (it == table.end()) {
      return invalid_value("unknown setting \"" + key +
                           "\" (mode, leniencies, maxResults, bulk, etag, sort, me, rootQuery, "
                           "nestedGroups, filterOperators, patch, filter, changePassword, "
                           "patchStatus)");
    }
    if (auto st = it->second(value, base); !st) return st.error();
  }
  if (auto it = settings.find("leniencies"); it != settings.end()) {
    if (auto st = set_leniencies(*it, base); !st) return st.error();
  }
  return base;
}

nlohmann::json effective_settings(const server::ServiceConfig& c) {
  nlohmann::json leniencies = nlohmann::json::object();
  for (std::string_view name : engine::lenient::kAllNames) {
    leniencies[std::string(name)] = c.lenient && server::leniencies_allowed(c, {std::string(name)});
  }
  nlohmann::json out = {{"mode", c.lenient ? "lenient" : "strict"},
                        {"leniencies", std::move(leniencies)},
                        {"maxResults", c.max_results}};
  out["etag"] = c.etag;
  out["bulk"] = c.bulk && c.features.bulk
                    ? nlohmann::json{{"maxOperations", c.bulk->max_operations},
                                     {"maxPayloadSize", c.bulk->max_payload_bytes}}
                    : nlohmann::json(false);
  const auto& f = c.features;
  out["sort"] = f.sort;
  out["me"] = f.me;
  out["rootQuery"] = f.root_query;
  out["nestedGroups"] = f.nested_groups;
  out["filterOperators"] = f.filter_operators;
  out["patch"] = f.patch;
  out["filter"] = f.filter;
  out["changePassword"] = f.change_password;
  out["patchStatus"] = c.patch_no_content ? 204 : 200;
  return out;
}

}  // namespace scim::admin
