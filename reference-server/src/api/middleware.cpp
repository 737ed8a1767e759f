// The middleware chain (see middleware.hpp).
#include "scim/server/api/middleware.hpp"

namespace scim::server {

Response Next::operator()(Request& request) const {
  return pipeline_.run(index_, request);
}

std::chrono::steady_clock::time_point arrival(Request& request) {
  if (request.arrived == std::chrono::steady_clock::time_point{}) {
    request.arrived = std::chrono::steady_clock::now();
  }
  return request.arrived;
}

std::chrono::steady_clock::time_point answered(Response& response) {
  if (response.answered == std::chrono::steady_clock::time_point{}) {
    response.answered = std::chrono::steady_clock::now();
  }
  return response.answered;
}

Pipeline& Pipeline::use(Middleware& layer) {
  layers_.push_back(&layer);
  return *this;
}

std::vector<std::string_view> Pipeline::names() const {
  std::vector<std::string_view> out;
  for (const auto* layer : layers_) out.push_back(layer->name());
  return out;
}

Response Pipeline::handle(const Request& request) {
  Request copy = request;
  return run(0, copy);
}

Response Pipeline::take(Request&& request) {
  // The caller gave the request up: the layers work on it where it is, without a move.
  return run(0, request);
}

Response Pipeline::run(std::size_t index, Request& request) const {
  if (index == layers_.size()) return terminal_.handle(request);
  return layers_[index]->handle(request, Next(*this, index + 1));
}

}  // namespace scim::server
