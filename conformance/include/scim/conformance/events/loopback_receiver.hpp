// A loopback RFC 8935 push receiver: a small HTTP server on 127.0.0.1 (port chosen by the OS) that
// accepts POSTed SETs, answers 202, and keeps them for checks to wait on. Beast stays inside
// loopback_receiver.cpp; this header only names the SetReceiver surface.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "scim/conformance/set_receiver.hpp"
#include "scim/protocol/result.hpp"

namespace scim::conf {

struct LoopbackOptions {
  std::string path = "/events";
  unsigned short port = 0;  // 0: chosen by the OS; fixed when the transmitter needs it up front
  std::size_t max_body_bytes = 64 * 1024;  // a SET larger than this is refused (413)
  std::size_t max_stored = 1000;           // oldest dropped beyond this
  std::size_t max_connections = 32;        // further connections are closed at once
  std::chrono::seconds idle_timeout{10};   // per connection, between requests
};

class LoopbackReceiver final : public SetReceiver {
 public:
  // Binds 127.0.0.1:0 and starts one IO thread; an error string when binding fails.
  static Result<std::unique_ptr<LoopbackReceiver>, std::string> start(LoopbackOptions options = {});
  ~LoopbackReceiver() override;  // stops the IO thread and closes every connection

  std::string url() const override;
  std::vector<ReceivedSet> received() const override;
  std::size_t total_received() const override;
  std::optional<ReceivedSet> wait_for(const std::function<bool(const ReceivedSet&)>& match,
                                      std::chrono::milliseconds timeout) override;

  struct Impl;

 private:
  explicit LoopbackReceiver(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace scim::conf
