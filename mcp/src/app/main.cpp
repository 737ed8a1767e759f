// scim-mcp: the composition root. Parses the command line, builds the target client, the check
// catalogue, the tools, resources and prompts, then serves stdio (default) or Streamable HTTP.
// stdout carries only MCP messages in stdio mode; diagnostics go to stderr.
#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "scim/conformance/client/curl_transport.hpp"
#include "scim/mcp/composition.hpp"
#include "scim/mcp/config.hpp"
#include "scim/mcp/http_server.hpp"
#include "scim/mcp/stdio_transport.hpp"

#ifndef SCIM_MCP_SPECS_DIR
#define SCIM_MCP_SPECS_DIR ""
#endif

namespace {

using namespace scim::mcp;

int serve_http(App& app, const HttpOptions& options) {
  HttpEndpoint endpoint(options, app.offer(), app.workers());
  HttpServer server(endpoint);
  if (auto listening = server.listen(); !listening) {
    std::cerr << "scim-mcp: " << listening.error() << "\n";
    return 2;
  }
  std::cout << "listening on " << server.url() << std::endl;
  // SIGINT/SIGTERM are blocked in every thread and taken here, then the server stops cleanly.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&set, &signal);
    server.stop();
  });
  server.run();
  endpoint.close_all();
  app.workers().drain();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes it if run() ended another way
  waiter.join();
  return 0;
}

int run(const std::vector<std::string>& args) {
  auto env = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    return value == nullptr ? std::nullopt : std::optional<std::string>(value);
  };
  auto config = parse_config(args, env, SCIM_MCP_SPECS_DIR);
  if (!config) {
    std::cerr << "scim-mcp: " << config.error() << "\nrun 'scim-mcp --help' for usage\n";
    return 2;
  }
  if (config->show_help) {
    std::cout << config->help;
    return 0;
  }
  if (config->http) {
    // HTTP mode stops cleanly on SIGINT/SIGTERM: blocked here, before any thread starts, and
    // taken by serve_http's waiter. In stdio mode they keep their default (end the process).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
  }
  std::signal(SIGPIPE, SIG_IGN);
  scim::conf::CurlGlobal curl;
  auto transport = std::make_unique<scim::conf::CurlTransport>(
      scim::conf::CurlOptions{config->target.insecure, config->target.ca_cert});
  App app(*config, std::move(transport));
  if (config->http) return serve_http(app, *config->http);
  std::cerr << "scim-mcp: serving MCP on stdio"
            << (config->target.base_url.empty() ? " (no --base-url: SCIM tools disabled)"
                                                : " for " + config->target.base_url)
            << "\n";
  serve_stdio(app.session(), app.workers(), std::cin, std::cout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "scim-mcp: internal error: " << e.what() << "\n";
    return 2;
  }
}
