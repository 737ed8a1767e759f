// Child-process control with posix_spawn + pipes (see server_process.hpp).
#include "scim/server/testing/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

extern char** environ;

namespace scim::test {
namespace {

pid_t spawn(const std::string& binary, const std::vector<std::string>& args, int& out_fd,
            int& err_fd) {
  int out[2], err[2];
  if (pipe(out) != 0 || pipe(err) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, err[0]);
  std::vector<char*> argv{const_cast<char*>(binary.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  out_fd = out[0];
  err_fd = err[0];
  return pid;
}

// Reads from `fd` until a newline, EOF or the deadline.
std::string read_line(int fd, long timeout_ms) {
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    char c;
    if (read(fd, &c, 1) != 1) break;
    if (c == '\n') break;
    line.push_back(c);
  }
  return line;
}

std::string read_all(int fd, long timeout_ms) {
  std::string text;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    auto n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  return text;
}

std::optional<int> wait_for(pid_t& pid, long timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (pid > 0) {
    int status = 0;
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      pid = -1;
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      return std::nullopt;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

}  // namespace

ServerProcess::ServerProcess(const std::string& binary, std::vector<std::string> args) {
  pid_ = spawn(binary, args, stdout_fd_, stderr_fd_);
  if (pid_ <= 0) return;
  line_ = read_line(stdout_fd_, 20'000);
  const std::string prefix = "listening on ";
  if (line_.rfind(prefix, 0) == 0) url_ = line_.substr(prefix.size());
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    wait_for(pid_, 5'000);
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
  if (stderr_fd_ >= 0) close(stderr_fd_);
}

std::optional<int> ServerProcess::stop(int signal, long timeout_ms) {
  if (pid_ <= 0) return std::nullopt;
  kill(pid_, signal);
  return wait_for(pid_, timeout_ms);
}

std::optional<int> ServerProcess::wait(long timeout_ms) {
  return wait_for(pid_, timeout_ms);
}

std::string ServerProcess::stderr_text() {
  return read_all(stderr_fd_, 1'000);
}

ProcessResult run_to_completion(const std::string& binary, std::vector<std::string> args,
                                long timeout_ms) {
  ProcessResult result;
  int out_fd = -1, err_fd = -1;
  pid_t pid = spawn(binary, args, out_fd, err_fd);
  if (pid <= 0) return result;
  result.out = read_all(out_fd, timeout_ms);  // returns at EOF, i.e. when the child exits
  result.err = read_all(err_fd, 1'000);
  result.exit_code = wait_for(pid, timeout_ms);
  if (pid > 0) {
    kill(pid, SIGKILL);
    wait_for(pid, 1'000);
  }
  close(out_fd);
  close(err_fd);
  return result;
}

}  // namespace scim::test
