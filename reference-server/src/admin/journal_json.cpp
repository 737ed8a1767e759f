// Journal entries as JSON and journal queries from query parameters (see journal_json.hpp).
#include "scim/server/admin/journal_json.hpp"

#include <charconv>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/admin/glob.hpp"
#include "scim/server/store/timestamp.hpp"

namespace scim::admin {
namespace {

nlohmann::json headers_json(const Headers& headers) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : headers) {
    auto& slot = out[to_lower(name)];
    slot = slot.is_null() ? value : slot.get<std::string>() + ", " + value;
  }
  return out;
}

// The body as text, and as JSON too when it is a complete JSON document (so a test can compare
// what the client sent without parsing it again).
void put_body(nlohmann::json& out, const CapturedBody& body) {
  out["body"] = body.text;
  out["bodySize"] = body.size;
  out["bodyTruncated"] = body.truncated;
  if (body.truncated || body.text.empty()) return;
  auto parsed = nlohmann::json::parse(body.text, nullptr, false);
  if (!parsed.is_discarded()) out["json"] = std::move(parsed);
}

double millis(std::chrono::microseconds d) {
  return static_cast<double>(d.count()) / 1000.0;
}

std::optional<std::size_t> number(const std::string& text) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Status<> parse_status(const std::string& text, JournalQuery& q) {
  // "404" or a class: "4xx".
  if (text.size() == 3 && text[0] >= '1' && text[0] <= '5' && iequals(text.substr(1), "xx")) {
    q.status_class = text[0] - '0';
    return Ok{};
  }
  auto n = number(text);
  if (!n || *n < 100 || *n > 599) {
    return invalid_value("status must be a status code (404) or a class (4xx), got \"" + text +
                         "\"");
  }
  q.status = static_cast<int>(*n);
  return Ok{};
}

Result<std::chrono::system_clock::time_point> parse_time(const std::string& name,
                                                         const std::string& text) {
  auto ms = store::parse_timestamp_ms(text);
  if (!ms) {
    return invalid_value(name + " must be an RFC 3339 date-time (2026-05-01T12:00:00Z), got \"" +
                         text + "\"");
  }
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(*ms));
}

}  // namespace

nlohmann::json to_json(const JournalEntry& e) {
  nlohmann::json out = {{"seq", e.seq},
                        {"time", store::format_timestamp(e.time)},
                        {"epochMs", store::to_epoch_ms(e.time)},
                        {"kind", e.kind == JournalEntry::Kind::Audit ? "audit" : "request"},
                        {"tenant", e.tenant},
                        {"credential", e.credential}};
  if (e.kind == JournalEntry::Kind::Audit) {
    out["action"] = e.action;
    out["detail"] = e.detail.is_null() ? nlohmann::json::object() : e.detail;
    return out;
  }
  out["requestId"] = e.request_id;
  nlohmann::json request = {{"method", e.method},
                            {"target", e.target},
                            {"path", e.path},
                            {"headers", headers_json(e.request_headers)}};
  put_body(request, e.request_body);
  nlohmann::json response = {{"status", e.status}, {"headers", headers_json(e.response_headers)}};
  put_body(response, e.response_body);
  out["request"] = std::move(request);
  out["response"] = std::move(response);
  if (!e.page.is_null()) out["page"] = e.page;
  out["durationMs"] = millis(e.duration);
  out["leniencies"] = e.leniencies;
  out["variants"] = e.variants;
  out["fault"] = e.fault.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.fault);
  out["delayMs"] = e.delay.count();
  return out;
}

nlohmann::json to_json(const JournalStats& s) {
  return {{"size", s.size},
          {"maxEntries", s.max_entries},
          {"bytes", s.bytes},
          {"appended", s.appended},
          {"evicted", s.evicted}};
}

Result<JournalQuery> parse_journal_query(const std::map<std::string, std::string>& params,
                                         std::size_t max_limit) {
  JournalQuery q;
  q.limit = std::min<std::size_t>(q.limit, max_limit);
  for (const auto& [key, value] : params) {
    if (key == "method") {
      q.method = value;
    } else if (key == "path") {
      if (value.empty() || value.size() > kMaxGlobLength) {
        return invalid_value("path must be a glob of 1 to " + std::to_string(kMaxGlobLength) +
                             " characters");
      }
      q.path_glob = value;
    } else if (key == "status") {
      if (auto st = parse_status(value, q); !st) return st.error();
    } else if (key == "since" || key == "until") {
      auto t = parse_time(key, value);
      if (!t) return t.error();
      (key == "since" ? q.since : q.until) = *t;
    } else if (key == "kind") {
      if (value != "request" && value != "audit") {
        return invalid_value("kind must be request or audit, got \"" + value + "\"");
      }
      q.kind = value == "audit" ? JournalEntry::Kind::Audit : JournalEntry::Kind::Request;
    } else if (key == "limit") {
      auto n = number(value);
      if (!n || *n < 1 || *n > std::max<std::size_t>(max_limit, 1)) {
        return invalid_value("limit must be between 1 and " +
                             std::to_string(std::max<std::size_t>(max_limit, 1)));
      }
      q.limit = *n;
    } else {
      return invalid_value("unknown journal parameter \"" + key +
                           "\" (method, path, status, since, until, kind, limit)");
    }
  }
  return q;
}

}  // namespace scim::admin
