// Configuration: flags, JSON file, precedence (file < flags), credential specs, validation and
// the exit codes main relies on (0 for --help, 2 for errors).
#include "scim/server/app/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace scim::app {
namespace {

Result<ServerConfig, ConfigExit> parse(std::vector<std::string> args) {
  args.insert(args.begin(), "scim-reference-server");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

std::string write_temp(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("scim_http_config_test_" + name);
  std::ofstream(path) << text;
  return path.string();
}

TEST(Config, DefaultsMatchTheArchitectureContract) {
  auto c = parse({});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->http.bind, "127.0.0.1");
  EXPECT_EQ(c->http.port, 0);
  EXPECT_EQ(c->http.base_path, "/scim/v2");
  EXPECT_TRUE(c->auth.tokens.empty());  // Authenticator then uses "secret" -> default
}

TEST(Config, FlagsFillEverySection) {
  auto c = parse({"--bind",      "0.0.0.0",
                  "--port",      "8443",
                  "--base-path", "/v2",
                  "--threads",   "3",
                  "--token",     "t1=acme:u1",
                  "--token",     "t2",
                  "--basic",     "bob:pw=acme",
                  "--tenant",    "spare",
                  "--lenient",   "--max-results",
                  "50",          "--max-header-bytes",
                  "4096",        "--max-body-bytes",
                  "1000",        "--read-timeout",
                  "0.5",         "--max-connections",
                  "10",          "--schema",
                  "a.json",      "--seed",
                  "s.json"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->http.port, 8443);
  EXPECT_EQ(c->http.threads, 3u);
  ASSERT_EQ(c->auth.tokens.size(), 2u);
  EXPECT_EQ(c->auth.tokens[0].token, "t1");
  EXPECT_EQ(c->auth.tokens[0].tenant, "acme");
  EXPECT_EQ(c->auth.tokens[0].subject, "u1");
  EXPECT_EQ(c->auth.tokens[1].tenant, "default");
  ASSERT_EQ(c->auth.basic.size(), 1u);
  EXPECT_EQ(c->auth.basic[0].password, "pw");
  EXPECT_EQ(c->auth.tenants, std::vector<std::string>{"spare"});
  EXPECT_TRUE(c->service.lenient);
  EXPECT_EQ(c->service.max_results, 50u);
  EXPECT_EQ(c->http.limits.read_timeout, std::chrono::milliseconds(500));
  EXPECT_EQ(c->http.limits.max_connections, 10u);
  EXPECT_EQ(c->registry.schema_files, std::vector<std::string>{"a.json"});
  EXPECT_EQ(c->seed_file, "s.json");
}

TEST(Config, FileIsOverriddenByFlags) {
  auto file = write_temp("ok.json", R"({
    "http": {"port": 9000, "basePath": "/api"},
    "limits": {"readTimeout": 2, "maxBodyBytes": 2048},
    "auth": {"tokens": [{"token": "ft", "tenant": "acme", "subject": "me"}]},
    "service": {"maxResults": 10}
  })");
  auto c = parse({"--config", file, "--port", "9001"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->http.port, 9001);         // flag wins
  EXPECT_EQ(c->http.base_path, "/api");  // file value kept
  EXPECT_EQ(c->http.limits.read_timeout, std::chrono::seconds(2));
  EXPECT_EQ(c->http.limits.max_body_bytes, 2048u);
  ASSERT_EQ(c->auth.tokens.size(), 1u);
  EXPECT_EQ(c->auth.tokens[0].subject, "me");
  EXPECT_EQ(c->service.max_results, 10u);
  auto replaced = parse({"--config", file, "--token", "other"});
  ASSERT_TRUE(replaced.ok());
  ASSERT_EQ(replaced->auth.tokens.size(), 1u);  // list flags replace the file's list
  EXPECT_EQ(replaced->auth.tokens[0].token, "other");
}

// The events subsystem is configurable from the file too (docs/events.md, docs/server.md).
TEST(Config, EventsSectionFillsFeedsAndReceivers) {
  auto file = write_temp("events.json", R"({
    "events": {"payloadMode": "full", "asyncMode": "long", "bulkMaxOperations": 7,
               "feeds": [{"id": "hr", "tenant": "acme", "membership": "explicit",
                          "resourceTypes": ["User"]}],
               "receivers": [{"url": "http://127.0.0.1:9/events", "token": "t", "feed": "hr"}]}
  })");
  auto c = parse({"--config", file});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->events.hub.mode, events::PayloadMode::Full);
  EXPECT_EQ(c->async.mode, async::AsyncMode::Long);
  EXPECT_EQ(c->bulk.max_operations, 7u);
  ASSERT_EQ(c->events.feeds.size(), 1u);
  EXPECT_EQ(c->events.feeds[0].membership, events::Membership::Explicit);
  EXPECT_EQ(c->events.feeds[0].resource_types, std::vector<std::string>{"User"});
  ASSERT_EQ(c->events.receivers.size(), 1u);
  EXPECT_EQ(c->events.receivers[0].feed, "hr");
  auto bad = parse({"--config", write_temp("events-bad.json",
                                           R"({"events": {"feeds": [{"id": "x", "kind": 1}]}})")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, 2);
  EXPECT_NE(bad.error().message.find("kind"), std::string::npos) << bad.error().message;
}

// The optional features (server::Features, docs/server.md "Optional features") from flags and
// from the file's "service" section; an unknown filter operator is a configuration error.
TEST(Config, FeatureSwitchesFromFlagsAndFile) {
  auto defaults = parse({});
  ASSERT_TRUE(defaults.ok());
  const auto& on = defaults->service.features;
  EXPECT_TRUE(on.bulk && on.sort && on.me && on.root_query && on.nested_groups);
  EXPECT_TRUE(on.filter_operators.empty()) << "every operator by default";
  EXPECT_FALSE(defaults->registry.replace_builtin);
  auto flags = parse({"--no-bulk", "--no-sort", "--no-me", "--no-root-query", "--no-nested-groups",
                      "--filter-operators", "eq,and", "--replace-builtin-schemas"});
  ASSERT_TRUE(flags.ok()) << flags.error().message;
  const auto& off = flags->service.features;
  EXPECT_FALSE(off.bulk || off.sort || off.me || off.root_query || off.nested_groups);
  EXPECT_EQ(off.filter_operators, (std::vector<std::string>{"eq", "and"}));
  EXPECT_TRUE(flags->registry.replace_builtin);
  auto file = write_temp("features.json", R"({
    "service": {"bulk": false, "sort": true, "me": false, "rootQuery": false,
                "nestedGroups": false, "filterOperators": ["eq"]},
    "schemas": {"replaceBuiltin": true}
  })");
  auto from_file = parse({"--config", file});
  ASSERT_TRUE(from_file.ok()) << from_file.error().message;
  const auto& f = from_file->service.features;
  EXPECT_FALSE(f.bulk || f.me || f.root_query || f.nested_groups);
  EXPECT_TRUE(f.sort);
  EXPECT_EQ(f.filter_operators, std::vector<std::string>{"eq"});
  EXPECT_TRUE(from_file->registry.replace_builtin);
  auto bad = parse({"--filter-operators", "eq,like"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, 2);
  EXPECT_NE(bad.error().message.find("'like'"), std::string::npos) << bad.error().message;
}

// The behaviour variants of issue 16 (docs/mock.md) server-wide: PATCH, filter and
// changePassword off, PATCH answering 204.
TEST(Config, PatchFilterChangePasswordAndPatchStatus) {
  auto defaults = parse({});
  ASSERT_TRUE(defaults.ok());
  const auto& on = defaults->service.features;
  EXPECT_TRUE(on.patch && on.filter && on.change_password);
  EXPECT_FALSE(defaults->service.patch_no_content);
  auto flags =
      parse({"--no-patch", "--no-filter", "--no-change-password", "--patch-status", "204"});
  ASSERT_TRUE(flags.ok()) << flags.error().message;
  const auto& off = flags->service.features;
  EXPECT_FALSE(off.patch || off.filter || off.change_password);
  EXPECT_TRUE(flags->service.patch_no_content);
  EXPECT_FALSE(parse({"--patch-status", "201"}).ok());
  auto file = write_temp("variants.json", R"({
    "service": {"patch": false, "filter": false, "changePassword": false, "patchStatus": 204}
  })");
  auto from_file = parse({"--config", file});
  ASSERT_TRUE(from_file.ok()) << from_file.error().message;
  EXPECT_FALSE(from_file->service.features.patch || from_file->service.features.filter ||
               from_file->service.features.change_password);
  EXPECT_TRUE(from_file->service.patch_no_content);
  auto bad =
      parse({"--config", write_temp("bad-status.json", R"({"service": {"patchStatus": 201}})")});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("patchStatus"), std::string::npos) << bad.error().message;
}

