// The test RunEnvironment (test_environment.hpp).
#include "test_environment.hpp"

namespace scim::conf::testing {

TestRunEnvironment::TestRunEnvironment() {
  env.write_file = [this](const std::string& path, const std::string& content) {
    std::lock_guard lock(mutex_);
    files[path] = content;
    return true;
  };
  env.append_file = [this](const std::string& path, const std::string& content) {
    std::lock_guard lock(mutex_);
    files[path] += content;
    return true;
  };
  env.read_file = [this](const std::string& path) -> std::optional<std::string> {
    std::lock_guard lock(mutex_);
    const auto it = files.find(path);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  env.env = [this](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  env.out = &out;
  env.err = &err;
  env.cancel = &cancel;
  env.start_set_receiver = false;
  env.sleep = [](std::chrono::milliseconds) {};
  env.today = "2026-01-01";
}

}  // namespace scim::conf::testing
