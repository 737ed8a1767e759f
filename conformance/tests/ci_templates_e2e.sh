#!/usr/bin/env bash
# End-to-end test of the CI templates (issue 21): the shell steps of the composite GitHub Action
# (action.yml) and of the GitLab template (ci/templates/scim-conformance.gitlab-ci.yml) run here as
# written, taken out of the YAML with yaml_to_json and jq, against the reference server with
# --deviate no-etag (RFC 7644 §3.14 checks fail on purpose), the way each CI system runs them:
#   GitHub: `bash --noprofile --norc -eo pipefail` with the step's env; GITHUB_OUTPUT and
#     GITHUB_STEP_SUMMARY are files. Without expectations the gate is red, with them green; the
#     Gate step turns the recorded exit code into the step's result.
#   GitLab: the job's variables and script lines in one `set -eo pipefail` bash script. The
#     install lines (apt-get, the .deb's download) are left out: this shared machine must not
#     install packages, and ci/package.sh tests the package itself.
# The structure is checked too: every `inputs.X` used is declared, the upload and JUnit steps run
# `if: always()`, GitLab keeps its artefacts `when: always` and feeds junit.xml to the MR.
# Not run: the action's install step (apt-get or a source build) and the upload/JUnit actions,
# which only GitHub can run.
# Usage: ci_templates_e2e.sh SERVER CONFORMANCE YAML_TO_JSON. The server binds 127.0.0.1 port 0;
# only its PID is stopped.
set -euo pipefail

server=$(realpath "${1:?path to scim-reference-server}")
conformance=$(realpath "${2:?path to scim-conformance}")
yaml_to_json=$(realpath "${3:?path to yaml_to_json}")
root=$(cd "$(dirname "$0")/../.." && pwd)
token=ci-templates-token
# shellcheck source=e2e_helpers.sh
source "$(dirname "$0")/e2e_helpers.sh"

# recorded CODE: the run step wrote exactly exit-code=CODE to GITHUB_OUTPUT.
recorded() {
  [[ $(cat "$work/gh-output") == "exit-code=$1" ]] ||
    { cat "$work/last.out" "$work/gh-output" >&2; fail "GITHUB_OUTPUT is not exit-code=$1"; }
}

# check JQ_FILTER FILE WHAT: fails with WHAT unless the filter yields true.
check() {
  jq -e "$1" "$2" >/dev/null || fail "$3"
}

start_process server "$server" --bind 127.0.0.1 --port 0 --token "$token" --deviate no-etag
url=$url_server

cat >"$work/expect.json" <<'JSON'
{"expectations": [{"check": "rfc7644/3.14/*", "reason": "no ETag support yet, JIRA-12"}]}
JSON
# A directory that `rfc7644/3.14/*` would match if a template let the shell glob its arguments.
mkdir -p "$work/rfc7644/3.14/globbed"

# --- GitHub: action.yml ----------------------------------------------------------------------
"$yaml_to_json" "$root/action.yml" >"$work/action.json"
declared=$(jq -r '.inputs | keys[]' "$work/action.json" | sort)
used=$(grep -o 'inputs\.[a-z-]*' "$root/action.yml" | sed 's/^inputs\.//' | sort -u)
[[ "$declared" == "$used" ]] || fail "inputs declared ($declared) differ from inputs used ($used)"
for input in base-url token profile expect fail-on-unexpected-pass compare report-dir args \
             package-url; do
  check ".inputs[\"$input\"].description | length > 0" "$work/action.json" "no input $input"
done
check '.inputs["base-url"].required == "true" and .inputs.token.required == "true"' \
  "$work/action.json" "base-url and token must be required"
check '[.runs.steps[] | select(.uses != null) | .if] == ["always()", "always()"]' \
  "$work/action.json" "the upload and JUnit steps must run even when the gate fails"
check '.runs.steps[] | select(.uses != null and (.uses | startswith("actions/upload-artifact")))
       | .with.path == "${{ inputs.report-dir }}/"' "$work/action.json" "the upload takes report-dir"
jq -r '.runs.steps[] | select(.id == "run") | .run' "$work/action.json" >"$work/run-step.sh"
jq -r '.runs.steps[] | select(.name == "Gate") | .run' "$work/action.json" >"$work/gate-step.sh"
[[ -s "$work/run-step.sh" && -s "$work/gate-step.sh" ]] || fail "no run or Gate step in action.yml"

# gh_run EXPECT PROFILE COMPARE: the action's run step as GitHub runs it, reports in $work/gh.
gh_run() {
  rm -rf "$work/gh" && : >"$work/gh-output" && echo "## an earlier step" >"$work/gh-summary.md"
  (cd "$work" && env -i PATH="$PATH" HOME="$HOME" SCIM_CONFORMANCE="$conformance" \
    GITHUB_OUTPUT="$work/gh-output" GITHUB_STEP_SUMMARY="$work/gh-summary.md" \
    SCIM_BASE_URL="$url" SCIM_TOKEN="$token" PROFILE="$2" EXPECT="$1" STRICT=false \
    COMPARE="$3" REPORT_DIR="$work/gh" EXTRA_ARGS="--only rfc7644/3.14/*  --jobs 2" \
    bash --noprofile --norc -eo pipefail "$work/run-step.sh") >"$work/last.out" 2>&1 ||
    { cat "$work/last.out" >&2; fail "the action's run step failed itself"; }
}

