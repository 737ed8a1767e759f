// The CI gate on the command line: --expect, --update-expect, --fail-on-unexpected-pass,
// --compare, $GITHUB_STEP_SUMMARY and `diff`, against a scripted target (no network).
#include <gtest/gtest.h>

#include <sstream>

#include "fake_transport.hpp"
#include "scim/conformance/cli/diff_command.hpp"
#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/cli/run_command.hpp"
#include "scim/conformance/context.hpp"
#include "test_environment.hpp"

namespace scim::conf::cli {
namespace {

using conf::testing::FakeTransport;

Result<Command, UsageError> parse_gate(std::vector<std::string> args) {
  return parse_command_line(
      args, [](const std::string&) { return std::optional<std::string>(); },
      [](const std::string&) { return std::optional<std::string>(); });
}

TEST(GateCliParse, RunFlagsAndDiff) {
  const auto c = parse_gate({"run", "--base-url", "http://t", "--expect", "e.json",
                             "--update-expect", "u.json", "--fail-on-unexpected-pass", "--compare",
                             "old.json", "--duration-threshold", "25"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->run.expect_file, "e.json");
  EXPECT_EQ(c->run.update_expect_file, "u.json");
  EXPECT_TRUE(c->run.fail_on_unexpected_pass);
  EXPECT_EQ(c->run.compare_file, "old.json");
  EXPECT_EQ(c->run.thresholds.percent, 25);
  EXPECT_EQ(c->run.thresholds.floor_ms, 100);
  const auto d =
      parse_gate({"diff", "a.json", "b.json", "--format", "md", "--duration-floor", "5"});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->kind, CommandKind::Diff);
  EXPECT_EQ(d->diff.old_file, "a.json");
  EXPECT_EQ(d->diff.new_file, "b.json");
  EXPECT_EQ(d->diff.format, "md");
  EXPECT_EQ(d->diff.thresholds.floor_ms, 5);
  EXPECT_FALSE(parse_gate({"diff", "a.json"}).ok());
  EXPECT_FALSE(parse_gate({"diff", "a.json", "b.json", "--format", "xml"}).ok());
  const auto targets = parse_gate({"run", "--targets", "t.json", "--target-jobs", "4"});
  ASSERT_TRUE(targets.ok()) << targets.error().message;
  EXPECT_EQ(targets->run.target_jobs, 4);
  EXPECT_EQ(targets->run.report_dir, "scim-reports");
  EXPECT_FALSE(parse_gate({"run", "--targets", "t.json", "--target-jobs", "17"}).ok());
  EXPECT_FALSE(parse_gate({"run", "--targets", "t.json", "--compare", "o.json"}).ok());
  EXPECT_FALSE(parse_gate({"run", "--targets", "t.json", "--junit", "j.xml"}).ok());
  EXPECT_FALSE(parse_gate({"run"}).ok());  // neither --base-url nor --targets
}

// One failing MUST check and one passing one; reports are captured, files are a map.
class GateRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conf::testing::script_discovery(*fake_, {"filter"});
    auto& sec = catalog_.section(catalog_.spec("rfc7644", "RFC 7644"), "3.14", "ETags");
    add(sec, "etag-header", [](Context& c) { c.fail("no ETag header", "ETag", "none"); });
    add(sec, "if-match", [](Context&) {});
    config_.base_url = "https://t/scim/v2";
    env_.make_transport = [this](const RunConfig&) {
      return std::unique_ptr<Transport>(std::move(fake_));
    };
    env_.reporters["md"] = [](const RunResult& r, std::ostream& o) {
      o << "md:" << r.exit_code() << "\n";
    };
  }
  void add(Section& s, const std::string& slug, CheckFn fn) {
    CheckInfo i;
    i.id = "rfc7644/3.14/" + slug;
    i.title = slug;
    i.requirement = "r";
    catalog_.add(s, i, std::move(fn));
  }
  int run() { return run_command(config_, catalog_, env_); }

  std::unique_ptr<FakeTransport> fake_ = std::make_unique<FakeTransport>();
  Catalog catalog_;
  RunConfig config_;
  conf::testing::TestRunEnvironment test_;
  RunEnvironment& env_ = test_.env;
  std::map<std::string, std::string>& files_ = test_.files;
  std::map<std::string, std::string>& vars_ = test_.vars;
  std::ostringstream& out_ = test_.out;
  std::ostringstream& err_ = test_.err;
};

