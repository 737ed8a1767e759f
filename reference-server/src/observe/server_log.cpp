// The structured log on spdlog (see server_log.hpp). JSON lines are built with nlohmann::json,
// so escaping is the JSON library's, and spdlog only adds the line ending.
#include "scim/server/observe/server_log.hpp"

#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "batching_sink.hpp"

#include "scim/protocol/plain_text.hpp"
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

namespace {

template <typename Buffer>
void append(Buffer& out, std::string_view s) {
  out.append(s.data(), s.data() + s.size());
}

// `s` as a JSON string. Plain text (scim/protocol/plain_text.hpp: request ids, methods, tenant
// names and the paths of ordinary requests always are) is written as it is between quotes;
// anything else goes through the library. Invalid UTF-8 from a client (a raw byte in the request
// target) is replaced, as in the JSON format: the default dump() throws on it, and an access line
// must never take a request down.
template <typename Buffer>
void append_quoted(Buffer& out, std::string_view s) {
  if (plain_text::is_plain(s)) {
    append(out, "\"");
    append(out, s);
    append(out, "\"");
    return;
  }
  append(out, nlohmann::json(std::string(s))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// A number's decimal digits, on the stack.
class Digits {
 public:
  template <typename Integer>
  explicit Digits(Integer n) : size_(std::to_chars(text_, text_ + sizeof text_, n).ptr - text_) {}
  std::string_view view() const { return {text_, static_cast<std::size_t>(size_)}; }

 private:
  char text_[24];
  std::ptrdiff_t size_;
};

// A duration as printf's "%.3f" writes its milliseconds, on the stack. A whole number of
// microseconds has exactly three decimals as milliseconds, so integer arithmetic rounds nothing
// (FormatsMillisecondsAsPrintfDoes); a negative one, which no clock here gives, goes to printf.
class Milliseconds {
 public:
  explicit Milliseconds(std::chrono::microseconds duration) {
    const auto us = duration.count();
    if (us < 0) {
      const int n = std::snprintf(text_, sizeof text_, "%.3f", static_cast<double>(us) / 1000);
      size_ = std::clamp(n, 0, static_cast<int>(sizeof text_) - 1);
      return;
    }
    char* end = std::to_chars(text_, text_ + 24, us / 1000).ptr;  // at most 16 digits
    const auto frac = us % 1000;
    *end++ = '.';
    *end++ = static_cast<char>('0' + frac / 100);
    *end++ = static_cast<char>('0' + frac / 10 % 10);
    *end++ = static_cast<char>('0' + frac % 10);
    size_ = static_cast<int>(end - text_);
  }
  std::string_view view() const { return {text_, static_cast<std::size_t>(size_)}; }

 private:
  char text_[32];
  int size_ = 0;
};

// `parts` one after the other, in one resize of `out`.
template <typename Buffer, std::size_t N>
void append_all(Buffer& out, const std::array<std::string_view, N>& parts) {
  std::size_t size = 0;
  for (const auto part : parts) size += part.size();
  const std::size_t at = out.size();
  out.resize(at + size);
  char* to = out.data() + at;
  for (const auto part : parts) to = std::copy(part.begin(), part.end(), to);
}

// The line, written into `out` without an intermediate string per field: when every text is
// plain (the usual case), its pieces in one go; otherwise field by field, escaping what needs it.
template <typename Buffer>
void append_access_text(Buffer& out, const AccessRecord& r) {
  const std::string_view tenant = r.tenant.empty() ? std::string_view("-") : r.tenant;
  const Digits status(r.status), bytes_in(r.bytes_in), bytes_out(r.bytes_out);
  const Milliseconds duration(r.duration);
  if (plain_text::is_plain(r.request_id) && plain_text::is_plain(tenant) &&
      plain_text::is_plain(r.method) && plain_text::is_plain(r.path)) {
    append_all(out, std::array<std::string_view, 16>{
                        "access request_id=\"", r.request_id, "\" tenant=\"", tenant,
                        "\" method=\"", r.method, "\" path=\"", r.path, "\" status=", status.view(),
                        " duration_ms=", duration.view(), " bytes_in=", bytes_in.view(),
                        " bytes_out=", bytes_out.view()});
    return;
  }
  append(out, "access request_id=");
  append_quoted(out, r.request_id);
  append(out, " tenant=");
  append_quoted(out, tenant);
  append(out, " method=");
  append_quoted(out, r.method);
  append(out, " path=");
  append_quoted(out, r.path);
  append(out, " status=");
  append(out, status.view());
  append(out, " duration_ms=");
  append(out, duration.view());
  append(out, " bytes_in=");
  append(out, bytes_in.view());
  append(out, " bytes_out=");
  append(out, bytes_out.view());
}

}  // namespace

std::string format_milliseconds(std::chrono::microseconds duration) {
  return std::string(Milliseconds(duration).view());
}

std::string format_access_text(const AccessRecord& r) {
  std::string out;
  append_access_text(out, r);
  return out;
}

std::string format_access_json(const AccessRecord& r, std::chrono::system_clock::time_point t) {
  nlohmann::ordered_json j = {
      {"time", store::format_timestamp(t)},
      {"level", "info"},
      {"msg", "access"},
      {"request_id", std::string(r.request_id)},
      {"tenant", r.tenant.empty() ? nlohmann::ordered_json(nullptr)
                                  : nlohmann::ordered_json(std::string(r.tenant))},
      {"method", std::string(r.method)},
      {"path", std::string(r.path)},
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
    sink->set_formatter(
        std::make_unique<spdlog::pattern_formatter>(kTextPattern, spdlog::pattern_time_type::utc));
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
    spdlog::memory_buf_t line;  // on the stack for lines up to 250 bytes
    append_access_text(line, record);
    // The sink writes the pattern's prefix itself (BatchingSink::text_line): the logger would
    // only check the level again and run the pattern's flag formatters one by one.
    const auto level = spdlog::level::to_string_view(spdlog::level::info);
    impl_->sink->text_line(std::chrono::system_clock::now(),
                           std::string_view(level.data(), level.size()),
                           std::string_view(line.data(), line.size()));
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
