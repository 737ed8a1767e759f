// HTTP in and out of the control plane (see admin_handlers.hpp): parse the body, call, render.
#include "scim/server/admin/admin_handlers.hpp"

#include "scim/server/api/responses.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;
using server::Request;
using server::Response;

constexpr std::size_t kMaxAdminJsonDepth = 64;

// An absent body is an empty object (POST .../tokens with nothing to say generates a token).
Result<json> body_of(const Request& request) {
  if (request.body.empty()) return json::object();
  return server::parse_body(request, kMaxAdminJsonDepth);
}

Response failed(const ScimError& error) {
  return server::error_response(error);
}

Response render(const Result<json>& result, int status = 200) {
  if (!result) return failed(result.error());
  return server::json_response(status, *result, "application/json");
}

Response done(const Status<>& status) {
  if (!status) return failed(status.error());
  return server::no_content(204);
}

const std::string& by(const Request& request) {
  return request.principal.credential_name;
}

}  // namespace

Response AdminHandlers::list_tenants(const Request&) {
  return render(Result<json>(plane_.list_tenants()));
}

Response AdminHandlers::create_tenant(const Request& request) {
  auto body = body_of(request);
  if (!body) return failed(body.error());
  auto created = plane_.create_tenant(*body, by(request));
  Response r = render(created, 201);
  if (created)
    r.set_header("Location", "/admin/v1/tenants/" + (*created)["name"].get<std::string>());
  return r;
}

Response AdminHandlers::get_tenant(const Request&, std::string_view tenant) {
  return render(plane_.get_tenant(std::string(tenant)));
}

Response AdminHandlers::delete_tenant(const Request& request, std::string_view tenant) {
  return done(plane_.delete_tenant(std::string(tenant), by(request)));
}

Response AdminHandlers::add_tokens(const Request& request, std::string_view tenant) {
  auto body = body_of(request);
  if (!body) return failed(body.error());
  return render(plane_.set_tokens(std::string(tenant), *body, false, by(request)));
}

Response AdminHandlers::rotate_tokens(const Request& request, std::string_view tenant) {
  auto body = body_of(request);
  if (!body) return failed(body.error());
  return render(plane_.set_tokens(std::string(tenant), *body, true, by(request)));
}

Response AdminHandlers::reset_tenant(const Request& request, std::string_view tenant) {
  return render(plane_.reset_tenant(std::string(tenant), by(request)));
}

Response AdminHandlers::export_tenant(const Request&, std::string_view tenant) {
  return render(plane_.export_tenant(std::string(tenant)));
}

Response AdminHandlers::import_tenant(const Request& request, std::string_view tenant) {
  const std::string* mode = request.query_param("mode");
  if (mode && *mode != "replace" && *mode != "merge") {
    return failed(invalid_value("mode must be replace or merge, got \"" + *mode + "\""));
  }
  auto body = server::parse_body(request, kMaxAdminJsonDepth);
  if (!body) return failed(body.error());
  const bool merge = mode && *mode == "merge";
  return render(plane_.import_tenant(std::string(tenant), *body, merge, by(request)));
}

Response AdminHandlers::get_settings(const Request&, std::string_view tenant) {
  return render(plane_.get_settings(std::string(tenant)));
}

Response AdminHandlers::patch_settings(const Request& request, std::string_view tenant) {
  auto body = server::parse_body(request, kMaxAdminJsonDepth);
  if (!body) return failed(body.error());
  return render(plane_.change_settings(std::string(tenant), *body, true, by(request)));
}

Response AdminHandlers::put_settings(const Request& request, std::string_view tenant) {
  auto body = server::parse_body(request, kMaxAdminJsonDepth);
  if (!body) return failed(body.error());
  return render(plane_.change_settings(std::string(tenant), *body, false, by(request)));
}

Response AdminHandlers::get_journal(const Request& request, std::string_view tenant) {
  return render(plane_.journal(std::string(tenant), request.query));
}

Response AdminHandlers::clear_journal(const Request& request, std::string_view tenant) {
  return done(plane_.clear_journal(std::string(tenant), by(request)));
}

Response AdminHandlers::list_receivers(const Request&, std::string_view tenant) {
  return render(plane_.list_receivers(std::string(tenant)));
}

Response AdminHandlers::add_receiver(const Request& request, std::string_view tenant) {
  auto body = server::parse_body(request, kMaxAdminJsonDepth);
  if (!body) return failed(body.error());
  return render(plane_.add_receiver(std::string(tenant), *body, by(request)), 201);
}

Response AdminHandlers::remove_receiver(const Request& request, std::string_view tenant,
                                        std::string_view id) {
  return done(plane_.remove_receiver(std::string(tenant), std::string(id), by(request)));
}

Response AdminHandlers::list_faults(const Request&, std::string_view tenant) {
  return render(plane_.list_faults(std::string(tenant)));
}

Response AdminHandlers::add_fault(const Request& request, std::string_view tenant) {
  auto body = server::parse_body(request, kMaxAdminJsonDepth);
  if (!body) return failed(body.error());
  return render(plane_.add_fault(std::string(tenant), *body, by(request)), 201);
}

Response AdminHandlers::replace_faults(const Request& request, std::string_view tenant) {
  auto body = server::parse_body(request, kMaxAdminJsonDepth);
  if (!body) return failed(body.error());
  return render(plane_.replace_faults(std::string(tenant), *body, by(request)));
}

Response AdminHandlers::clear_faults(const Request& request, std::string_view tenant) {
  return done(plane_.clear_faults(std::string(tenant), by(request)));
}

Response AdminHandlers::get_fault(const Request&, std::string_view tenant, std::string_view id) {
  return render(plane_.get_fault(std::string(tenant), std::string(id)));
}

Response AdminHandlers::remove_fault(const Request& request, std::string_view tenant,
                                     std::string_view id) {
  return done(plane_.remove_fault(std::string(tenant), std::string(id), by(request)));
}

Response AdminHandlers::server_journal(const Request& request) {
  return render(plane_.server_journal(request.query));
}

}  // namespace scim::admin
