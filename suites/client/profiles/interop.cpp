// Client checks of the SCIM 2.0 Interoperability Profile (draft-zollner-scim-interop-profile-01):
// what §5.4, §6.2, §6.3, §6.5, §6.5.1.1, §6.5.2.2 and §6.7 require of a client, as far as the
// requests show it. Graded only in a session that asks for "interop": an RFC client may use PUT,
// "co" filters and If-Match; a client that claims the profile may not.
#include <algorithm>
#include <cctype>
#include <set>

#include "../client_check.hpp"

namespace scim::suites::client {
namespace {

using json = nlohmann::json;

void user_agent(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    const std::string* ua = o.header("user-agent");
    if (ua == nullptr || ua->find_first_not_of(" \t") == std::string::npos) {
      out.push_back({o.index, "a request without a User-Agent header",
                     "User-Agent: <the client software>", "no User-Agent"});
    }
  }
}

void scim_content_type(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (!writes_body(o)) continue;
    const std::string* ct = o.header("content-type");
    if (ct == nullptr || media_type(*ct) != "application/scim+json") {
      out.push_back({o.index, "a SCIM body labelled " + (ct ? *ct : std::string("nothing")),
                     "Content-Type: application/scim+json", ct ? *ct : "no Content-Type"});
    }
  }
}

// The operators a filter uses (RFC 7644 §3.4.2.2: compareOp, "pr", "and", "or", "not"), lower
// case, read word by word outside quoted strings. A word is an operator only in operator
// position: after an attribute path, a value or "pr", or anywhere for "not". This is a scan of
// the words, not a parser: the grammar is the server's to check (client-rfc7644/3.4.2.2).
std::set<std::string> filter_operators(const std::string& filter) {
  static const std::set<std::string> kOps = {"eq", "ne", "co", "sw",  "ew", "gt", "lt",
                                             "ge", "le", "pr", "and", "or", "not"};
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(lower_case(word));
    word.clear();
  };
  for (std::size_t i = 0; i < filter.size(); ++i) {
    const char c = filter[i];
    if (c == '"') {  // a string value: skip it, escapes included
      flush();
      for (++i; i < filter.size() && filter[i] != '"'; ++i) i += filter[i] == '\\' ? 1 : 0;
      words.push_back("\"\"");
    } else if (c == ' ' || c == '(' || c == ')' || c == '[' || c == ']') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  std::set<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool operand_before = i > 0 && (kOps.count(words[i - 1]) == 0 || words[i - 1] == "pr");
    if (kOps.count(words[i]) > 0 && (operand_before || words[i] == "not")) out.insert(words[i]);
  }
  return out;
}

void eq_and_only(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    const auto filter = filter_of(o);
    if (!filter) continue;
    std::string others;
    for (const auto& op : filter_operators(*filter)) {
      if (op != "eq" && op != "and") others += (others.empty() ? "" : ", ") + op;
    }
    if (!others.empty()) {
      out.push_back(
          {o.index, "a filter with " + others + ": " + *filter, "only eq and and", others});
    }
  }
}

void filter_get_only(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (o.query.count("filter") > 0 && o.method != "GET") {
      out.push_back({o.index, o.method + " with a filter in the URI", "filters in GET only",
                     o.method + " ?filter="});
    }
  }
}

void no_put(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    if (o.method == "PUT" && o.is_resource_write()) {
      out.push_back({o.index, "PUT " + o.path + " replaces the resource", "PATCH", "PUT"});
    }
  }
}

void path_always(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    const json* ops = is_patch(o) ? patch_operations(o) : nullptr;
    if (ops == nullptr) continue;
    for (const auto& op : *ops) {
      if (!op.is_object() || !op.contains("path")) {
        out.push_back({o.index, "a path-less PATCH operation: " + op.dump(),
                       "\"path\" on every "
                       "operation",
                       "no \"path\""});
        break;
      }
    }
  }
}

