// A tiny in-memory stand-in for the Service, for socket-free bulk and async tests: POST creates
// ("userName": "fail" is rejected 400 invalidValue), PUT replaces, PATCH applies "add" of
// multi-valued or single values, DELETE removes; If-Match is checked against the stored version;
// references to unknown ids in "members[].value" and "manager.value" are rejected, so a bulkId
// that was not substituted cannot slip through.
#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/bulk/bulk_executor.hpp"

namespace scim::server::testing {

using server::error_response;
using server::json_response;

class FakeService : public server::Handler {
 public:
  std::map<std::string, nlohmann::json> resources;  // "/Users/u1" -> body
  std::vector<std::string> calls;                   // "POST /Users", ...
  std::vector<std::string> txns;                    // Request::txn of each call
  std::mutex mu;

  server::Response handle(const server::Request& req) override {
    std::lock_guard lock(mu);
    calls.push_back(req.method + " " + req.path);
    txns.push_back(req.txn);
    // A bulk operation's data comes parsed (Request::json_body); other requests as text.
    auto body = req.json_body
                    ? *req.json_body
                    : nlohmann::json::parse(req.body.empty() ? "null" : req.body, nullptr, false);
    if (req.method == "POST") return create(req, body);
    auto it = resources.find(req.path);
    if (it == resources.end()) return error_response(not_found("Resource does not exist."));
    auto match = req.headers.find("if-match");
    if (match != req.headers.end() && match->second != version_of(it->second)) {
      return error_response(http_error(412, "Failed to update. Resource changed on the server."));
    }
    if (req.method == "DELETE") {
      resources.erase(it);
      server::Response r;
      r.status = 204;
      return r;
    }
    nlohmann::json next = req.method == "PUT" ? body : apply_patch(it->second, body);
    if (auto bad = check_refs(next)) return error_response(*bad);
    next["id"] = it->second["id"];
    next["meta"] = {{"version", bump(it->second)}};
    it->second = next;
    return ok(200, req, req.path, next);
  }

  static std::string version_of(const nlohmann::json& r) { return r["meta"].value("version", ""); }

 private:
  int next_id_ = 0;

  static std::string bump(const nlohmann::json& r) {
    const auto v = version_of(r);
    return "W/\"" + std::to_string(std::stoi(v.substr(3, v.size() - 4)) + 1) + "\"";
  }

  server::Response ok(int status, const server::Request& req, const std::string& path,
                      const nlohmann::json& body) {
    auto r = json_response(status, body);
    r.headers.emplace_back("Location", req.base_url + path);
    r.headers.emplace_back("ETag", version_of(body));
    return r;
  }

  std::optional<ScimError> check_refs(const nlohmann::json& body) const {
    auto exists = [&](const std::string& id) {
      for (const auto& [path, res] : resources) {
        if (res.value("id", "") == id) return true;
      }
      return false;
    };
    if (body.contains("members")) {
      for (const auto& m : body["members"]) {
        if (!exists(m.value("value", ""))) return invalid_value("unknown member " + m.dump());
      }
    }
    const char* ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    if (body.contains(ext) && body[ext].contains("manager")) {
      const auto id = body[ext]["manager"].value("value", "");
      if (!exists(id)) return invalid_value("unknown manager " + id);
    }
    return std::nullopt;
  }

  server::Response create(const server::Request& req, nlohmann::json body) {
    if (!body.is_object()) return error_response(invalid_syntax("not an object"));
    if (body.value("userName", "") == "fail") return error_response(invalid_value("fail"));
    if (auto bad = check_refs(body)) return error_response(*bad);
    const std::string id = "r" + std::to_string(++next_id_);
    body["id"] = id;
    body["meta"] = {{"version", "W/\"1\""}};
    const std::string path = req.path + "/" + id;
    resources[path] = body;
    return ok(201, req, path, body);
  }

  static nlohmann::json apply_patch(nlohmann::json target, const nlohmann::json& patch) {
    for (const auto& op : patch["Operations"]) {
      const std::string path = op.value("path", "");
      const auto colon = path.rfind(':');
      nlohmann::json* slot = &target;
      std::string name = path;
      if (colon != std::string::npos) {
        slot = &target[path.substr(0, colon)];
        name = path.substr(colon + 1);
      }
      if (op["value"].is_array()) {
        for (const auto& v : op["value"]) (*slot)[name].push_back(v);
      } else {
        (*slot)[name] = op["value"];
      }
    }
    return target;
  }
};

// The two rows of the route table that the bulk and async tests need: POST /Bulk to the bulk
// executor, everything else to the fake service.
class FakeRoutes : public server::Handler {
 public:
  FakeRoutes(server::Handler& service, bulk::BulkExecutor& bulk) : service_(service), bulk_(bulk) {}
  server::Response handle(const server::Request& req) override {
    const bool is_bulk = req.method == "POST" && (req.path == "/Bulk" || req.path == "/bulk");
    return is_bulk ? bulk_.handle(req) : service_.handle(req);
  }

 private:
  server::Handler& service_;
  bulk::BulkExecutor& bulk_;
};

}  // namespace scim::server::testing
