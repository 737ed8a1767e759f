// Two prompts an engineer starts from: diagnosing why one user's provisioning fails, and making
// an endpoint pass the Microsoft Entra ID profile. Each is a plan the agent carries out with the
// tools, so it stays true to what the target actually does.
#include "scim/mcp/content.hpp"

namespace scim::mcp {
namespace {

json user_message(std::string text) {
  return json::array(
      {{{"role", "user"}, {"content", {{"type", "text"}, {"text", std::move(text)}}}}});
}

class DiagnosePrompt final : public Prompt {
 public:
  explicit DiagnosePrompt(bool mock) : mock_(mock) {}
  PromptInfo info() const override {
    return {
        "diagnose_provisioning",
        "Diagnose why provisioning of a user fails",
        "A step-by-step diagnosis of why creating or updating one user fails on the target.",
        {{"user", "The user's userName, externalId or id.", true},
         {"symptom", "What the provisioning client reports (error text, HTTP status).", false}}};
  }
  json messages(const json& a) const override {
    const auto user = a.value("user", std::string());
    std::string text =
        "Diagnose why provisioning of the user \"" + user + "\" fails on the SCIM target.";
    if (auto s = a.value("symptom", std::string()); !s.empty()) {
      text += " The provisioning client reports: " + s + ".";
    }
    text +=
        "\n\nWork through these steps with the scim-mcp tools and quote what you observe:"
        "\n1. scim_discover: note the User schema's required attributes, whether PATCH, ETags "
        "and filtering are supported, and the extensions."
        "\n2. scim_search on User with filter userName eq \"" +
        user +
        "\" (then externalId eq "
        "\"" +
        user +
        "\") to see whether the user exists and what it holds."
        "\n3. If it exists, scim_get it and compare it with what the client sends; if not, "
        "scim_create a copy of the intended user to reproduce the error, and read the SCIM "
        "error's status, scimType and detail (RFC 7644 §3.12)."
        "\n4. Run conformance_run with tags [\"users\"] (add profile \"entra\" or \"okta\" if "
        "the client is that identity provider) and use conformance_explain on each failure to "
        "cite the RFC sentence involved.";
    if (mock_) {
      text +=
          "\n5. The target is the reference server: read mock_journal to see the exact "
          "requests the client sent and the answers it got.";
    }
    text +=
        "\nEnd with the cause, the evidence (requests and responses) and the fix, saying "
        "whether the client or the server breaks the RFC. Delete anything you created.";
    return user_message(std::move(text));
  }

 private:
  bool mock_;
};

class EntraPrompt final : public Prompt {
 public:
  PromptInfo info() const override {
    return {"pass_entra_profile",
            "Make my endpoint pass the Entra profile",
            "Runs the Microsoft Entra ID provisioning profile and plans the fixes, failure by "
            "failure.",
            {{"focus", "Optional check-id glob to narrow the work, e.g. profile-entra/*/users*.",
              false}}};
  }
  json messages(const json& a) const override {
    std::string text =
        "Make this SCIM endpoint pass the Microsoft Entra ID provisioning profile.\n"
        "1. scim_discover to see what the endpoint advertises.\n"
        "2. conformance_run with profile \"entra\"";
    if (auto f = a.value("focus", std::string()); !f.empty()) text += " and only [\"" + f + "\"]";
    text +=
        ", then read scim-conformance://runs/last/report.md.\n"
        "3. For every failure, call conformance_explain with its id, and from the expected and "
        "actual values and the recorded exchanges name the server behaviour to change (status "
        "code, scimType, attribute handling, filter or PATCH semantics).\n"
        "4. Order the fixes by how many checks each one repairs; MUST-level failures first, "
        "then SHOULD-level warnings.\n"
        "5. After each fix is deployed, re-run only the affected checks (only: [ids]) to "
        "confirm.\n"
        "Report a table: check id, level, cause, fix, status.";
    return user_message(std::move(text));
  }
};

}  // namespace

std::vector<std::shared_ptr<Prompt>> make_prompts(bool mock_tools) {
  return {std::make_shared<DiagnosePrompt>(mock_tools), std::make_shared<EntraPrompt>()};
}

}  // namespace scim::mcp
