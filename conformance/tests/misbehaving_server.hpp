// A SCIM endpoint that misbehaves on purpose, for the runner's robustness test: discovery
// (/ServiceProviderConfig, /ResourceTypes, /Schemas) is answered properly, so a run starts;
// every other request meets the chosen misbehaviour. Beast's synchronous API on 127.0.0.1 port 0,
// one thread per connection; the destructor stops and joins everything.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace scim::conf::test {

enum class Misbehaviour {
  Hang,          // reads the request, never answers
  Reset,         // reads the request, resets the connection (RST)
  Html,          // 200 text/html: a login page
  InvalidJson,   // 200 application/scim+json, truncated JSON
  Gigantic,      // 200 with a 64 MiB body
  RedirectLoop,  // 307 to itself, forever
  Tarpit,        // 200 head, then one body byte every 100 ms
};

class MisbehavingServer {
 public:
  explicit MisbehavingServer(Misbehaviour how);
  ~MisbehavingServer();
  MisbehavingServer(const MisbehavingServer&) = delete;
  MisbehavingServer& operator=(const MisbehavingServer&) = delete;

  std::string base_url() const;  // http://127.0.0.1:PORT/scim/v2
  int misbehaved() const { return misbehaved_.load(); }

 private:
  struct State;
  void accept_loop();

  Misbehaviour how_;
  std::unique_ptr<State> state_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> misbehaved_{0};
  std::mutex mutex_;
  std::condition_variable stopped_;
  std::vector<std::thread> connections_;
  std::thread acceptor_thread_;
};

}  // namespace scim::conf::test
