// The structured log on spdlog (see server_log.hpp). JSON lines are built with nlohmann::json,
// so escaping is the JSON library's, and spdlog only adds the line ending.
#include "scim/server/observe/server_log.hpp"

#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <nlohmann/json.hpp>

#include "batching_sink.hpp"

#include "scim/server/store/timestamp.hpp"

namespace scim::observe {

std::optional<int> parse_log_level(std::string_view name) {
  static constexpr std::string_view kNames[] = {"trace", "debug",    "info", "warn",
                                                "error", "critical", "off"};
  for (int i = 0; i < 7; ++i) {
    if (name == kNames[i]) return i;  // spdlog::level::level_enum's order
  }
  return std::nullopt;
}

std::string format_access_text(const AccessRecord& r) {
  // Invalid UTF-8 from a client (a raw byte in the request target) is replaced, as in the JSON
  // format: the default dump() throws on it, and an access line must never take a request down.
  auto quoted = [](const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.3f", static_cast<double>(r.duration.count()) / 1000);
  return "access request_id=" + quoted(r.request_id) +
         " tenant=" + quoted(r.tenant.empty() ? "-" : r.tenant) + " method=" + quoted(r.method) +
         " path=" + quoted(r.path) + " status=" + std::to_string(r.status) +
         " duration_ms=" + duration + " bytes_in=" + std::to_string(r.bytes_in) +
         " bytes_out=" + std::to_string(r.bytes_out);
}

std::string format_access_json(const AccessRecord& r, std::chrono::system_clock::time_point t) {
  nlohmann::ordered_json j = {{"time", store::format_timestamp(t)},
                              {"level", "info"},
                              {"msg", "access"},
                              {"request_id", r.request_id},
                              {"tenant", r.tenant.empty() ? nlohmann::ordered_json(nullptr)
                                                          : nlohmann::ordered_json(r.tenant)},
                              {"method", r.method},
                              {"path", r.path},
                              {"status", r.status},
                              {"duration_ms", static_cast<double>(r.duration.count()) / 1000},
                              {"bytes_in", r.bytes_in},
                              {"bytes_out", r.bytes_out}};
  // Invalid UTF-8 from a client is replaced, never a reason to lose the line or throw.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct ServerLog::Impl {
  std::shared_ptr<BatchingSink> sink;
  std::shared_ptr<spdlog::logger> logger;
};

ServerLog::ServerLog(LogOptions options, std::ostream* out)
    : options_(std::move(options)), impl_(std::make_unique<Impl>()) {
  BatchLimits limits;
  limits.max_lines = options_.queue_size;
  limits.interval = options_.write_interval;
  auto sink = std::make_shared<BatchingSink>(out, limits);
  impl_->sink = sink;
  if (options_.format == LogFormat::Json) {
    sink->set_pattern("%v");
  } else {
    sink->set_formatter(std::make_unique<spdlog::pattern_formatter>(
        "%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc));
  }
  // Not registered in spdlog's global registry: each server owns its logger. The logger is
  // synchronous; the sink only queues the formatted line for its writer thread.
  impl_->logger = std::make_shared<spdlog::logger>("scim", std::move(sink));
  impl_->logger->flush_on(spdlog::level::warn);  // warnings go out without waiting a batch
  const auto level = parse_log_level(options_.level).value_or(spdlog::level::info);
  impl_->logger->set_level(static_cast<spdlog::level::level_enum>(level));
}

ServerLog::~ServerLog() {
  // The sink's destructor writes the waiting lines and joins its writer thread.
  impl_->logger.reset();
  impl_->sink.reset();
}

bool ServerLog::access_enabled() const {
  return options_.access_log && impl_->logger->should_log(spdlog::level::info);
}

void ServerLog::access(const AccessRecord& record) {
  if (!access_enabled()) return;
  if (options_.format == LogFormat::Json) {
    impl_->logger->info(format_access_json(record, std::chrono::system_clock::now()));
  } else {
    impl_->logger->info(format_access_text(record));
  }
}

void ServerLog::info(std::string_view message) {
  event(spdlog::level::info, message);
}

void ServerLog::warn(std::string_view message) {
  event(spdlog::level::warn, message);
}

void ServerLog::event(int level, std::string_view message) {
  const auto lvl = static_cast<spdlog::level::level_enum>(level);
  if (!impl_->logger->should_log(lvl)) return;
  if (options_.format == LogFormat::Text) {
    impl_->logger->log(lvl, std::string(message));
    return;
  }
  nlohmann::ordered_json j = {{"time", store::format_timestamp(std::chrono::system_clock::now())},
                              {"level", spdlog::level::to_string_view(lvl).data()},
                              {"msg", message}};
  impl_->logger->log(lvl, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::uint64_t ServerLog::dropped() const {
  return impl_->sink->dropped();
}

}  // namespace scim::observe
