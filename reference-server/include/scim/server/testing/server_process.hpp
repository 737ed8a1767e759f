// Runs the real scim-reference-server binary as a child process for end-to-end tests: starts it
// with --port 0, reads the "listening on URL" line from its stdout, and stops it with a signal.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace scim::test {

class ServerProcess {
 public:
  // Starts `binary` with `args`; url() is empty when it did not print its line in time.
  ServerProcess(const std::string& binary, std::vector<std::string> args);
  ~ServerProcess();  // SIGKILL if still running
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  const std::string& url() const { return url_; }          // "http://127.0.0.1:PORT/scim/v2"
  const std::string& first_line() const { return line_; }  // what stdout said first
  // Sends `signal` and waits up to `timeout_ms`; the exit code, or nullopt (still running or
  // killed by a signal).
  std::optional<int> stop(int signal, long timeout_ms);
  // Waits for the process to exit by itself (e.g. after a config error).
  std::optional<int> wait(long timeout_ms);
  // Everything the process wrote to stderr (read after it exited).
  std::string stderr_text();

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  std::string url_;
  std::string line_;
};

// Runs `binary args...` to completion (for --help / config errors): exit code + stdout + stderr.
struct ProcessResult {
  std::optional<int> exit_code;
  std::string out;
  std::string err;
};
ProcessResult run_to_completion(const std::string& binary, std::vector<std::string> args,
                                long timeout_ms);

}  // namespace scim::test