// RFC 9865 §4: every pagination member is configurable, in the file and by flags.
TEST(Config, PaginationFromFileAndFlags) {
  auto file = write_temp("pagination.json", R"({
    "pagination": {"cursor": true, "index": false, "defaultPaginationMethod": "cursor",
                   "defaultPageSize": 25, "cursorTimeoutSeconds": 90,
                   "cursorKey": "0123456789abcdef0123456789abcdef"}
  })");
  auto c = parse({"--config", file});
  ASSERT_TRUE(c.ok()) << c.error().message;
  const auto& p = c->service.pagination;
  EXPECT_FALSE(p.index);
  EXPECT_EQ(p.default_method, server::PaginationMethod::Cursor);
  EXPECT_EQ(p.default_page_size, 25u);
  EXPECT_EQ(p.cursor_timeout, std::chrono::seconds(90));
  EXPECT_EQ(p.cursor_key.size(), 32u);
  auto flags = parse({"--config", file, "--pagination", "index", "--default-page-size", "7",
                      "--cursor-timeout", "0"});
  ASSERT_TRUE(flags.ok()) << flags.error().message;
  EXPECT_FALSE(flags->service.pagination.cursor);
  EXPECT_TRUE(flags->service.pagination.index);
  EXPECT_EQ(flags->service.pagination.default_page_size, 7u);
  EXPECT_EQ(flags->service.pagination.cursor_timeout, std::chrono::seconds(0));
  for (std::vector<std::string> bad : {std::vector<std::string>{"--pagination", "some"},
                                       {"--cursor-key", "short"},
                                       {"--default-pagination", "offset"},
                                       {"--default-page-size", "0"}}) {
    auto r = parse(bad);
    ASSERT_FALSE(r.ok()) << bad[0];
    EXPECT_EQ(r.error().code, 2);
  }
  auto none =
      parse({"--config", write_temp("pagination-none.json",
                                    R"({"pagination": {"cursor": false, "index": false}})")});
  EXPECT_FALSE(none.ok());
}

