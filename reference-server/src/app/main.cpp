// scim-reference-server: parse the configuration, build the server (app/server.hpp), print the
// "listening on" line once it accepts connections, serve until SIGTERM/SIGINT.
//
// Exit codes: 0 after a clean shutdown (SIGTERM/SIGINT) or --help; 2 for configuration errors
// (bad flags, config file, schema, seed); 1 when the server cannot start (e.g. port in use).
#include <iostream>

#include "scim/server/app/config.hpp"
#include "scim/server/app/server.hpp"

namespace {

constexpr int kConfigError = 2;
constexpr int kStartError = 1;

int fail(int code, const std::string& message) {
  std::cerr << "scim-reference-server: " << message << "\n";
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = scim::app::parse_command_line(argc, argv);
  if (!parsed) {
    if (parsed.error().code == 0) {
      std::cout << parsed.error().message << std::flush;
      return 0;
    }
    return fail(parsed.error().code, parsed.error().message);
  }
  parsed->http.handle_signals = true;
  auto server = scim::app::ReferenceServer::create(std::move(*parsed));
  if (!server) return fail(kConfigError, server.error());
  if (auto started = (*server)->start(); !started) return fail(kStartError, started.error());
  // The architecture contract: exactly one line, flushed, once connections are accepted.
  std::cout << "listening on " << (*server)->url() << std::endl;
  (*server)->run();
  return 0;
}
