// The server's structured log (docs/observability.md): spdlog behind a pimpl, one logger per
// server (no global registry), writing text or JSON lines to stderr. A request never waits for
// the log: its line is formatted into a bounded batch that one writer thread writes out in one
// go (batching_sink.hpp), and when the batch is full the oldest line is dropped and counted
// (scim_log_lines_dropped_total).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace scim::observe {

enum class LogFormat { Text, Json };

struct LogOptions {
  LogFormat format = LogFormat::Text;
  std::string level = "info";     // trace, debug, info, warn, error, critical, off
  bool access_log = true;         // one info line per request
  std::size_t queue_size = 8192;  // lines waiting for the writer thread; beyond: oldest dropped
  // How often the writer thread writes the waiting lines (sooner when 64 KiB wait, or a warning).
  std::chrono::milliseconds write_interval{50};
};

// The level names --log-level accepts; nullopt for anything else.
std::optional<int> parse_log_level(std::string_view name);

// What one access-log line says. Never a credential, a header value or a body. The texts are
// views into the request being logged, valid for the access() call.
struct AccessRecord {
  std::string_view request_id;
  std::string_view tenant;  // "" when none
  std::string_view method;
  std::string_view path;  // the request-target's path, without the query (it may carry secrets)
  int status = 0;
  std::chrono::microseconds duration{0};
  std::size_t bytes_in = 0;   // request body
  std::size_t bytes_out = 0;  // response body
};

// The line's text after spdlog's prefix; values that a client chose are quoted and escaped
// (nlohmann's JSON string escaping), so a line feed in a path cannot forge a second line.
std::string format_access_text(const AccessRecord& r);
// A duration as milliseconds with three decimals, as printf's "%.3f" writes them ("1.250").
std::string format_milliseconds(std::chrono::microseconds duration);
// One JSON object with time, level and msg "access" besides the record's fields.
std::string format_access_json(const AccessRecord& r, std::chrono::system_clock::time_point t);

class ServerLog {
 public:
  // `out` null: stderr. Otherwise lines go to `out`, which must outlive this object (tests).
  explicit ServerLog(LogOptions options, std::ostream* out = nullptr);
  ~ServerLog();  // writes every queued line, then stops the writer thread
  ServerLog(const ServerLog&) = delete;
  ServerLog& operator=(const ServerLog&) = delete;

  bool access_enabled() const;
  void access(const AccessRecord& record);
  // Server events ("listening", "shutting down", queue reports) at info or warn.
  void info(std::string_view message);
  void warn(std::string_view message);
  std::uint64_t dropped() const;
  const LogOptions& options() const { return options_; }

 private:
  void event(int level, std::string_view message);

  struct Impl;
  LogOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace scim::observe