TEST(Config, DevicesAreOffUnlessAskedFor) {
  auto c = parse({});
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->registry.devices);
  EXPECT_TRUE(parse({"--devices"})->registry.devices);
  auto file = parse({"--config", write_temp("devices.json", R"({"schemas": {"devices": true}})")});
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_TRUE(file->registry.devices);
}

// The control plane's options (docs/mock.md): flags, the "admin" section, and their bounds.
TEST(Config, AdminFlagsAndSectionFillTheControlPlaneOptions) {
  auto file = write_temp("admin.json", R"({
    "admin": {"tokens": ["file-admin"], "journalSize": 50, "journalMaxBytes": 4096,
              "faultSeed": 7, "faults": [{"tenant": "acme", "type": "error", "status": 503}]}
  })");
  auto c = parse({"--config", file, "--journal-body-bytes", "128", "--journal-file", "/tmp/j.jsonl",
                  "--max-admin-body-bytes", "2048"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->auth.admin_tokens, std::vector<std::string>{"file-admin"});
  EXPECT_EQ(c->admin.journal.max_entries, 50u);
  EXPECT_EQ(c->admin.journal.max_bytes, 4096u);
  EXPECT_EQ(c->admin.journal.max_body_bytes, 128u);
  EXPECT_EQ(c->admin.journal_file.path, "/tmp/j.jsonl");
  EXPECT_EQ(c->admin.fault_seed, 7u);
  ASSERT_EQ(c->admin.faults.size(), 1u);
  EXPECT_EQ(c->http.limits.max_admin_body_bytes, 2048u);
  auto flags = parse({"--config", file, "--admin-token", "a1", "--admin-token", "a2"});
  ASSERT_TRUE(flags.ok());
  EXPECT_EQ(flags->auth.admin_tokens, (std::vector<std::string>{"a1", "a2"}));  // flags replace
  for (std::vector<std::string> bad : {std::vector<std::string>{"--admin-token", "has space"},
                                       {"--journal-size", "2000000"},
                                       {"--journal-body-bytes", "2000000"},
                                       {"--journal-file-max-bytes", "10"},
                                       {"--max-admin-body-bytes", "10"}}) {
    auto r = parse(bad);
    ASSERT_FALSE(r.ok()) << bad[0];
    EXPECT_EQ(r.error().code, 2) << bad[0];
  }
}

