// The command line: flags, config file and environment precedence, usage errors, and the exit
// codes of `run` (0/1/2) against a scripted target; `list` formats.
#include <gtest/gtest.h>

#include <sstream>

#include "fake_transport.hpp"
#include "scim/conformance/cli/console.hpp"
#include "scim/conformance/cli/list_command.hpp"
#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/cli/run_command.hpp"
#include "scim/conformance/context.hpp"

namespace scim::conf::cli {
namespace {

using conf::testing::FakeTransport;

Result<Command, UsageError> parse(std::vector<std::string> args,
                                  std::map<std::string, std::string> env = {},
                                  std::map<std::string, std::string> files = {}) {
  return parse_command_line(
      args,
      [env](const std::string& k) -> std::optional<std::string> {
        const auto it = env.find(k);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
      },
      [files](const std::string& k) -> std::optional<std::string> {
        const auto it = files.find(k);
        return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
      });
}

TEST(CliParse, RunFlags) {
  const auto c = parse({"run",
                        "--base-url",
                        "https://t/scim/v2",
                        "--token",
                        "T",
                        "--header",
                        "X-A: 1",
                        "--header",
                        "X-B:2",
                        "--only",
                        "rfc7644/*",
                        "--tags",
                        "a,b",
                        "--level",
                        "should",
                        "--jobs",
                        "4",
                        "--timeout",
                        "5",
                        "--keep",
                        "--junit",
                        "out.xml",
                        "--receiver-port",
                        "8999"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->kind, CommandKind::Run);
  const auto& r = c->run;
  EXPECT_EQ(r.base_url, "https://t/scim/v2");
  EXPECT_EQ(r.auth.bearer_token, "T");
  EXPECT_EQ(r.auth.extra_headers, (Headers{{"X-A", "1"}, {"X-B", "2"}}));
  EXPECT_EQ(r.selection.only, std::vector<std::string>{"rfc7644/*"});
  EXPECT_EQ(r.selection.tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.selection.min_level, Level::Should);
  EXPECT_EQ(r.jobs, 4);
  EXPECT_EQ(r.timeout_seconds, 5);
  EXPECT_TRUE(r.keep);
  EXPECT_EQ(r.reports.at("junit"), "out.xml");
  EXPECT_EQ(r.receiver_port, 8999);
}

TEST(CliParse, FlagsOverrideEnvironmentOverridesConfig) {
  const std::map<std::string, std::string> files = {
      {"c.json",
       R"({"base-url":"https://config/v2","token":"cfg","jobs":3,"only":["x/*"],"keep":true})"}};
  auto c = parse({"run", "--config", "c.json"}, {{"SCIM_BASE_URL", "https://env/v2"}}, files);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->run.base_url, "https://env/v2");
  EXPECT_EQ(c->run.auth.bearer_token, "cfg");
  EXPECT_EQ(c->run.jobs, 3);
  EXPECT_TRUE(c->run.keep);
  EXPECT_EQ(c->run.selection.only, std::vector<std::string>{"x/*"});
  c = parse({"run", "--config", "c.json", "--base-url", "https://flag/v2", "--jobs", "2"},
            {{"SCIM_BASE_URL", "https://env/v2"}, {"SCIM_TOKEN", "envtok"}}, files);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->run.base_url, "https://flag/v2");
  EXPECT_EQ(c->run.auth.bearer_token, "envtok");
  EXPECT_EQ(c->run.jobs, 2);
}

TEST(CliParse, UsageErrors) {
  EXPECT_FALSE(parse({}).ok());
  EXPECT_FALSE(parse({"run"}).ok());  // no base URL
  EXPECT_FALSE(parse({"run", "--base-url", "ftp://x"}).ok());
  EXPECT_FALSE(parse({"run", "--base-url", "http://x", "--jobs", "0"}).ok());
  EXPECT_FALSE(parse({"run", "--base-url", "http://x", "--level", "OPTIONAL"}).ok());
  EXPECT_FALSE(parse({"run", "--base-url", "http://x", "--header", "nocolon"}).ok());
  EXPECT_FALSE(parse({"run", "--base-url", "http://x", "--token", "a", "--basic", "u:p"}).ok());
  EXPECT_FALSE(parse({"run", "--base-url", "http://x", "--oauth-token-url", "http://i"}).ok());
  EXPECT_FALSE(parse({"run", "--base-url", "http://x", "--bogus"}).ok());
  EXPECT_FALSE(parse({"run", "--base-url", "http://x", "--receiver-port", "70000"}).ok());
  EXPECT_FALSE(parse({"run", "--config", "missing.json"}).ok());
  const auto typo = parse({"run", "--config", "c.json"}, {}, {{"c.json", R"({"base_url":"x"})"}});
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().message.find("base_url"), std::string::npos);
}

TEST(CliParse, HelpAndList) {
  const auto help = parse({"run", "--help"});
  ASSERT_TRUE(help.ok());
  EXPECT_EQ(help->kind, CommandKind::Help);
  EXPECT_NE(help->help.find("--base-url"), std::string::npos);
  const auto list = parse({"list", "--format", "md"});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->list.format, "md");
  EXPECT_FALSE(parse({"list", "--format", "xml"}).ok());
}

// ---- run: exit codes against a scripted target.

class RunCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conf::testing::script_discovery(*fake_, {"filter"});
    auto& sec = catalog_.section(catalog_.spec("rfc7644", "RFC 7644"), "3.4", "Retrieving");
    add(sec, "must-check", Level::Must, [this](Context&) {
      if (must_fails_) throw CheckFailed{"m", "e", "a"};
    });
    add(sec, "should-check", Level::Should, [](Context& c) { c.fail("m", "e", "a"); });
    auto& prof = catalog_.section(catalog_.spec("profile-entra", "Entra", true), "1", "Users");
    add(prof, "entra-check", Level::Must, [](Context&) {});
    config_.base_url = "https://t/scim/v2";
    env_.make_transport = [this](const RunConfig&) {
      return std::unique_ptr<Transport>(std::move(fake_));
    };
    env_.reporters["json"] = [](const RunResult& r, std::ostream& o) { o << r.results.size(); };
    env_.write_file = [this](const std::string& p, const std::string& c) {
      files_[p] = c;
      return true;
    };
    env_.out = &out_;
    env_.err = &err_;
    env_.cancel = &cancel_;
    env_.start_set_receiver = false;
    env_.sleep = [](std::chrono::milliseconds) {};
  }
  void add(Section& s, const std::string& slug, Level level, CheckFn fn) {
    CheckInfo i;
    i.id = (slug == "entra-check" ? "profile-entra/1/" : "rfc7644/3.4/") + slug;
    i.title = slug;
    i.requirement = "r";
    i.level = level;
    catalog_.add(s, i, std::move(fn));
  }
  int run() { return run_command(config_, catalog_, env_); }

  std::unique_ptr<FakeTransport> fake_ = std::make_unique<FakeTransport>();
  Catalog catalog_;
  RunConfig config_;
  RunEnvironment env_;
  CancelFlag cancel_;
  std::ostringstream out_, err_;
  std::map<std::string, std::string> files_;
  bool must_fails_ = false;
};