gh_run "" "" ""
recorded 1
for f in junit.xml report.html results.json summary.md; do
  [[ -s "$work/gh/$f" ]] || { cat "$work/last.out" >&2; fail "the action wrote no $f"; }
done
check '[.checks[].id | select(startswith("rfc7644/3.14/"))] | length > 5' "$work/gh/results.json" \
  "the args input was globbed by the shell"
contains "$work/gh-summary.md" '❌'
[[ $(head -n 1 "$work/gh-summary.md") == "## an earlier step" ]] || fail "the job summary was overwritten"
cp "$work/gh/results.json" "$work/previous.json"

gh_run "$work/expect.json" entra "$work/previous.json"
recorded 0
check '.profile == "entra" and .expectations != null and .comparison != null' \
  "$work/gh/results.json" "profile, expect or compare did not reach the runner"
contains "$work/gh/junit.xml" '<skipped message="expected failure'
contains "$work/gh-summary.md" '### Expected failures ('
grep -q -- "$token" "$work/gh/junit.xml" "$work/gh/report.html" "$work/gh-summary.md" &&
  fail "the token leaked into a report"

for code in 0 1 2 ""; do
  got=0
  env -i PATH="$PATH" CODE="$code" bash --noprofile --norc -eo pipefail "$work/gate-step.sh" \
    >"$work/last.out" 2>&1 || got=$?
  [[ $got -eq ${code:-2} ]] || fail "the Gate step exits $got for exit code '$code'"
done
contains "$work/last.out" '::error::scim-conformance could not run'

# --- GitLab: ci/templates/scim-conformance.gitlab-ci.yml ------------------------------------
"$yaml_to_json" "$root/ci/templates/scim-conformance.gitlab-ci.yml" >"$work/gitlab.json"
job='.[".scim-conformance"]'
check "$job.image == \"debian:12-slim\" and $job.artifacts.when == \"always\"
       and $job.artifacts.reports.junit == \"scim-report/junit.xml\"" "$work/gitlab.json" \
  "the job must keep artefacts always and report junit.xml"
install='test("apt-get|curl -fsSL")'
check "[$job.script[] | select($install)] | length == 3" "$work/gitlab.json" \
  "expected exactly three install lines to leave out"
mkdir -p "$work/bin" && ln -s "$conformance" "$work/bin/scim-conformance"

# gl_run VARIABLE=VALUE...: the job's script with the template's variables, then these.
gl_run() {
  rm -rf "$work/gl" && mkdir -p "$work/gl/rfc7644/3.14/globbed" && cp "$work/expect.json" "$work/gl/"
  {
    echo 'set -eo pipefail'
    jq -r "$job.variables | to_entries[] | \"export \\(.key)=\\(.value | @sh)\"" "$work/gitlab.json"
    for assignment in "$@"; do printf 'export %q\n' "$assignment"; done
    jq -r "$job.script[] | select($install | not)" "$work/gitlab.json"
  } >"$work/gitlab-job.sh"
  local got=0
  (cd "$work/gl" && env -i PATH="$work/bin:$PATH" HOME="$HOME" SCIM_TOKEN="$token" \
    bash --noprofile --norc "$work/gitlab-job.sh") >"$work/last.out" 2>&1 || got=$?
  echo "$got"
}

base=(SCIM_BASE_URL="$url" SCIM_TOOLKIT_DEB=https://example.invalid/scim-toolkit.deb
      "SCIM_ARGS=--only rfc7644/3.14/*")
[[ $(gl_run "${base[@]}") -eq 1 ]] || { cat "$work/last.out" >&2; fail "GitLab: red without expectations"; }
[[ $(gl_run "${base[@]}" SCIM_EXPECT=expect.json SCIM_PROFILE=okta) -eq 0 ]] ||
  { cat "$work/last.out" >&2; fail "GitLab: green with expectations"; }
while read -r path; do
  [[ -s "$work/gl/$path" ]] || fail "GitLab artefact $path missing"
done < <(jq -r "$job.artifacts.paths[], $job.artifacts.reports.junit" "$work/gitlab.json")
check '.profile == "okta" and .expectations != null' "$work/gl/scim-report/results.json" \
  "GitLab: profile or expectations did not reach the runner"
contains "$work/last.out" '### Expected failures ('  # the summary is printed into the job log
[[ $(gl_run SCIM_TOOLKIT_DEB=x) -eq 2 ]] || fail "GitLab: a missing SCIM_BASE_URL must exit 2"
contains "$work/last.out" 'set SCIM_BASE_URL'

echo "ci templates e2e: ok"
