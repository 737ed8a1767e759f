// Many targets (cli/targets_file.hpp, cli/targets_command.hpp): the file's rules, validation of
// every target before any request, per-target reports, the index and the worst exit code.
#include <gtest/gtest.h>

#include <sstream>

#include "fake_transport.hpp"
#include "scim/conformance/cli/targets_command.hpp"
#include "scim/conformance/cli/targets_file.hpp"
#include "scim/conformance/context.hpp"
#include "test_environment.hpp"

namespace scim::conf::cli {
namespace {

using conf::testing::FakeTransport;

TEST(TargetsFile, ParsesTargetsAndResolvesExpectRelativeToTheFile) {
  const auto targets = parse_targets(R"({"targets": [
      {"name": "acme", "baseUrl": "https://acme/scim/v2", "tokenEnv": "ACME_TOKEN",
       "profile": "entra", "expect": "expect/acme.json"},
      {"name": "globex.eu", "baseUrl": "http://globex/scim", "expect": "/abs/g.json"}]})",
                                     "ci/targets.json");
  ASSERT_TRUE(targets.ok()) << targets.error();
  ASSERT_EQ(targets->size(), 2u);
  EXPECT_EQ((*targets)[0].token_env, "ACME_TOKEN");
  EXPECT_EQ((*targets)[0].expect, "ci/expect/acme.json");
  EXPECT_EQ((*targets)[1].expect, "/abs/g.json");
  EXPECT_TRUE((*targets)[1].profile.empty());
}