TEST_F(RunCommandTest, ExitsZeroWhenOnlyShouldFailsAndPrintsTheSummaryLine) {
  config_.reports["json"] = "r.json";
  EXPECT_EQ(run(), 0);
  EXPECT_NE(out_.str().find("\n1 passed, 0 failed, 0 skipped\n"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("1 warnings, 0 errors"), std::string::npos);
  EXPECT_NE(out_.str().find("PASS  rfc7644/3.4/must-check"), std::string::npos);
  EXPECT_EQ(files_.at("r.json"), "2");  // the profile check did not run
}

TEST_F(RunCommandTest, ExitsOneWhenAMustFails) {
  must_fails_ = true;
  EXPECT_EQ(run(), 1);
  EXPECT_NE(out_.str().find("FAIL  rfc7644/3.4/must-check"), std::string::npos);
  EXPECT_NE(out_.str().find("expected: e"), std::string::npos);
}

TEST_F(RunCommandTest, ExitsTwoWhenTheTargetIsUnreachable) {
  fake_ = std::make_unique<FakeTransport>();
  fake_->on("GET", "/", [](const HttpRequest&) {
    HttpResponse r;
    r.transport_error = "Couldn't connect to server";
    return r;
  });
  EXPECT_EQ(run(), 2);
  EXPECT_NE(err_.str().find("Couldn't connect"), std::string::npos);
}

TEST_F(RunCommandTest, ExitsTwoOnUnknownProfileOrUnavailableReport) {
  config_.selection.profile = "okta";
  EXPECT_EQ(run(), 2);
  config_.selection.profile.clear();
  config_.reports["html"] = "r.html";
  EXPECT_EQ(run(), 2);
  EXPECT_NE(err_.str().find("html"), std::string::npos);
}

TEST_F(RunCommandTest, ExitsTwoWhenNothingIsSelected) {
  config_.selection.only = {"rfc7644/3.4/tpyo-*"};
  EXPECT_EQ(run(), 2);
  EXPECT_NE(err_.str().find("no check matches"), std::string::npos);
  EXPECT_TRUE(fake_ != nullptr);  // nothing was sent: the transport was never even created
}

// --only 'interop/*' without --profile waits for discovery: a target that does not claim the
// interop profile runs nothing, which is a usage error, never a green run.
TEST_F(RunCommandTest, InteropOnlyWithoutAClaimIsAUsageErrorAfterDiscovery) {
  auto& sec = catalog_.section(catalog_.spec("interop", "Interop", true), "4", "Conformance");
  CheckInfo i;
  i.id = "interop/4/advertises-conformance";
  i.title = "t";
  i.requirement = "r";
  catalog_.add(sec, i, [](Context&) {});
  config_.selection.only = {"interop/*"};
  EXPECT_EQ(run(), 2);
  EXPECT_NE(err_.str().find("does not claim interopProfileConformant"), std::string::npos)
      << err_.str();
  EXPECT_TRUE(fake_ == nullptr);  // decided after discovery, unlike a typo
}

TEST_F(RunCommandTest, ProfileRunsWhenSelected) {
  config_.selection.profile = "entra";
  config_.selection.min_level = Level::Must;
  EXPECT_EQ(run(), 0);
  EXPECT_NE(out_.str().find("profile-entra/1/entra-check"), std::string::npos);
  EXPECT_NE(out_.str().find("2 passed, 0 failed, 0 skipped"), std::string::npos);
}

TEST_F(RunCommandTest, InterruptedRunWithoutFailuresIsNotAPass) {
  cancel_.request();
  EXPECT_EQ(run(), 2);
  EXPECT_NE(out_.str().find("interrupted"), std::string::npos);
}

TEST_F(RunCommandTest, VerbosePrintsRedactedTranscripts) {
  config_.verbose = true;
  config_.auth.bearer_token = "very-secret";
  auto& sec = catalog_.section(catalog_.spec("rfc7644", ""), "3.4", "");
  CheckInfo i{"rfc7644/3.4/gets", "gets", Level::Must, "r", {}, {}, {}};
  catalog_.add(sec, i, [](Context& c) { c.expect_status(c.get("/Nope"), 200, "GET /Nope"); });
  EXPECT_EQ(run(), 1);
  EXPECT_NE(out_.str().find("> GET https://t/scim/v2/Nope"), std::string::npos);
  EXPECT_NE(out_.str().find("Authorization: Bearer ***"), std::string::npos);
  EXPECT_EQ(out_.str().find("very-secret"), std::string::npos);
}

// ---- list

TEST_F(RunCommandTest, ListFormats) {
  std::ostringstream out, err;
  ListConfig text;
  EXPECT_EQ(list_command(text, catalog_, out, err), 0);
  EXPECT_NE(out.str().find("rfc7644/3.4/must-check  MUST"), std::string::npos);
  EXPECT_NE(out.str().find("profile-entra/1/entra-check"), std::string::npos);
  ListConfig json;
  json.format = "json";
  std::ostringstream jout;
  list_command(json, catalog_, jout, err);
  const auto doc = nlohmann::json::parse(jout.str());
  ASSERT_EQ(doc.size(), 3u);
  EXPECT_EQ(doc[1]["level"], "SHOULD");
  EXPECT_EQ(doc[1]["dependsOn"], nlohmann::json::array());
  auto& sec = catalog_.section(catalog_.spec("rfc7644", ""), "3.4", "");
  CheckInfo dependent{"rfc7644/3.4/builds-on",   "b", Level::Must, "r", {}, {},
                      {"rfc7644/3.4/must-check"}};
  catalog_.add(sec, dependent, [](Context&) {});
  std::ostringstream dout;
  list_command(json, catalog_, dout, err);
  EXPECT_EQ(nlohmann::json::parse(dout.str())[2]["dependsOn"],
            nlohmann::json::array({"rfc7644/3.4/must-check"}));
  ListConfig md;
  md.format = "md";
  std::ostringstream mout;
  list_command(md, catalog_, mout, err);
  EXPECT_NE(mout.str().find("### 3.4 Retrieving"), std::string::npos);
  EXPECT_NE(mout.str().find("| `rfc7644/3.4/should-check` | SHOULD |"), std::string::npos);
  ListConfig unknown;
  unknown.selection.profile = "nope";
  EXPECT_EQ(list_command(unknown, catalog_, out, err), 2);
}

}  // namespace
}  // namespace scim::conf::cli