// "emails[type eq \"work\"]" targets the element itself; "emails[type eq \"work\"].value" a
// sub-attribute of it.
bool targets_whole_element(const std::string& path) {
  const auto close = path.rfind(']');
  return close != std::string::npos && path.find('[') < close &&
         (close + 1 == path.size() || path[close + 1] != '.');
}

std::vector<std::string> filtered_paths(const Observed& o) {
  std::vector<std::string> out;
  const json* ops = is_patch(o) ? patch_operations(o) : nullptr;
  if (ops == nullptr) return out;
  for (const auto& op : *ops) {
    const json path = op.is_object() ? op.value("path", json()) : json();
    if (path.is_string() && path.get<std::string>().find('[') != std::string::npos) {
      out.push_back(path.get<std::string>());
    }
  }
  return out;
}

void filter_sub_attribute(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    for (const auto& path : filtered_paths(o)) {
      if (targets_whole_element(path)) {
        out.push_back({o.index, "a PATCH path that targets a whole element: " + path,
                       "a sub-attribute after the filter: emails[type eq \"work\"].value", path});
        break;
      }
    }
  }
}

bool is_conditional(const std::string& lower_name) {
  static const std::set<std::string> kConditional = {
      "if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "if-range"};
  return kConditional.count(lower_name) > 0;
}

void no_conditional_headers(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    for (const auto& [name, value] : o.headers) {
      if (is_conditional(name)) {
        out.push_back({o.index, "a conditional header " + name + ": " + value,
                       "no conditional headers", name});
        break;
      }
    }
  }
}

bool any(const Observed&) {
  return true;
}

ClientCheck interop(
    const char* id, const char* title, std::vector<std::string> tags,
    std::function<bool(const Observed&)> applies,
    std::function<void(const std::vector<Observed>&, std::vector<Finding>&)> inspect,
    const char* skip_reason) {
  return {profile_check_info(id, title, std::move(tags)),
          std::move(applies),
          std::move(inspect),
          {},
          {},
          skip_reason};
}

}  // namespace

void add_interop_checks(ClientChecks& out) {
  auto types = interop(
      "client-interop/5.4/canonical-type-values", "type values are the declared canonical values",
      {"schema"}, [](const Observed& o) { return o.is_resource_write(); }, nullptr,
      "no resource write in this session");
  types.leniencies = {"non-canonical-value"};
  out.push_back(std::move(types));
  out.push_back(interop("client-interop/6.2/user-agent", "every request names its User-Agent",
                        {"http"}, any, user_agent, "no request in this session"));
  out.push_back(interop("client-interop/6.2/content-type",
                        "SCIM bodies are labelled application/scim+json", {"media-type"},
                        writes_body, scim_content_type, "no request with a body in this session"));
  out.push_back(interop(
      "client-interop/6.3/eq-and-only", "filters use only eq and and", {"filter"},
      [](const Observed& o) { return filter_of(o).has_value(); }, eq_and_only,
      "no filtered query in this session"));
  out.push_back(interop(
      "client-interop/6.3/filter-get-only", "URI filters only on GET", {"filter"},
      [](const Observed& o) { return o.query.count("filter") > 0; }, filter_get_only,
      "no filter in a URI in this session"));
  out.push_back(interop(
      "client-interop/6.5/no-put", "updates use PATCH, never PUT", {"patch"},
      [](const Observed& o) { return o.is_resource_write(); }, no_put,
      "no resource write in this session"));
  out.push_back(interop("client-interop/6.5.1.1/path-always", "every PATCH operation has a path",
                        {"patch"}, is_patch, path_always, "no PATCH in this session"));
  out.push_back(interop(
      "client-interop/6.5.2.2/filter-sub-attribute", "filtered PATCH paths target a sub-attribute",
      {"patch"}, [](const Observed& o) { return !filtered_paths(o).empty(); }, filter_sub_attribute,
      "no PATCH with a filtered path in this session"));
  out.push_back(interop("client-interop/6.7/no-conditional-headers",
                        "no conditional request headers", {"etag"}, any, no_conditional_headers,
                        "no request in this session"));
}

}  // namespace scim::suites::client