TEST_F(GateRunTest, AnExpectedFailurePrintsXfailAndPasses) {
  files_["e.json"] = R"({"expectations": [{"check": "rfc7644/3.14/etag-*", "reason": "JIRA-12"}]})";
  config_.expect_file = "e.json";
  EXPECT_EQ(run(), 0) << out_.str() << err_.str();
  EXPECT_NE(out_.str().find("XFAIL rfc7644/3.14/etag-header"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("1 expected failures, 0 unexpected passes (e.json, 1 entries)"),
            std::string::npos);
}

TEST_F(GateRunTest, UnexpectedPassFailsOnlyWithTheFlag) {
  files_["e.json"] = R"({"expectations": [{"check": "rfc7644/3.14/*", "reason": "r"}]})";
  config_.expect_file = "e.json";
  EXPECT_EQ(run(), 0);
  EXPECT_NE(out_.str().find("XPASS rfc7644/3.14/if-match"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("unexpected pass: rfc7644/3.14/if-match (remove 'rfc7644/3.14/*'"),
            std::string::npos);
  fake_ = std::make_unique<FakeTransport>();
  conf::testing::script_discovery(*fake_, {"filter"});
  config_.fail_on_unexpected_pass = true;
  EXPECT_EQ(run(), 1);
}

TEST_F(GateRunTest, AnExpiredEntryFailsTheGateAndSaysSo) {
  files_["e.json"] = R"({"expectations": [
      {"check": "rfc7644/3.14/etag-header", "reason": "until Q4", "expires": "2025-12-31"}]})";
  config_.expect_file = "e.json";
  EXPECT_EQ(run(), 1);
  EXPECT_NE(out_.str().find("expectation expired, failing the gate: rfc7644/3.14/etag-header "
                            "expired on 2025-12-31 (until Q4)"),
            std::string::npos)
      << out_.str();
}

TEST_F(GateRunTest, BadGateFilesAreUsageErrorsBeforeAnyRequest) {
  config_.expect_file = "missing.json";
  EXPECT_EQ(run(), 2);
  EXPECT_NE(err_.str().find("cannot read --expect file missing.json"), std::string::npos);
  files_["bad.json"] = R"({"expectations": [{"check": "x"}]})";
  config_.expect_file = "bad.json";
  EXPECT_EQ(run(), 2);
  EXPECT_NE(err_.str().find("--expect bad.json: expectations[0]: reason: missing"),
            std::string::npos);
  config_.expect_file.clear();
  files_["old.json"] = R"({"version": "9"})";
  config_.compare_file = "old.json";
  EXPECT_EQ(run(), 2);
  EXPECT_NE(err_.str().find("--compare old.json: not a scim-conformance results file"),
            std::string::npos);
  EXPECT_TRUE(fake_ != nullptr);  // the transport was never created
}

TEST_F(GateRunTest, UpdateExpectWritesTheFailuresAndTheRunStaysRed) {
  config_.update_expect_file = "new-expect.json";
  EXPECT_EQ(run(), 1);
  const auto doc = nlohmann::json::parse(files_.at("new-expect.json"));
  ASSERT_EQ(doc["expectations"].size(), 1u);
  EXPECT_EQ(doc["expectations"][0]["check"], "rfc7644/3.14/etag-header");
  EXPECT_EQ(doc["expectations"][0]["reason"], "baseline 2026-01-01: failed: no ETag header");
  EXPECT_NE(out_.str().find("wrote expectations for 1 failing checks to new-expect.json"),
            std::string::npos);
}

TEST_F(GateRunTest, CompareAddsTheComparisonToTheSummary) {
  files_["old.json"] = R"({"version": "1", "target": "https://t/scim/v2", "startedAt": "S",
      "checks": [{"id": "rfc7644/3.14/etag-header", "outcome": "passed"},
                 {"id": "rfc7644/3.14/gone", "outcome": "passed"}]})";
  config_.compare_file = "old.json";
  EXPECT_EQ(run(), 1);
  EXPECT_NE(out_.str().find("compared with old.json (https://t/scim/v2, S): 1 regressions, 0 "
                            "fixes, 1 new, 1 gone"),
            std::string::npos)
      << out_.str();
  EXPECT_NE(out_.str().find("regression: rfc7644/3.14/etag-header (passed -> failed)"),
            std::string::npos);
}

TEST_F(GateRunTest, StepSummaryIsAppendedWhenGithubAsksForIt) {
  EXPECT_EQ(run(), 1);
  EXPECT_TRUE(files_.empty());
  vars_["GITHUB_STEP_SUMMARY"] = "/gh/summary.md";
  files_["/gh/summary.md"] = "earlier step\n";
  fake_ = std::make_unique<FakeTransport>();
  conf::testing::script_discovery(*fake_, {"filter"});
  EXPECT_EQ(run(), 1);
  EXPECT_EQ(files_.at("/gh/summary.md"), "earlier step\nmd:1\n");
}

// ---- diff

TEST(DiffCommand, ExitsOneOnARegressionAndTwoOnABadFile) {
  std::map<std::string, std::string> files = {
      {"old.json", R"({"version": "1", "target": "T", "startedAt": "S",
          "checks": [{"id": "a/1/x", "outcome": "passed"}, {"id": "a/1/y", "outcome": "failed"}]})"},
      {"same.json", R"({"version": "1", "checks": [{"id": "a/1/x", "outcome": "passed"},
          {"id": "a/1/y", "outcome": "passed"}]})"},
      {"worse.json", R"({"version": "1", "checks": [{"id": "a/1/x", "outcome": "error"}]})"}};
  std::ostringstream out, err;
  DiffEnvironment env;
  env.read_file = [&](const std::string& p) -> std::optional<std::string> {
    const auto it = files.find(p);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  env.renderers["text"] = [](const RunComparison& c) {
    return std::to_string(c.regressions.size()) + "r " + std::to_string(c.fixes.size()) + "f " +
           std::to_string(c.disappeared.size()) + "g " + c.baseline + "\n";
  };
  env.out = &out;
  env.err = &err;
  EXPECT_EQ(diff_command({"old.json", "same.json", "text", {}}, env), 0);
  EXPECT_EQ(out.str(), "0r 1f 0g old.json (T, S)\n");
  EXPECT_EQ(diff_command({"old.json", "worse.json", "text", {}}, env), 1);
  EXPECT_NE(out.str().find("1r 0f 1g"), std::string::npos);
  EXPECT_EQ(diff_command({"old.json", "nope.json", "text", {}}, env), 2);
  EXPECT_NE(err.str().find("cannot read nope.json"), std::string::npos);
  EXPECT_EQ(diff_command({"old.json", "same.json", "md", {}}, env), 2);
}

}  // namespace
}  // namespace scim::conf::cli
