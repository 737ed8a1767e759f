// Console rendering of progress and results.
#include "scim/conformance/cli/console.hpp"

#include <algorithm>
#include <iomanip>

#include "scim/conformance/capability.hpp"

namespace scim::conf::cli {
namespace {

const char* colour_of(Outcome outcome) {
  switch (outcome) {
    case Outcome::Passed:
      return "\x1b[32m";
    case Outcome::Failed:
      return "\x1b[31m";
    case Outcome::Warning:
      return "\x1b[33m";
    case Outcome::Skipped:
      return "\x1b[90m";
    case Outcome::Error:
      return "\x1b[35m";
  }
  return "";
}

const char* label(Outcome outcome) {
  switch (outcome) {
    case Outcome::Passed:
      return "PASS";
    case Outcome::Failed:
      return "FAIL";
    case Outcome::Warning:
      return "WARN";
    case Outcome::Skipped:
      return "SKIP";
    case Outcome::Error:
      return "ERROR";
  }
  return "?";
}

const char* label(const CheckResult& r) {
  switch (r.expectation.grade) {
    case Expectation::ExpectedFailure:
      return "XFAIL";
    case Expectation::UnexpectedPass:
      return "XPASS";
    case Expectation::None:
      break;
  }
  return label(r.outcome);
}

std::string millis(std::chrono::microseconds d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(d).count()) + " ms";
}

void print_detail(std::ostream& out, const CheckResult& r, const ConsoleStyle& style) {
  const bool verbose = style.verbose;
  if (r.expectation.grade != Expectation::None)
    out << "      expected to fail (" << r.expectation.pattern << "): " << r.expectation.reason
        << "\n";
  if (r.outcome == Outcome::Passed) return;
  if (!r.message.empty()) out << "      " << r.message << "\n";
  if (r.outcome == Outcome::Skipped) return;
  if (!r.expected.empty()) out << "      expected: " << r.expected << "\n";
  if (!r.actual.empty()) out << "      actual:   " << r.actual << "\n";
  for (const auto& left : r.leftovers) out << "      left on target: " << left << "\n";
  const auto& quoted = style.quoted_specs;
  if (verbose || std::find(quoted.begin(), quoted.end(), r.info.spec()) != quoted.end())
    out << "      requirement (" << to_string(r.info.level) << "): " << r.info.requirement << "\n";
  if (!verbose) return;
  for (const auto& n : r.notes) out << "      note: " << n << "\n";
  for (const auto& ex : r.exchanges) print_exchange(out, ex);
}

// The lines --expect and --compare add to the summary.
void print_gate(std::ostream& out, const RunResult& run) {
  if (run.expectations) {
    const auto& e = *run.expectations;
    out << run.count(Expectation::ExpectedFailure) << " expected failures, "
        << run.count(Expectation::UnexpectedPass) << " unexpected passes (" << e.file << ", "
        << e.entries << " entries)\n";
    for (const auto& r : run.results) {
      if (r.expectation.grade == Expectation::UnexpectedPass)
        out << "unexpected pass: " << r.info.id << " (remove '" << r.expectation.pattern
            << "' from " << e.file << ")\n";
    }
    for (const auto& x : e.expired) out << "expectation expired, failing the gate: " << x << "\n";
    constexpr std::size_t kShownUnused = 10;  // with --only most entries match nothing: no flood
    for (std::size_t i = 0; i < e.unused.size() && i < kShownUnused; ++i)
      out << "expectation matched no check of this run: " << e.unused[i] << "\n";
    if (e.unused.size() > kShownUnused)
      out << "... and " << e.unused.size() - kShownUnused << " more entries (see the reports)\n";
  }
  if (run.comparison) {
    const auto& c = *run.comparison;
    out << "compared with " << c.baseline << ": " << c.regressions.size() << " regressions, "
        << c.fixes.size() << " fixes, " << c.appeared.size() << " new, " << c.disappeared.size()
        << " gone\n";
    for (const auto& r : c.regressions)
      out << "regression: " << r.id << " (" << r.before << " -> " << r.after << ")\n";
  }
}

}  // namespace

void print_exchange(std::ostream& out, const Exchange& ex) {
  out << "      > " << ex.method << " " << ex.url << "\n";
  for (const auto& [k, v] : ex.request_headers) out << "      > " << k << ": " << v << "\n";
  if (!ex.request_body.empty()) out << "      > " << ex.request_body << "\n";
  if (ex.status == 0) {
    out << "      < (no response: " << ex.transport_error << ")\n";
    return;
  }
  out << "      < " << ex.status << " (" << millis(ex.elapsed) << ")\n";
  for (const auto& [k, v] : ex.response_headers) out << "      < " << k << ": " << v << "\n";
  if (!ex.response_body.empty()) out << "      < " << ex.response_body << "\n";
}

void ConsoleObserver::on_discovered(const Capabilities& caps) {
  std::string advertised;
  for (Capability capability : kAllCapabilities) {
    if (!caps.has(capability)) continue;
    advertised += std::string(advertised.empty() ? "" : " ") + std::string(to_string(capability));
  }
  out_ << "target advertises: " << (advertised.empty() ? "(nothing)" : advertised) << "\n";
}

void ConsoleObserver::on_run_notes(const std::vector<std::string>& notes) {
  for (const auto& n : notes) out_ << "note: " << n << "\n";
}

void ConsoleObserver::on_start(std::size_t selected) {
  total_ = selected;
  out_ << "running " << selected << " checks\n";
}

void ConsoleObserver::clear_progress() {
  if (style_.tty) out_ << "\r\x1b[2K";
}

void ConsoleObserver::on_check_started(const CheckInfo& info) {
  if (!style_.tty) return;
  clear_progress();
  out_ << "[" << done_ << "/" << total_ << "] " << info.id << std::flush;
}

void ConsoleObserver::on_check_finished(const CheckResult& result, std::size_t done,
                                        std::size_t total) {
  CheckResult marked;
  if (expectations_ != nullptr) {
    marked = result;
    marked.expectation = expectations_->mark(result);
  }
  const CheckResult& r = expectations_ != nullptr ? marked : result;
  done_ = done;
  total_ = total;
  clear_progress();
  const char* on = style_.colour ? colour_of(r.outcome) : "";
  const char* off = style_.colour ? "\x1b[0m" : "";
  out_ << on << std::left << std::setw(6) << label(r) << off << r.info.id << " ("
       << millis(r.duration) << ")\n";
  print_detail(out_, r, style_);
  if (style_.tty) out_ << "[" << done << "/" << total << "]" << std::flush;
}

void print_summary(std::ostream& out, const RunResult& run, const ConsoleStyle& style) {
  if (style.tty) out << "\r\x1b[2K";
  if (run.interrupted) out << "run interrupted: remaining checks were not run\n";
  for (const auto& left : run.sweep_leftovers) out << "could not delete: " << left << "\n";
  out << "\n"
      << run.count(Outcome::Passed) << " passed, " << run.count(Outcome::Failed) << " failed, "
      << run.count(Outcome::Skipped) << " skipped\n";
  out << run.count(Outcome::Warning) << " warnings, " << run.count(Outcome::Error) << " errors in "
      << std::chrono::duration_cast<std::chrono::milliseconds>(run.duration).count() << " ms (run "
      << run.run_id << ")\n";
  print_gate(out, run);
}

}  // namespace scim::conf::cli