namespace scim::conf::cli {
namespace {

TEST(Console, TtyGetsColoursAndAProgressLinePlainGetsNeither) {
  CheckResult r;
  r.info.id = "rfc7644/3.4/x";
  r.outcome = Outcome::Passed;
  std::ostringstream tty, plain;
  ConsoleObserver live(tty, {true, true, false});
  live.on_start(2);
  live.on_check_started(r.info);
  live.on_check_finished(r, 1, 2);
  EXPECT_NE(tty.str().find("\x1b[32mPASS"), std::string::npos);
  EXPECT_NE(tty.str().find("\r\x1b[2K"), std::string::npos);
  EXPECT_NE(tty.str().find("[1/2]"), std::string::npos);
  ConsoleObserver ci(plain, {false, false, false});
  ci.on_check_started(r.info);
  ci.on_check_finished(r, 1, 2);
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  EXPECT_EQ(plain.str().find('\r'), std::string::npos);
  EXPECT_EQ(plain.str().rfind("PASS  rfc7644/3.4/x (0 ms)\n", 0), 0u);
}

// A failed check of a published profile quotes the profile's sentence without --verbose (the
// issue's "fails exactly the profile-only rules, each with the profile sentence"); an RFC failure
// keeps the short form.
TEST(Console, PublishedProfileFailuresQuoteTheirSentence) {
  CheckResult profile;
  profile.info.id = "interop/6.5.1.1/path-less-invalid-syntax";
  profile.info.requirement = "Service Providers MUST reject path-less PATCH.";
  profile.outcome = Outcome::Failed;
  CheckResult rfc = profile;
  rfc.info.id = "rfc7644/3.5.2/x";
  rfc.info.requirement = "an RFC sentence";
  std::ostringstream out;
  ConsoleObserver console(out, {false, false, false, {"interop", "ipsie-al1"}});
  console.on_check_finished(profile, 1, 2);
  console.on_check_finished(rfc, 2, 2);
  EXPECT_NE(out.str().find("      requirement (MUST): Service Providers MUST reject path-less "
                           "PATCH.\n"),
            std::string::npos);
  EXPECT_EQ(out.str().find("an RFC sentence"), std::string::npos);
}

}  // namespace
}  // namespace scim::conf::cli
