// scim-conformance: the composition root. Parses the command line, builds the catalog from the
// suites, wires curl, the reporters and SIGINT handling, and maps everything to an exit code.
// Signals: SIGINT/SIGTERM are blocked in every thread and taken by one sigwait thread, which sets
// the run's CancelFlag (stop scheduling, clean up, report); a second signal ends the process.
#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "scim/conformance/cli/client_report_command.hpp"
#include "scim/conformance/cli/diff_command.hpp"
#include "scim/conformance/cli/list_command.hpp"
#include "scim/conformance/cli/oauth_options.hpp"
#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/cli/run_command.hpp"
#include "scim/conformance/client/curl_transport.hpp"
#include "scim/conformance/core/renames.hpp"
#include "scim/reports/comparison.hpp"
#include "scim/reports/index_page.hpp"
#include "scim/reports/reporter.hpp"
#include "scim/suites/suites.hpp"

namespace {

using namespace scim::conf;

Catalog build_catalog() {
  Catalog catalog;
  scim::suites::register_all(catalog);
  return catalog;
}

std::map<std::string, cli::ReportWriter> reporters() {
  std::map<std::string, cli::ReportWriter> out;
  auto add = [&](const char* format, std::shared_ptr<scim::reports::Reporter> r) {
    out[format] = [r](const RunResult& run, std::ostream& os) { r->write(run, os); };
  };
  add("junit", scim::reports::make_junit_reporter());
  add("html", scim::reports::make_html_reporter());
  add("json", scim::reports::make_json_reporter());
  add("md", scim::reports::make_markdown_reporter());
  return out;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes (or appends to) a report file, creating its directory: --targets writes DIR/NAME/...
bool save(const std::string& path, const std::string& content, std::ios::openmode mode) {
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ignored;
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  std::ofstream out(path, std::ios::binary | mode);
  out << content;
  return static_cast<bool>(out.flush());
}

bool write_file(const std::string& path, const std::string& content) {
  return save(path, content, std::ios::trunc);
}

bool append_file(const std::string& path, const std::string& content) {
  return save(path, content, std::ios::app);
}

std::optional<std::string> env_lookup(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

int diff(const cli::DiffConfig& config) {
  cli::DiffEnvironment env;
  env.read_file = read_file;
  env.renderers = {{"text", scim::reports::comparison_text},
                   {"md", scim::reports::comparison_markdown},
                   {"json", scim::reports::comparison_json_text}};
  env.out = &std::cout;
  env.err = &std::cerr;
  return cli::diff_command(config, env);
}

int client_report(const cli::ClientReportConfig& config) {
  CurlGlobal curl;
  cli::ClientReportEnvironment env;
  env.make_transport = [](const cli::ClientReportConfig& c) {
    return std::make_unique<CurlTransport>(CurlOptions{c.insecure, c.ca_cert});
  };
  env.write_file = write_file;
  env.env = env_lookup;
  env.out = &std::cout;
  env.err = &std::cerr;
  return cli::client_report_command(config, env);
}

// `jwks`: only the public members of the key are printed (RFC 7517 §5).
int print_jwks(const cli::JwksConfig& config) {
  auto key = cli::read_oauth_key(config.key_file, config.key_id);
  if (!key) {
    std::cerr << "scim-conformance: " << key.error().message << "\n";
    return 2;
  }
  std::cout << nlohmann::json{{"keys", {key->public_jwk()}}}.dump(2) << "\n";
  return 0;
}

// Owns the signal-waiting thread; its destructor wakes and joins it.
class SignalWatch {
 public:
  explicit SignalWatch(CancelFlag& flag) {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);  // inherited by every thread started later
    thread_ = std::thread([this, &flag] {
      int signal = 0;
      for (int seen = 0; sigwait(&set_, &signal) == 0; ++seen) {
        if (done_.load()) return;
        if (seen > 0) std::_Exit(130);  // second Ctrl-C: the user insists
        std::cerr << "\ninterrupted: finishing running checks and cleaning up (again to abort)\n";
        flag.request();
      }
    });
  }
  ~SignalWatch() {
    done_.store(true);
    pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
  }
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;

 private:
  sigset_t set_{};
  std::atomic<bool> done_{false};
  std::thread thread_;
};

int dispatch(const std::vector<std::string>& args) {
  auto command = cli::parse_command_line(args, env_lookup, read_file);
  if (!command) {
    std::cerr << "scim-conformance: " << command.error().message << "\n"
              << "run 'scim-conformance --help' for usage\n";
    return 2;
  }
  if (command->kind == cli::CommandKind::Help) {
    std::cout << command->help;
    return 0;
  }
  if (command->kind == cli::CommandKind::Diff) return diff(command->diff);
  if (command->kind == cli::CommandKind::ClientReport) return client_report(command->client_report);
  if (command->kind == cli::CommandKind::Jwks) return print_jwks(command->jwks);
  const Catalog catalog = build_catalog();
  // Former check IDs in --only/--exclude still select their checks; say so once per pattern.
  auto& selection =
      command->kind == cli::CommandKind::List ? command->list.selection : command->run.selection;
  for (const auto& note : follow_renames(selection, scim::suites::renamed_checks()))
    std::cerr << "note: " << note << " (the check was renamed; update the pattern)\n";
  if (command->kind == cli::CommandKind::List) {
    return cli::list_command(command->list, catalog, std::cout, std::cerr);
  }
  CurlGlobal curl;
  // A peer closing a socket mid-write must be an error value, not a process-killing signal.
  std::signal(SIGPIPE, SIG_IGN);
  CancelFlag cancel;
  SignalWatch watch(cancel);
  cli::RunEnvironment env;
  env.make_transport = [](const cli::RunConfig& c) {
    return std::make_unique<CurlTransport>(CurlOptions{c.insecure, c.ca_cert});
  };
  env.reporters = reporters();
  env.write_file = write_file;
  env.out = &std::cout;
  env.err = &std::cerr;
  env.stdout_is_tty = isatty(STDOUT_FILENO) == 1;
  env.cancel = &cancel;
  env.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  env.read_file = read_file;
  env.append_file = append_file;
  env.env = env_lookup;
  env.index_writers = {{"html", scim::reports::write_index_html},
                       {"md", scim::reports::write_index_markdown}};
  return cli::run_command(command->run, catalog, env);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    // Only bugs get here (suite registration errors included): report, never a silent pass.
    std::cerr << "scim-conformance: internal error: " << e.what() << "\n";
    return 2;
  }
}