TEST(TargetsFile, RejectsNamesThatAreNotSafeDirectoryNames) {
  const auto error = [](const std::string& entries) {
    auto t = parse_targets(R"({"targets": [)" + entries + "]}", "t.json");
    return t.ok() ? std::string("(accepted)") : t.error();
  };
  EXPECT_EQ(error(R"({"name": "../etc", "baseUrl": "http://x"})"),
            "targets[0]: name: '../etc' must be 1-64 characters of A-Z a-z 0-9 . _ -");
  EXPECT_EQ(error(R"({"name": "..", "baseUrl": "http://x"})").substr(0, 17), "targets[0]: name:");
  EXPECT_EQ(error(R"({"name": "a", "baseUrl": "ftp://x"})"),
            "targets[0]: baseUrl: must start with http:// or https://");
  EXPECT_EQ(error(R"({"name": "a", "baseUrl": "http://x", "token": "secret"})"),
            "targets[0]: unknown member 'token' (allowed: name, baseUrl, tokenEnv, profile, "
            "expect)");
  EXPECT_EQ(error(R"({"name": "a", "baseUrl": "http://x"}, {"name": "a", "baseUrl": "http://y"})"),
            "targets[1]: duplicate name a");
  EXPECT_EQ(error(""), R"(expected an object {"targets": [...]} with at least one target)");
}

// Two targets behind one scripted transport each: "good" passes, "bad" fails its MUST check.
class TargetsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& sec = catalog_.section(catalog_.spec("rfc7644", "RFC 7644"), "3.3", "Create");
    CheckInfo i;
    i.id = "rfc7644/3.3/create";
    i.title = "create";
    i.requirement = "r";
    catalog_.add(sec, i, [](Context& c) {
      if (c.base_url().find("bad") != std::string::npos) c.fail("m", "e", "a");
    });
    env_.make_transport = [this](const RunConfig& c) {
      std::lock_guard lock(mutex_);
      seen_tokens_.push_back(c.auth.bearer_token);
      auto fake = std::make_unique<FakeTransport>();
      conf::testing::script_discovery(*fake, {"filter"});
      return std::unique_ptr<Transport>(std::move(fake));
    };
    env_.reporters["json"] = [](const RunResult& r, std::ostream& o) { o << r.target; };
    env_.index_writers["html"] = [](const std::vector<TargetSummary>& t, std::ostream& o) {
      for (const auto& s : t) o << s.name << "=" << s.exit_code << ";";
    };
    test_.vars["GOOD_TOKEN"] = "good-secret";
    config_.targets_file = "targets.json";
    config_.report_dir = "out";
    config_.auth.bearer_token = "shared";
  }

  std::mutex mutex_;
  Catalog catalog_;
  RunConfig config_;
  conf::testing::TestRunEnvironment test_;
  RunEnvironment& env_ = test_.env;
  std::map<std::string, std::string>& files_ = test_.files;
  std::ostringstream& out_ = test_.out;
  std::ostringstream& err_ = test_.err;
  std::vector<std::string> seen_tokens_;
};

TEST_F(TargetsCommandTest, RunsEachTargetWritesItsReportsAndTheIndex) {
  files_["targets.json"] = R"({"targets": [
      {"name": "good", "baseUrl": "https://good/scim/v2", "tokenEnv": "GOOD_TOKEN"},
      {"name": "bad", "baseUrl": "https://bad/scim/v2"}]})";
  config_.target_jobs = 2;
  EXPECT_EQ(run_command(config_, catalog_, env_), 1) << out_.str() << err_.str();
  EXPECT_EQ(files_.at("out/good/results.json"), "https://good/scim/v2");
  EXPECT_EQ(files_.at("out/bad/results.json"), "https://bad/scim/v2");
  EXPECT_EQ(files_.at("out/index.html"), "good=0;bad=1;");
  std::sort(seen_tokens_.begin(), seen_tokens_.end());
  EXPECT_EQ(seen_tokens_, (std::vector<std::string>{"good-secret", "shared"}));
  // Each target's output is printed whole, framed by its name.
  const auto text = out_.str();
  EXPECT_NE(text.find("== target good (https://good/scim/v2)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("== target bad: exit 1\n"), std::string::npos);
  EXPECT_EQ(text.find("good-secret"), std::string::npos);
}

TEST_F(TargetsCommandTest, AMissingTokenVariableStopsTheRunBeforeAnyRequest) {
  files_["targets.json"] = R"({"targets": [
      {"name": "good", "baseUrl": "https://good/scim/v2"},
      {"name": "vendor", "baseUrl": "https://v/scim/v2", "tokenEnv": "VENDOR_TOKEN"}]})";
  EXPECT_EQ(run_command(config_, catalog_, env_), 2);
  EXPECT_NE(
      err_.str().find("target vendor: environment variable VENDOR_TOKEN (tokenEnv) is not set"),
      std::string::npos)
      << err_.str();
  EXPECT_TRUE(seen_tokens_.empty());
}

TEST_F(TargetsCommandTest, PerTargetExpectationsAreAppliedToThatTargetOnly) {
  files_["targets.json"] = R"({"targets": [
      {"name": "bad", "baseUrl": "https://bad/scim/v2", "expect": "bad-expect.json"}]})";
  files_["bad-expect.json"] =
      R"({"expectations": [{"check": "rfc7644/3.3/create", "reason": "vendor ticket 7"}]})";
  EXPECT_EQ(run_command(config_, catalog_, env_), 0) << out_.str();
  EXPECT_NE(out_.str().find("XFAIL rfc7644/3.3/create"), std::string::npos);
  EXPECT_EQ(files_.at("out/index.html"), "bad=0;");
}

TEST_F(TargetsCommandTest, AnInterruptedRunStartsNoFurtherTarget) {
  files_["targets.json"] = R"({"targets": [{"name": "good", "baseUrl": "https://good/scim/v2"}]})";
  test_.cancel.request();
  EXPECT_EQ(run_command(config_, catalog_, env_), 2);
  EXPECT_TRUE(seen_tokens_.empty());  // no transport was made: nothing was sent
  EXPECT_EQ(files_.at("out/index.html"), "good=2;");
}

}  // namespace
}  // namespace scim::conf::cli
