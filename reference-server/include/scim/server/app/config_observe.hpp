// Private to app: the observability options' flags and config-file keys (docs/observability.md),
// kept beside each other so that one file says how ObserveOptions is filled.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "scim/protocol/result.hpp"
#include "scim/server/observe/observe_options.hpp"

namespace CLI {
class App;
}

namespace scim::app {

using ConfigKeySetter = std::function<Status<std::string>(const nlohmann::json&)>;

// --metrics-auth, --no-metrics, --metrics-max-series, --log-format, --log-level, --no-access-log.
void register_observe_flags(CLI::App& app, observe::ObserveOptions& o);
// The "observe" section of --config: metrics, metricsAuth, metricsMaxSeries, logFormat,
// logLevel, accessLog.
std::map<std::string, ConfigKeySetter> observe_config_keys(observe::ObserveOptions& o);

}  // namespace scim::app
