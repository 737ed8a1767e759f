// The catalogue and section resources, built once from the catalogue and the spec texts.
#include <map>

#include "scim/mcp/conformance_tools.hpp"
#include "scim/mcp/content.hpp"

namespace scim::mcp {
namespace {

class CatalogResources final : public ResourceProvider {
 public:
  CatalogResources(const conf::Catalog& catalog, const SpecLibrary& specs) {
    json checks = json::array();
    for (const auto* check : catalog.all()) checks.push_back(check_json(check->info));
    catalog_ = json{{"count", checks.size()}, {"checks", std::move(checks)}}.dump(2);
    for (const auto& spec : catalog.specs()) {
      for (const auto& section : spec.sections) add_section(spec, section, specs);
    }
  }

  std::vector<ResourceInfo> list() const override {
    std::vector<ResourceInfo> out{{std::string(kCatalogUri), "catalog",
                                   "Conformance check catalogue",
                                   "Every check: id, level, the RFC sentence it verifies, tags, "
                                   "and the capabilities it needs.",
                                   "application/json"}};
    for (const auto& [uri, s] : sections_) out.push_back(s.info);
    return out;
  }

  std::optional<ResourceContent> read(const std::string& uri) const override {
    if (uri == kCatalogUri) return ResourceContent{uri, "application/json", catalog_};
    auto it = sections_.find(uri);
    if (it == sections_.end()) return std::nullopt;
    return ResourceContent{uri, "text/markdown", it->second.text};
  }

  std::vector<ResourceTemplate> templates() const override {
    return {{std::string(kSectionUriPrefix) + "{spec}/{section}", "section",
             "An RFC section the checks quote, e.g. rfc7644/3.4.2.2, with its text and the "
             "checks quoting it.",
             "text/markdown"}};
  }

 private:
  struct SectionResource {
    ResourceInfo info;
    std::string text;
  };

  void add_section(const conf::Spec& spec, const conf::Section& section, const SpecLibrary& specs) {
    if (section.checks.empty()) return;
    const auto uri = std::string(kSectionUriPrefix) + spec.id + "/" + section.id;
    std::string text = "# " + spec.title + " §" + section.id + " " + section.title + "\n\n";
    if (auto body = specs.section(spec.id, section.id)) {
      text += "```\n" + *body + "```\n\n";
    } else if (spec.is_profile) {
      text +=
          "(An identity provider's profile: its checks paraphrase the provider's "
          "documentation.)\n\n";
    } else {
      text += "(The spec text was not found in '" + specs.directory() +
              "'; start scim-mcp with --specs-dir.)\n\n";
    }
    text += "## Checks quoting this section\n";
    for (const auto& check : section.checks) {
      text += "\n- `" + check.info.id + "` (" + std::string(conf::to_string(check.info.level)) +
              "): " + check.info.title + "\n  > " + check.info.requirement + "\n";
    }
    sections_[uri] = {
        {uri, spec.id + "/" + section.id, spec.title + " §" + section.id + " " + section.title,
         std::to_string(section.checks.size()) + " check(s) quote this section.", "text/markdown"},
        std::move(text)};
  }

  std::string catalog_;
  std::map<std::string, SectionResource> sections_;
};

class ReportResources final : public ResourceProvider {
 public:
  explicit ReportResources(const RunStore& runs) : runs_(runs) {}

  std::vector<ResourceInfo> list() const override {
    if (!runs_.last()) return {};
    return {{std::string(kReportJsonUri), "report.json", "Last conformance run (JSON)",
             "The last conformance_run's results in the toolkit's JSON report format.",
             "application/json"},
            {std::string(kReportMarkdownUri), "report.md", "Last conformance run (Markdown)",
             "The last conformance_run's summary and failures.", "text/markdown"}};
  }

  std::optional<ResourceContent> read(const std::string& uri) const override {
    if (uri != kReportJsonUri && uri != kReportMarkdownUri) return std::nullopt;
    auto last = runs_.last();
    if (!last) return std::nullopt;  // not found until a run has finished
    if (uri == kReportJsonUri) return ResourceContent{uri, "application/json", last->json_report};
    return ResourceContent{uri, "text/markdown", last->markdown_report};
  }

 private:
  const RunStore& runs_;
};

}  // namespace

std::shared_ptr<ResourceProvider> make_catalog_resources(const conf::Catalog& catalog,
                                                         const SpecLibrary& specs) {
  return std::make_shared<CatalogResources>(catalog, specs);
}

std::shared_ptr<ResourceProvider> make_report_resources(const RunStore& runs) {
  return std::make_shared<ReportResources>(runs);
}

}  // namespace scim::mcp