TEST(Config, UnknownKeysAndBadTypesInTheFileAreErrors) {
  for (const char* text : {R"({"http": {"prot": 1}})", R"({"nope": {}})",
                           R"({"http": {"port": "80"}})", R"({"http": {"port": 70000}})", R"([1])",
                           R"({"auth": {"tokens": [{"token": "x", "bad": 1}]}})", "{not json"}) {
    auto c = parse({"--config", write_temp("bad.json", text)});
    ASSERT_FALSE(c.ok()) << text;
    EXPECT_EQ(c.error().code, 2) << text;
    EXPECT_FALSE(c.error().message.empty());
  }
}

TEST(Config, BadFlagsExitWithCode2) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--port", "70000"},
                                        {"--port", "abc"},
                                        {"--no-such-flag"},
                                        {"--threads", "1000"},
                                        {"--max-header-bytes", "10"},
                                        {"--read-timeout", "0"},
                                        {"--token", "bad token"},
                                        {"--token", "t=bad/tenant"},
                                        {"--basic", "nopassword"},
                                        {"--tls-cert", "only-cert.pem"},
                                        {"--base-path", "no?query"},
                                        {"--config", "/nonexistent/file.json"}}) {
    auto c = parse(args);
    ASSERT_FALSE(c.ok()) << args[0];
    EXPECT_EQ(c.error().code, 2) << args[0];
  }
}

TEST(Config, HelpExitsZeroAndDocumentsEveryFlag) {
  auto c = parse({"--help"});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, 0);
  for (const char* flag : {"--config",
                           "--bind",
                           "--port",
                           "--base-path",
                           "--threads",
                           "--token",
                           "--basic",
                           "--tenant",
                           "--schema",
                           "--resource-type",
                           "--seed",
                           "--lenient",
                           "--max-header-bytes",
                           "--max-body-bytes",
                           "--max-bulk-body-bytes",
                           "--read-timeout",
                           "--idle-timeout",
                           "--max-connections",
                           "--max-results",
                           "--tls-cert",
                           "--tls-key",
                           "--shutdown-timeout",
                           "--pagination",
                           "--default-pagination",
                           "--default-page-size",
                           "--cursor-timeout",
                           "--cursor-key",
                           "--devices"}) {
    EXPECT_NE(c.error().message.find(flag), std::string::npos) << flag;
  }
}

TEST(TokenSpec, LastBindingAfterB64TokenPadding) {
  auto t = parse_token_spec("abc==acme:u-9");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->token, "abc=");
  EXPECT_EQ(t->tenant, "acme");
  EXPECT_EQ(t->subject, "u-9");
  auto padded = parse_token_spec("abc==");
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(padded->token, "abc==");
  EXPECT_EQ(padded->tenant, "default");
  EXPECT_FALSE(parse_token_spec("").ok());
  EXPECT_FALSE(parse_token_spec("=acme").ok());
  EXPECT_FALSE(parse_token_spec("tok=acme:").ok());
}

TEST(BasicSpec, UserPasswordTenantSubject) {
  auto b = parse_basic_spec("alice:p:w=acme:42");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->user, "alice");
  EXPECT_EQ(b->password, "p:w");
  EXPECT_EQ(b->tenant, "acme");
  EXPECT_EQ(b->subject, "42");
  EXPECT_FALSE(parse_basic_spec(":pw=acme").ok());
  EXPECT_FALSE(parse_basic_spec("user:=acme").ok());
}

}  // namespace
}  // namespace scim::app
