// The route table's OAuthApi (endpoints) served by the http folder's TokenEndpoint: the
// composition root joins the two, because the layering lets http use only the api folder.
#pragma once

#include "scim/server/endpoints/oauth_api.hpp"
#include "scim/server/http/token_endpoint.hpp"

namespace scim::app {

class OAuthRoutes final : public server::OAuthApi {
 public:
  explicit OAuthRoutes(http::TokenEndpoint& endpoint) : endpoint_(endpoint) {}
  server::Response metadata(const server::Request& r) override { return endpoint_.metadata(r); }
  server::Response jwks(const server::Request& r) override { return endpoint_.jwks(r); }
  server::Response token(const server::Request& r) override { return endpoint_.token(r); }

 private:
  http::TokenEndpoint& endpoint_;
};

}  // namespace scim::app
